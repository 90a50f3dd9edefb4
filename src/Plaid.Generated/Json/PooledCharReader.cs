namespace Plaid.Generated;

/// <summary>A <see cref="StringReader"/> over already decoded characters it does not own: no string, no copy of the body.</summary>
internal sealed class PooledCharReader(char[] chars, int length) : TextReader
{
    private int _position;

    public override int Peek() => _position < length ? chars[_position] : -1;

    public override int Read() => _position < length ? chars[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, length - _position);
        chars.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
