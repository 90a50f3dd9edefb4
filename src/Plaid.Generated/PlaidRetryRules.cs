namespace Plaid.Generated;

/// <summary>
/// Which failures are worth sending again, and when: the rule behind <see cref="PlaidApiException.IsRetryable"/>
/// and the client's own retries (<see cref="PlaidClientOptions.Resilience"/>).
/// </summary>
public static class PlaidRetryRules
{
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromDays(1); // TotalTimeout's ceiling: no wait is ever longer
    private static readonly Random Jitter = new();

    /// <summary>
    /// True for 408, 429, any 5xx, and the codes Plaid says will clear with time
    /// (INSTITUTION_DOWN, INSTITUTION_NOT_RESPONDING, PLANNED_MAINTENANCE, which Plaid sends with a 400 or 503).
    /// </summary>
    public static bool IsRetryable(int statusCode, string? errorCode) =>
        statusCode is 408 or 429
        || statusCode >= 500
        || errorCode is PlaidErrorCodes.InstitutionDown or PlaidErrorCodes.InstitutionNotResponding or PlaidErrorCodes.PlannedMaintenance;

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 for the first) when the server sent no <c>Retry-After</c>:
    /// <paramref name="baseDelay"/> doubled for each retry after the first, spread over ±20 % with
    /// <paramref name="useJitter"/> (Azure.Core's exponential retry does the same).
    /// </summary>
    internal static TimeSpan Backoff(int retry, TimeSpan baseDelay, bool useJitter)
    {
        var factor = Math.Pow(2, Math.Min(retry - 1, 40));
        if (useJitter)
        {
            lock (Jitter)
            {
                factor *= 0.8 + (0.4 * Jitter.NextDouble());
            }
        }

        var ticks = baseDelay.Ticks * factor;
        return ticks < LongestBackoff.Ticks ? TimeSpan.FromTicks((long)ticks) : LongestBackoff;
    }
}
