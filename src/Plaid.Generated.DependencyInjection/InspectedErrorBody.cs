using System.Runtime.ExceptionServices;

namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// The start of an error response's body, read so the retry rule can see its <c>error_code</c>. The
/// response's content is replaced by one that gives the client the same body: the bytes read here,
/// then the rest of the original stream, or the failure that cut the read short. So a body too large
/// to inspect or cut off mid-way reaches the client as it would without retries.
/// </summary>
internal sealed class InspectedErrorBody : ReplacedContent
{
    private readonly byte[] _start;
    private readonly int _startLength;
    private readonly Stream _rest;
    private readonly ExceptionDispatchInfo? _failure;

    private InspectedErrorBody(HttpContent original, byte[] start, int startLength, Stream rest, ExceptionDispatchInfo? failure)
        : base(original)
    {
        _start = start;
        _startLength = startLength;
        _rest = rest;
        _failure = failure;
    }

    /// <summary>The whole body, when it ended within the inspected bytes.</summary>
    public ReadOnlyMemory<byte>? Complete { get; private init; }

    /// <summary>True when the connection failed before the body ended: a transport failure, as the client reports it.</summary>
    public bool CutOff => _failure is not null;

    /// <summary>Reads at most <paramref name="maxBytes"/> of <paramref name="response"/>'s body and puts the replaying content in its place.</summary>
    public static async Task<InspectedErrorBody> ReadAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        // One byte past the limit tells a body that ends at it from one that goes on.
        var start = new byte[(int)Math.Min(original.Headers.ContentLength ?? maxBytes, maxBytes) + 1];
        var length = 0;
        ExceptionDispatchInfo? failure = null;
        try
        {
            int read;
            while (length < start.Length && (read = await stream.ReadAsync(start.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            failure = ExceptionDispatchInfo.Capture(exception);
        }

        var inspected = new InspectedErrorBody(original, start, length, stream, failure)
        {
            Complete = failure is null && length <= maxBytes ? start.AsMemory(0, length) : null,
        };
        response.Content = inspected;
        return inspected;
    }

    protected override Stream OpenBody() => new ReplayStream(this);

    private sealed class ReplayStream(InspectedErrorBody body) : ReadOnlyStream
    {
        private int _position;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < body._startLength)
            {
                var count = Math.Min(buffer.Length, body._startLength - _position);
                body._start.AsMemory(_position, count).CopyTo(buffer);
                _position += count;
                return count;
            }

            body._failure?.Throw();
            return await body._rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
    }
}
