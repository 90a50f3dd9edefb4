using System.Globalization;

namespace Plaid.Generated;

/// <summary>
/// The one deadline of a call, <see cref="PlaidResilienceOptions.TotalTimeout"/> from its start: its <see cref="Token"/>
/// goes to every send, body read and wait between attempts, and is also cancelled by the caller's token.
/// </summary>
internal sealed class CallDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly CancellationToken _callerToken;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly long _startedAt;

    public CallDeadline(TimeSpan timeout, TimeProvider timeProvider, CancellationToken callerToken)
    {
        _timeout = timeout;
        _timeProvider = timeProvider;
        _callerToken = callerToken;
        _startedAt = timeProvider.GetTimestamp();
#if NET8_0_OR_GREATER
        _source = new CancellationTokenSource(timeout, timeProvider);
#else
        _source = timeProvider.CreateCancellationTokenSource(timeout); // Microsoft.Bcl.TimeProvider
#endif
        _callerRegistration = callerToken.Register(static source => ((CancellationTokenSource)source!).Cancel(), _source);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the timeout, not the caller, cancelled <see cref="Token"/>.</summary>
    public bool Expired => _source.IsCancellationRequested && !_callerToken.IsCancellationRequested;

    /// <summary>Whether a wait of <paramref name="delay"/> would end before the deadline.</summary>
    public bool Allows(TimeSpan delay) => _timeProvider.GetElapsedTime(_startedAt) + delay < _timeout;

    /// <summary>Waits <paramref name="delay"/> on the call's clock, unless the deadline or the caller ends the wait first.</summary>
    public Task WaitAsync(TimeSpan delay) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, _timeProvider, Token);
#else
        _timeProvider.Delay(delay, Token); // Microsoft.Bcl.TimeProvider
#endif

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
