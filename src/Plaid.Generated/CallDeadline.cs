using System.Globalization;

namespace Plaid.Generated;

/// <summary>
/// Extends <see cref="HttpClient.Timeout"/> over reading the body. With
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> HttpClient stops timing once the headers
/// arrive, so a body that trickles in would otherwise hold the call past its deadline.
/// </summary>
/// <remarks>
/// A call that ends without the deadline firing hands its <see cref="CancellationTokenSource"/> (and
/// the timer inside it) to the next call on the thread, so the common case allocates nothing.
/// </remarks>
internal readonly struct CallDeadline : IDisposable
{
    [ThreadStatic]
    private static CancellationTokenSource? t_spare;

    private readonly CancellationTokenSource? _source;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly CancellationToken _callerToken;
    private readonly TimeSpan _timeout;

    private CallDeadline(CancellationTokenSource? source, CancellationTokenRegistration callerRegistration, CancellationToken callerToken, TimeSpan timeout)
    {
        _source = source;
        _callerRegistration = callerRegistration;
        _callerToken = callerToken;
        _timeout = timeout;
    }

    /// <summary>Cancelled by the caller's token or when the timeout, started with the send, expires.</summary>
    public CancellationToken Token => _source?.Token ?? _callerToken;

    /// <summary>True when the deadline, not the caller, cancelled <see cref="Token"/>.</summary>
    public bool Expired => _source is { IsCancellationRequested: true } && !_callerToken.IsCancellationRequested;

    /// <summary>Starts timing now, with the same timeout the <see cref="HttpClient"/> applies to its part of the call.</summary>
    public static CallDeadline Start(HttpClient httpClient, CancellationToken callerToken)
    {
        var timeout = httpClient.Timeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return new CallDeadline(null, default, callerToken, timeout);
        }

        var source = t_spare ?? new CancellationTokenSource();
        t_spare = null;
        source.CancelAfter(timeout);
        var callerRegistration = callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
        return new CallDeadline(source, callerRegistration, callerToken, timeout);
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
        return new TaskCanceledException(message, new TimeoutException(message, cancellation), _source!.Token);
    }

    public void Dispose()
    {
        if (_source is null)
        {
            return;
        }

        _callerRegistration.Dispose();
        if (_source.TryReset())
        {
            t_spare = _source; // not cancelled: its timer is stopped and nothing holds its token any more
        }
        else
        {
            _source.Dispose();
        }
    }
}
