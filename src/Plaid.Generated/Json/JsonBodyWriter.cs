using System.Text.Json;

namespace Plaid.Generated;

/// <summary>
/// Writes models as UTF-8 JSON (request bodies, and the Newtonsoft.Json bridge) with one <see cref="Utf8JsonWriter"/> and
/// buffer that calls take in turn: a call takes the free instance (or makes one while another call holds it), writes
/// synchronously, copies the bytes out and puts it back, so nothing of it is carried across an await.
/// </summary>
internal sealed class JsonBodyWriter
{
    private static JsonBodyWriter? s_free;

    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _json;

    private JsonBodyWriter() => _json = new Utf8JsonWriter(_buffer);

    /// <summary>The model as compact UTF-8 JSON, in an array of its own (a handler may still read a request body after the call).</summary>
    public static byte[] ToUtf8(IPlaidJsonModel model)
    {
        var writer = Interlocked.Exchange(ref s_free, null) ?? new JsonBodyWriter();
        try
        {
            model.WriteJson(writer._json);
            writer._json.Flush();
            return writer._buffer.ToArray();
        }
        finally
        {
            writer._buffer.SetLength(0);
            writer._json.Reset(writer._buffer);
            Volatile.Write(ref s_free, writer);
        }
    }
}
