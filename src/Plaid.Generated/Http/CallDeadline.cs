using System.Diagnostics;
using System.Globalization;

namespace Plaid.Generated;

/// <summary>
/// Extends <see cref="HttpClient.Timeout"/> over reading the body. With
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> HttpClient stops timing once the headers
/// arrive, so a body that trickles in would otherwise hold the call past its deadline.
/// </summary>
/// <remarks>
/// A <see cref="CancellationTokenSource"/> linked to the caller's token, new for each call. Its timer
/// starts only when the read has to wait (<see cref="Arm"/>), for what is left of the timeout since
/// the send began: a body that arrived with the headers starts no timer. A struct, so the call
/// allocates the token source and nothing else.
/// </remarks>
internal readonly struct CallDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _callerToken;
    private readonly TimeSpan _timeout;
    private readonly long _sendStartedAt;

    private CallDeadline(TimeSpan timeout, long sendStartedAt, CancellationToken callerToken)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        _callerToken = callerToken;
        _timeout = timeout;
        _sendStartedAt = sendStartedAt;
    }

    /// <summary>Cancelled by the caller's token, or once armed, when the timeout expires.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True when the deadline, not the caller, cancelled <see cref="Token"/>.</summary>
    public bool Expired => _source.IsCancellationRequested && !_callerToken.IsCancellationRequested;

    /// <summary>A deadline for reading the body of a call whose send began at <paramref name="sendStartedAt"/>.</summary>
    public static CallDeadline ForBody(HttpClient httpClient, long sendStartedAt, CancellationToken callerToken) =>
        new(httpClient.Timeout, sendStartedAt, callerToken);

    /// <summary>Starts the timer for what is left of the timeout: call it when the read has to wait.</summary>
    public void Arm()
    {
        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var remaining = _timeout - Stopwatch.GetElapsedTime(_sendStartedAt);
        if (remaining > TimeSpan.Zero)
        {
            _source.CancelAfter(remaining);
        }
        else
        {
            _source.Cancel();
        }
    }

    /// <summary>
    /// What to throw when <see cref="Token"/> cancelled a read: the shape HttpClient gives its own
    /// timeout, or else an <see cref="OperationCanceledException"/> carrying the caller's token.
    /// </summary>
    public TaskCanceledException Canceled(OperationCanceledException cancellation)
    {
        if (!Expired)
        {
            return WithToken(cancellation.Message, cancellation, _callerToken);
        }

        var message = $"The request was canceled due to the configured HttpClient.Timeout of {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds elapsing while the response body was read.";
        return WithToken(message, new TimeoutException(message, cancellation), _source.Token);
    }

#if NET
    private static TaskCanceledException WithToken(string message, Exception inner, CancellationToken token) => new(message, inner, token);
#else
    private static TaskCanceledException WithToken(string message, Exception inner, CancellationToken token) =>
        TaskCanceledException.Create(message, inner, token);
#endif

    public void Dispose() => _source.Dispose();
}
