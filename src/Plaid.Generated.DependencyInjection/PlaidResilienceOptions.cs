namespace Plaid.Generated.DependencyInjection;

/// <summary>How the client registered by <c>AddPlaidClient</c> retries failed calls (configuration section <c>Plaid:Resilience</c>).</summary>
public sealed class PlaidResilienceOptions
{
    /// <summary>Creates the options with each property at the default it states.</summary>
    public PlaidResilienceOptions()
    {
    }

    /// <summary>Whether failed calls are retried. <see cref="TotalTimeout"/> applies either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Retries after the first attempt; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; each further retry doubles it. A <c>Retry-After</c> header takes precedence.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Randomizes the backoff delays so that many clients do not retry in lockstep.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// Limit on the whole call, every attempt, wait and the body included (it replaces HttpClient.Timeout, which is
    /// turned off); when it elapses the call fails with a <see cref="TaskCanceledException"/> whose inner exception
    /// is a <see cref="TimeoutException"/> naming this setting, the shape of HttpClient's own timeout.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
