using System.Diagnostics;
using System.Globalization;

namespace Plaid.Generated;

/// <summary>
/// Extends a caller's own <see cref="HttpClient.Timeout"/> over reading one attempt's body. With
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> HttpClient stops timing once the headers
/// arrive, so a body that trickles in would otherwise hold the attempt past that timeout. The client's
/// own HttpClients (shared, and AddPlaidClient's) have none: <see cref="CallDeadline"/> bounds their calls.
/// </summary>
/// <remarks>
/// A struct that allocates nothing when the timeout is infinite; otherwise a <see cref="CancellationTokenSource"/>
/// linked to the call's token, whose timer starts only when the read has to wait (<see cref="Arm"/>), for what
/// is left of the timeout since the send began: a body that arrived with the headers starts no timer.
/// </remarks>
internal readonly struct HttpClientBodyTimeout : IDisposable
{
    private readonly CancellationTokenSource? _source;
    private readonly CancellationToken _callToken;
    private readonly TimeSpan _timeout;
    private readonly long _sendStartedAt;

    public HttpClientBodyTimeout(HttpClient httpClient, long sendStartedAt, CancellationToken callToken)
    {
        _timeout = httpClient.Timeout;
        _callToken = callToken;
        _sendStartedAt = sendStartedAt;
        _source = _timeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(callToken);
    }

    /// <summary>Cancelled by the call's token, or once armed, when the HttpClient's timeout expires.</summary>
    public CancellationToken Token => _source?.Token ?? _callToken;

    /// <summary>True when this timeout, not the call's token, cancelled <see cref="Token"/>.</summary>
    public bool Expired => _source is { IsCancellationRequested: true } && !_callToken.IsCancellationRequested;

    /// <summary>Starts the timer for what is left of the timeout: call it when the read has to wait.</summary>
    public void Arm()
    {
        if (_source is null)
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

    /// <summary>What to throw when this timeout cancelled the read: the shape HttpClient gives its own timeout.</summary>
    public TaskCanceledException TimedOut(OperationCanceledException cancellation)
    {
        var message = $"The request was canceled due to the configured HttpClient.Timeout of {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds elapsing while the response body was read.";
        return Cancellations.TaskCanceled(message, new TimeoutException(message, cancellation), Token);
    }

    public void Dispose() => _source?.Dispose();
}
