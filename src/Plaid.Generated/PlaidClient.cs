namespace Plaid.Generated;

/// <summary>
/// Client for Plaid's <c>/processor/balance/get</c> and, in Sandbox, <c>/sandbox/processor_token/create</c>. Safe to share across threads; it never
/// disposes the <see cref="HttpClient"/> it is given. It sends credentials only to the configured
/// origin: a redirect, or a response that a redirect-following handler fetched from elsewhere, is a
/// <see cref="PlaidApiException"/>, never data.
/// </summary>
public sealed partial class PlaidClient
{
    private readonly HttpClient _httpClient;
    private readonly Uri _baseUri;
    private readonly PlaidEnvironment? _tokenEnvironment;
    private readonly string? _clientId;
    private readonly string? _secret;
    private readonly string _plaidVersion;
    private readonly int _maxResponseBytes;
    private readonly int _maxRetryAttempts;
    private readonly TimeSpan _baseDelay;
    private readonly bool _useJitter;
    private readonly TimeSpan _totalTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly PlaidCallObserver? _observer;

    /// <summary>
    /// Creates a client that sends through one <see cref="HttpClient"/> shared by every client made this way
    /// (pooled connections renewed every few minutes so DNS changes are seen, automatic decompression, no
    /// automatic redirects, no timeout of its own: <see cref="PlaidResilienceOptions.TotalTimeout"/> bounds each call).
    /// For callers without IHttpClientFactory.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and never echoes a credential.</exception>
    public PlaidClient(PlaidClientOptions options)
        : this(SharedHttpClient.Instance, options)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> with the given options. Its handler
    /// should not follow redirects (<c>AllowAutoRedirect = false</c>): one that does may already have sent the
    /// credentials to the other origin before the client sees the answer and refuses it. Its
    /// <see cref="HttpClient.Timeout"/>, when shorter than <see cref="PlaidResilienceOptions.TotalTimeout"/>, bounds each attempt.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and never echoes a credential.</exception>
    public PlaidClient(HttpClient httpClient, PlaidClientOptions options)
        : this(httpClient, options, observer: null)
    {
    }

    /// <summary>A client whose retries and failures are also reported to <paramref name="observer"/> (the DI package's logging).</summary>
    internal PlaidClient(HttpClient httpClient, PlaidClientOptions options, PlaidCallObserver? observer)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Check() is [var problem, ..])
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _httpClient = httpClient;
        _baseUri = options.BaseUri is null ? options.Environment.BaseUri() : WithTrailingSlash(options.BaseUri);
        _tokenEnvironment = options.BaseUri is null ? options.Environment : null;
        _productionTarget = ProductionTarget(options);
        _clientId = string.IsNullOrWhiteSpace(options.ClientId) ? null : options.ClientId;
        _secret = string.IsNullOrWhiteSpace(options.Secret) ? null : options.Secret;
        _plaidVersion = options.PlaidVersion;
        _maxResponseBytes = options.MaxResponseBytes;
        var resilience = options.Resilience;
        _maxRetryAttempts = resilience.Enabled ? resilience.MaxRetryAttempts : 0;
        _baseDelay = resilience.BaseDelay;
        _useJitter = resilience.UseJitter;
        _totalTimeout = resilience.TotalTimeout;
        _timeProvider = options.TimeProvider;
        _observer = observer;
        _budgets = options.RateLimits.Limiters();
    }

    private static Uri WithTrailingSlash(Uri baseUri) =>
        baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
}
