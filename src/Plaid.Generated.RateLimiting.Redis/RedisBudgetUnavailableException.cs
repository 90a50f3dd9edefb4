namespace Plaid.Generated.RateLimiting.Redis;

/// <summary>
/// Redis, where the Plaid rate-limit budgets are kept, could not be reached, so the budget could not be checked and the
/// request was not sent. The call fails fast rather than running without a limit; retry once Redis is back.
/// </summary>
public sealed class RedisBudgetUnavailableException : Exception
{
    /// <summary>Creates the exception naming the Redis <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The Redis endpoint(s), without a password.</param>
    /// <param name="innerException">StackExchange.Redis's failure.</param>
    public RedisBudgetUnavailableException(string endpoint, Exception innerException)
        : base($"Redis at {endpoint}, which holds the Plaid rate-limit budgets, could not be reached; the budget could not be checked, so the request was not sent (it never runs without a limit).", innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>The Redis endpoint(s) that could not be reached.</summary>
    public string Endpoint { get; }
}
