namespace Plaid.Generated;

/// <summary>
/// How a <see cref="PlaidClient"/> retries failed calls and how long a call may take, however the client was made
/// (<see cref="PlaidClientOptions.Resilience"/>; configuration section <c>Plaid:Resilience</c> with <c>AddPlaidClient</c>).
/// </summary>
public sealed class PlaidResilienceOptions
{
    /// <summary>Whether failed calls are retried. <see cref="TotalTimeout"/> applies either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Retries after the first attempt; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; each further retry doubles it. A <c>Retry-After</c> header takes precedence.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Spreads each backoff delay over ±20 % so that many clients do not retry in lockstep.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// Limit on the whole call: every attempt, the waits between them and the reading of the response body. A wait
    /// that would end past it is not started (the call ends with the failure that asked for it). When it elapses the
    /// call fails with a <see cref="TaskCanceledException"/> whose inner exception is a <see cref="TimeoutException"/>
    /// naming this setting, the shape of HttpClient's own timeout. The default, 60 s, leaves room for one attempt as slow
    /// as Plaid says a real-time balance request can be ("typically less than 10 seconds, but occasionally up to 30
    /// seconds or more") and a retry after it.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
