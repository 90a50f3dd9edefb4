using System.Globalization;

namespace Plaid.Generated;

/// <summary>
/// Extends <see cref="HttpClient.Timeout"/> over reading the body. With
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> HttpClient stops timing once the headers
/// arrive, so a body that trickles in would otherwise hold the call past its deadline.
/// </summary>
internal sealed class CallDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _callerToken;
    private readonly TimeSpan _timeout;

    private CallDeadline(TimeSpan timeout, CancellationToken callerToken)
    {
        _timeout = timeout;
        _callerToken = callerToken;
        _source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _source.CancelAfter(timeout);
        }
    }

    /// <summary>Cancelled by the caller's token or when the timeout, started with the send, expires.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Starts timing now, with the same timeout the <see cref="HttpClient"/> applies to its part of the call.</summary>
    public static CallDeadline Start(HttpClient httpClient, CancellationToken callerToken) => new(httpClient.Timeout, callerToken);

    /// <summary>True when the deadline, not the caller, cancelled <see cref="Token"/>.</summary>
    public bool Expired => _source.IsCancellationRequested && !_callerToken.IsCancellationRequested;

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

    public void Dispose() => _source.Dispose();
}
