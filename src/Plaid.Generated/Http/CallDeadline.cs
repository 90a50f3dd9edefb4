using System.Diagnostics;
using System.Globalization;

namespace Plaid.Generated;

/// <summary>
/// Extends <see cref="HttpClient.Timeout"/> over reading the body. With
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> HttpClient stops timing once the headers
/// arrive, so a body that trickles in would otherwise hold the call past its deadline.
/// </summary>
/// <remarks>
/// The timer starts only when the read has to wait (<see cref="Arm"/>), for what is left of the
/// timeout since the send began: a body that arrived with the headers costs no timer. A deadline
/// that did not fire is reused by the next call on the thread, so the common case allocates nothing.
/// </remarks>
internal sealed class CallDeadline : IDisposable
{
    [ThreadStatic]
    private static CallDeadline? t_spare;

    private readonly CancellationTokenSource _source = new();
    private CancellationTokenRegistration _callerRegistration;
    private CancellationToken _callerToken;
    private TimeSpan _timeout;
    private long _sendStartedAt;

    private CallDeadline()
    {
    }

    /// <summary>Cancelled by the caller's token, or once armed, when the timeout expires.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True when the deadline, not the caller, cancelled <see cref="Token"/>.</summary>
    public bool Expired => _source.IsCancellationRequested && !_callerToken.IsCancellationRequested;

    /// <summary>A deadline for reading the body of a call whose send began at <paramref name="sendStartedAt"/>.</summary>
    public static CallDeadline ForBody(HttpClient httpClient, long sendStartedAt, CancellationToken callerToken)
    {
        var deadline = t_spare ?? new CallDeadline();
        t_spare = null;
        deadline._timeout = httpClient.Timeout;
        deadline._sendStartedAt = sendStartedAt;
        deadline._callerToken = callerToken;
        deadline._callerRegistration = callerToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), deadline._source);
        return deadline;
    }

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
            return new TaskCanceledException(cancellation.Message, cancellation, _callerToken);
        }

        var message = $"The request was canceled due to the configured HttpClient.Timeout of {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds elapsing while the response body was read.";
        return new TaskCanceledException(message, new TimeoutException(message, cancellation), _source.Token);
    }

    public void Dispose()
    {
        _callerRegistration.Dispose();
        if (_source.TryReset())
        {
            _callerToken = default;
            t_spare = this; // not cancelled: the timer is stopped and nothing holds the token any more
        }
        else
        {
            _source.Dispose();
        }
    }
}
