using System.Buffers;
using System.Text;
using Newtonsoft.Json;

namespace Plaid.Generated;

/// <summary>
/// A response body read asynchronously (so cancellation works while it arrives) into a pooled
/// buffer, up to a cap, then decoded once into pooled characters and parsed from memory.
/// </summary>
internal sealed class ResponseContent : IDisposable
{
    private const int InitialBufferSize = 4096;

    private readonly Encoding _declaredEncoding;
    private byte[] _buffer;
    private char[]? _chars;
    private int _charLength;

    private ResponseContent(byte[] buffer, int length, Encoding encoding)
    {
        _buffer = buffer;
        Length = length;
        _declaredEncoding = encoding;
    }

    public int Length { get; }

    /// <exception cref="ResponseTooLargeException">The body is longer than <paramref name="maxBytes"/>.</exception>
    public static async ValueTask<ResponseContent> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var declaredLength = content.Headers.ContentLength; // computed or parsed on each read: read it once
        if (declaredLength > maxBytes)
        {
            throw new ResponseTooLargeException(maxBytes);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declaredLength ?? InitialBufferSize, maxBytes) + 1);
            var length = 0;
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new ResponseTooLargeException(maxBytes);
                    }

                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, Math.Min(buffer.Length * 2L, maxBytes + 1L));
                    }
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }

            return new ResponseContent(buffer, length, EncodingOf(content));
        }
    }

    /// <summary>
    /// A JSON reader over the body whose character buffer is pooled. The body is decoded as a
    /// <see cref="StreamReader"/> would (byte order mark first, then the declared charset) but
    /// without one: no reader buffers per call. It refuses a member named twice in one object
    /// (<see cref="UniqueMemberJsonReader"/>): only success bodies are read through it.
    /// </summary>
    public JsonTextReader OpenJsonReader() =>
        new UniqueMemberJsonReader(new PooledCharReader(DecodedChars(), _charLength)) { ArrayPool = JsonCharPool.Instance };

    public string ReadAsString() => new(DecodedChars(), 0, _charLength);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var chars = Interlocked.Exchange(ref _chars, null);
        if (chars is not null)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private char[] DecodedChars()
    {
        if (_chars is null)
        {
            var bytes = _buffer.AsSpan(0, Length);
            var encoding = ByteOrderMark.Detect(bytes, out var markLength) ?? _declaredEncoding;
            bytes = bytes[markLength..];
            _chars = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(bytes.Length)));
            _charLength = encoding.GetChars(bytes, _chars);
        }

        return _chars;
    }

    private static byte[] Grow(byte[] buffer, long newSize)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)newSize);
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static Encoding EncodingOf(HttpContent content)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"', ' ');
        if (string.IsNullOrEmpty(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}

/// <summary>The body is longer than <see cref="PlaidClientOptions.MaxResponseBytes"/>.</summary>
internal sealed class ResponseTooLargeException(int maxBytes)
    : IOException($"The response body is larger than the {maxBytes}-byte limit (PlaidClientOptions.MaxResponseBytes).");
