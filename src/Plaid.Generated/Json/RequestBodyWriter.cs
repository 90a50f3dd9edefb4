using System.Buffers;
using System.Text.Json;

namespace Plaid.Generated;

/// <summary>
/// Writes request bodies with one <see cref="Utf8JsonWriter"/> and buffer that calls take in turn: a call takes the
/// free instance (or makes one when another call holds it), writes synchronously, copies the bytes out and puts the
/// instance back. Nothing of it outlives the write, so nothing is carried across an await.
/// </summary>
internal sealed class RequestBodyWriter : IBufferWriter<byte>
{
    private static RequestBodyWriter? s_free;

    private readonly Utf8JsonWriter _json;
    private byte[] _buffer = new byte[256];
    private int _length;

    private RequestBodyWriter() => _json = new Utf8JsonWriter(this);

    /// <summary>The model as compact UTF-8 JSON, in an array of its own (a handler may still read it after the call).</summary>
    public static byte[] ToUtf8(IPlaidJsonModel model)
    {
        var writer = Interlocked.Exchange(ref s_free, null) ?? new RequestBodyWriter();
        try
        {
            model.WriteJson(writer._json);
            writer._json.Flush();
            return writer._buffer.AsSpan(0, writer._length).ToArray();
        }
        finally
        {
            writer._length = 0;
            writer._json.Reset(writer);
            Volatile.Write(ref s_free, writer);
        }
    }

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint).AsMemory(_length);

    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).AsSpan(_length);

    private byte[] Ensure(int sizeHint)
    {
        if (_buffer.Length - _length < Math.Max(sizeHint, 1))
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + sizeHint));
        }

        return _buffer;
    }
}
