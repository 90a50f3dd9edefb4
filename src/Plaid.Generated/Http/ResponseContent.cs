using System.Buffers;
using System.Text;

namespace Plaid.Generated;

/// <summary>
/// A response body (a struct: one per attempt, disposed by its reader) read asynchronously (so cancellation works while it arrives) into a pooled
/// buffer, up to a cap, then parsed from memory as UTF-8 JSON.
/// </summary>
/// <remarks>
/// RFC 8259 §8.1 requires UTF-8 and defines no charset parameter for <c>application/json</c>, so a
/// declared charset is ignored and a body that is not valid UTF-8 (UTF-16, Latin-1 with accented
/// letters) is refused. A UTF-8 byte order mark is skipped, as that section allows.
/// </remarks>
internal struct ResponseContent : IDisposable
{
    private const int InitialBufferSize = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _buffer;

    private ResponseContent(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
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
        using (stream)
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

            return new ResponseContent(buffer, length);
        }
    }

    /// <summary>The body as it arrived.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    /// <summary>The body as text, invalid UTF-8 replaced by U+FFFD: for messages and <c>ResponseBody</c>.</summary>
    public string ReadAsString() => Encoding.UTF8.GetString(WithoutByteOrderMark());

    /// <summary>The body as text, or null when it is not valid UTF-8.</summary>
    public string? TryReadAsUtf8()
    {
        try
        {
            return StrictUtf8.GetString(WithoutByteOrderMark());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ReadOnlySpan<byte> WithoutByteOrderMark()
    {
        var bytes = _buffer.AsSpan(0, Length);
        return bytes[PlaidJsonReader.ByteOrderMarkLength(bytes)..];
    }

    private static byte[] Grow(byte[] buffer, long newSize)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)newSize);
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}

/// <summary>The body is longer than <see cref="PlaidClientOptions.MaxResponseBytes"/>.</summary>
internal sealed class ResponseTooLargeException(int maxBytes)
    : IOException($"The response body is larger than the {maxBytes}-byte limit (PlaidClientOptions.MaxResponseBytes).");
