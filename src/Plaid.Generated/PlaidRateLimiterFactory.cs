using System.Threading.RateLimiting;

namespace Plaid.Generated;

/// <summary>
/// Makes the limiters behind <see cref="PlaidRateLimitOptions"/>'s budgets. The default keeps them in this process's
/// memory (<see cref="InProcess"/>); a shared store (Redis) lets a fleet of processes share one budget.
/// A limiter may queue a request or refuse it at once: a refused lease that carries
/// <see cref="MetadataName.RetryAfter"/> tells the client how long to wait before asking again.
/// </summary>
public abstract class PlaidRateLimiterFactory
{
    /// <summary>Lets a store implement the factory.</summary>
    protected PlaidRateLimiterFactory()
    {
    }

    /// <summary>
    /// The in-process budgets: a sliding window whose permits are each held for at least the window plus 2 % and 25 ms, so that no
    /// window of the server's, wherever it starts, sees more than the limit; a request waits in line (first come, first served).
    /// </summary>
    public static PlaidRateLimiterFactory InProcess { get; } = new InProcessFactory();

    /// <summary>The per-client budget: <paramref name="permitLimit"/> requests in any <paramref name="window"/>.</summary>
    /// <param name="permitLimit">Requests allowed per window; positive.</param>
    /// <param name="window">The window.</param>
    /// <returns>A limiter shared by every call of the clients built from the options.</returns>
    public abstract RateLimiter CreateClientLimiter(int permitLimit, TimeSpan window);

    /// <summary>The per-Item budget, partitioned by processor token: <paramref name="permitLimit"/> requests per token in any <paramref name="window"/>.</summary>
    /// <param name="permitLimit">Requests allowed per window and token; positive.</param>
    /// <param name="window">The window.</param>
    /// <returns>A limiter partitioned by the processor token.</returns>
    public abstract PartitionedRateLimiter<string> CreateItemLimiter(int permitLimit, TimeSpan window);

    private sealed class InProcessFactory : PlaidRateLimiterFactory
    {
        private const int Segments = 20;

        public override RateLimiter CreateClientLimiter(int permitLimit, TimeSpan window) => new SlidingWindowRateLimiter(Options(permitLimit, window));

        public override PartitionedRateLimiter<string> CreateItemLimiter(int permitLimit, TimeSpan window) =>
            PartitionedRateLimiter.Create<string, string>(token => RateLimitPartition.GetSlidingWindowLimiter(token, _ => Options(permitLimit, window)), StringComparer.Ordinal);

        // A permit taken in a segment is released when that segment leaves the window, which is at least
        // (Segments - 1) / Segments of the window later: stretch the window so that this is the asked window plus 2 % and
        // 25 ms (a request sent a little later than another, by the network or the scheduler, still lands outside it).
        private static SlidingWindowRateLimiterOptions Options(int permitLimit, TimeSpan window) => new()
        {
            PermitLimit = permitLimit,
            Window = TimeSpan.FromTicks((long)(((window.Ticks * 1.02) + TimeSpan.FromMilliseconds(25).Ticks) * Segments / (Segments - 1))),
            SegmentsPerWindow = Segments,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }
}
