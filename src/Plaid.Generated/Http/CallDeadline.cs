using System.Globalization;

namespace Plaid.Generated;

/// <summary>
/// The one deadline of a call, <see cref="PlaidResilienceOptions.TotalTimeout"/> from its start: its <see cref="Token"/>
/// goes to every send, body read and wait between attempts, and is also cancelled by the caller's token. One
/// <see cref="CancellationTokenSource"/> on the call's <see cref="TimeProvider"/> serves the whole call, including a
/// caller's own <see cref="HttpClient.Timeout"/> over a body read (<see cref="LimitBodyRead"/>).
/// </summary>
internal sealed class CallDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly CancellationToken _callerToken;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly long _startedAt;
    private TimeSpan? _bodyReadLimit;
    private bool _armed;

    public CallDeadline(TimeSpan timeout, TimeProvider timeProvider, CancellationToken callerToken)
    {
        _timeout = timeout;
        _timeProvider = timeProvider;
        _callerToken = callerToken;
        _startedAt = timeProvider.GetTimestamp();
#if NET8_0_OR_GREATER
        _source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider); // its timer starts in Arm
#else
        _source = timeProvider.CreateCancellationTokenSource(timeout); // Microsoft.Bcl.TimeProvider: CancelAfter would not use the provider
        _armed = true;
#endif
        _callerRegistration = callerToken.Register(static source => ((CancellationTokenSource)source!).Cancel(), _source);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the total timeout, not the caller or a body read's limit, cancelled <see cref="Token"/>.</summary>
    public bool Expired => _source.IsCancellationRequested && !_callerToken.IsCancellationRequested && _bodyReadLimit is null;

    /// <summary>True when <see cref="LimitBodyRead"/>'s limit cancelled <see cref="Token"/>.</summary>
    public bool BodyReadTimedOut => _source.IsCancellationRequested && !_callerToken.IsCancellationRequested && _bodyReadLimit is not null;

    /// <summary>
    /// Starts the deadline's timer, for what is left of the timeout: called before the call first waits (a send, a body
    /// or a delay that does not complete at once), so a call that never waits starts no timer.
    /// </summary>
    public void Arm()
    {
        if (!_armed)
        {
            _armed = true;
            CancelIn(Remaining);
        }
    }

    /// <summary>How long since <paramref name="timestamp"/> (a <see cref="Timestamp"/>), on the call's clock.</summary>
    public TimeSpan ElapsedSince(long timestamp) => _timeProvider.GetElapsedTime(timestamp);

    /// <summary>Now, on the call's clock.</summary>
    public long Timestamp => _timeProvider.GetTimestamp();

    /// <summary>
    /// Extends a caller's own <paramref name="httpClientTimeout"/> over reading a body that has to be waited for: with
    /// <see cref="HttpCompletionOption.ResponseHeadersRead"/> HttpClient stops timing once the headers arrive, so a body
    /// that trickles in would otherwise hold the attempt past it. The client's own HttpClients have none (infinite).
    /// </summary>
    public void LimitBodyRead(TimeSpan httpClientTimeout, long sendStartedAt)
    {
        if (httpClientTimeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var remaining = httpClientTimeout - _timeProvider.GetElapsedTime(sendStartedAt);
        if (remaining < Remaining)
        {
            _armed = true;
            _bodyReadLimit = httpClientTimeout;
            CancelIn(remaining);
        }
    }

    /// <summary>Puts the total timeout back after a read that <see cref="LimitBodyRead"/> limited, unless it timed out.</summary>
    public void EndBodyRead()
    {
        if (_bodyReadLimit is not null && !_source.IsCancellationRequested)
        {
            _bodyReadLimit = null;
            CancelIn(Remaining);
        }
    }

    /// <summary>What to throw when <see cref="BodyReadTimedOut"/>: the shape HttpClient gives its own timeout.</summary>
    public TaskCanceledException BodyReadTimeout(OperationCanceledException cancellation)
    {
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "The request was canceled due to the configured HttpClient.Timeout of {0} seconds elapsing while the response body was read.",
            _bodyReadLimit.GetValueOrDefault().TotalSeconds);
        return Cancellations.TaskCanceled(message, new TimeoutException(message, cancellation), Token);
    }

    private TimeSpan Remaining => _timeout - _timeProvider.GetElapsedTime(_startedAt);

    // A due time already past cancels at once.
    private void CancelIn(TimeSpan due) => _source.CancelAfter(due > TimeSpan.Zero ? due : TimeSpan.Zero);

    /// <summary>Whether a wait of <paramref name="delay"/> would end before the deadline.</summary>
    public bool Allows(TimeSpan delay) => delay < Remaining;

    /// <summary>Waits <paramref name="delay"/> on the call's clock, unless the deadline or the caller ends the wait first.</summary>
    public Task WaitAsync(TimeSpan delay)
    {
        Arm();
#if NET8_0_OR_GREATER
        return Task.Delay(delay, _timeProvider, Token);
#else
        return _timeProvider.Delay(delay, Token); // Microsoft.Bcl.TimeProvider
#endif
    }

    /// <summary>
    /// What the call throws for <paramref name="exception"/>: once the deadline expired, HttpClient's shape for a timeout (a
    /// <see cref="TaskCanceledException"/> around a <see cref="TimeoutException"/>) naming the setting, for a cancellation or
    /// a cut-off attempt; a cancellation carrying the caller's token when the caller cancelled; else the exception itself.
    /// </summary>
    public Exception Outcome(Exception exception)
    {
        if (Expired && exception is OperationCanceledException or PlaidApiException { IsTransportFailure: true })
        {
            var message = string.Format(
                CultureInfo.InvariantCulture,
                "The Plaid call did not finish within Plaid:Resilience:TotalTimeout ({0} seconds; PlaidClientOptions.Resilience.TotalTimeout in code), attempts, the waits between them and the response body included.",
                _timeout.TotalSeconds);
            return Cancellations.TaskCanceled(message, new TimeoutException(message, exception), Token);
        }

        return exception is OperationCanceledException cancellation && _callerToken.IsCancellationRequested && cancellation.CancellationToken != _callerToken
            ? Cancellations.TaskCanceled(cancellation.Message, cancellation, _callerToken)
            : exception;
    }

    public void Dispose()
    {
        _callerRegistration.Dispose();
        _source.Dispose();
    }
}
