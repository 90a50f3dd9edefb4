namespace Plaid.Generated;

/// <summary>Settings of a <see cref="PlaidClient"/>. The client copies them when it is constructed.</summary>
public sealed partial class PlaidClientOptions
{
    /// <summary>The default cap on a response body: 1 MiB, far above any balance response.</summary>
    public const int DefaultMaxResponseBytes = 1024 * 1024;

    /// <summary>Creates options for the sandbox, without credentials; set them before constructing a client.</summary>
    public PlaidClientOptions()
    {
    }

    /// <summary>Plaid client id, sent as <c>PLAID-CLIENT-ID</c> unless a request carries its own <c>client_id</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>Plaid secret, sent as <c>PLAID-SECRET</c> unless a request carries its own <c>secret</c>. Never logged or put in exception text.</summary>
    public string? Secret { get; set; }

    /// <summary>Which Plaid host to call. Ignored when <see cref="BaseUri"/> is set.</summary>
    public PlaidEnvironment Environment { get; set; } = PlaidEnvironment.Sandbox;

    /// <summary>
    /// An explicit host (a proxy, a fake); overrides <see cref="Environment"/> and turns off the token-environment check.
    /// Must be <c>https</c> unless the host is loopback (see <see cref="CheckBaseUri"/>).
    /// </summary>
    public Uri? BaseUri { get; set; }

    /// <summary>The API version sent as <c>Plaid-Version</c>.</summary>
    public string PlaidVersion { get; set; } = "2020-09-14";

    /// <summary>Largest response body the client reads; a larger one fails with <see cref="PlaidApiException"/> instead of being buffered.</summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>Retries and the call's total deadline (<see cref="PlaidResilienceOptions.TotalTimeout"/>, 60 s); never null.</summary>
    public PlaidResilienceOptions Resilience { get; } = new();

    /// <summary>
    /// Client-side budgets that keep calls under Plaid's rate limits (off by default; never null).
    /// <c>PlaidRateLimitOptions.PlaidDefaults(environment)</c> gives Plaid's documented numbers.
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public PlaidRateLimitOptions RateLimits
    {
        get => _rateLimits;
        set => _rateLimits = value ?? throw new ArgumentNullException(nameof(value));
    }

    private PlaidRateLimitOptions _rateLimits = new();

    /// <summary>The clock behind the retry waits and <see cref="PlaidResilienceOptions.TotalTimeout"/>: the system's, or a fake one in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
