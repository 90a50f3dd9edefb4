using System.Buffers;
using System.Text;

namespace Plaid.Generated;

/// <summary>
/// A <see cref="StringWriter"/> without the string: collects what a <c>JsonTextWriter</c> writes in a
/// pooled buffer, so a request body costs no per-call garbage beyond its final bytes' owner.
/// </summary>
internal sealed class PooledCharWriter : TextWriter
{
    private const int InitialSize = 256;

    private char[] _buffer = ArrayPool<char>.Shared.Rent(InitialSize);
    private int _length;

    public PooledCharWriter()
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => Encoding.UTF8;

    public ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

    public override void Write(char value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public override void Write(char[] buffer, int index, int count) => Append(buffer.AsSpan(index, count));

    public override void Write(string? value) => Append(value.AsSpan());

#if NET
    public override void Write(ReadOnlySpan<char> buffer) => Append(buffer);
#endif

    private void Append(ReadOnlySpan<char> buffer)
    {
        if (_buffer.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    protected override void Dispose(bool disposing)
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        _length = 0;
        base.Dispose(disposing);
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
