using System.Diagnostics;

namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>
/// Notes when HttpClient handed the request on, which is when its Timeout started counting, so a
/// test measures lateness from the real deadline rather than from before serialization.
/// </summary>
internal sealed class SendClock(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private long _started;

    /// <summary>The time from the send to <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public TimeSpan SendStartedUntil(long timestamp) => Stopwatch.GetElapsedTime(Interlocked.Read(ref _started), timestamp);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _started, Stopwatch.GetTimestamp());
        return base.SendAsync(request, cancellationToken);
    }
}
