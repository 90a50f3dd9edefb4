using System.Globalization;

namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// The one deadline of a call made through <c>AddPlaidClient</c>: <see cref="PlaidResilienceOptions.TotalTimeout"/>
/// from the send, over every attempt, the waits between them and the response body. Its token is also
/// cancelled by the caller's.
/// </summary>
internal sealed class TotalDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly CancellationToken _callerToken;
    private readonly TimeSpan _timeout;
    private readonly string _settingName;

    public TotalDeadline(TimeSpan timeout, string settingName, TimeProvider timeProvider, CancellationToken callerToken)
    {
        _timeout = timeout;
        _settingName = settingName;
        _callerToken = callerToken;
        _source = new CancellationTokenSource(timeout, timeProvider);
        _callerRegistration = callerToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the timeout, not the caller, cancelled <see cref="Token"/>.</summary>
    public bool Expired => _source.IsCancellationRequested && !_callerToken.IsCancellationRequested;

    /// <summary>HttpClient's shape for a timeout: a <see cref="TaskCanceledException"/> around a <see cref="TimeoutException"/>, naming the setting.</summary>
    public TaskCanceledException TimedOut(OperationCanceledException cancellation)
    {
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"The Plaid call did not finish within {_settingName} ({_timeout.TotalSeconds} seconds), attempts, the waits between them and the response body included.");
        return new TaskCanceledException(message, new TimeoutException(message, cancellation), _source.Token);
    }

    public void Dispose()
    {
        _callerRegistration.Dispose();
        _source.Dispose();
    }
}
