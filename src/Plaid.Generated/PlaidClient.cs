namespace Plaid.Generated;

/// <summary>
/// Client for Plaid's <c>/processor/balance/get</c>. Safe to share across threads; it never
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

    /// <summary>
    /// Creates a client that sends through one <see cref="HttpClient"/> shared by every client made this way
    /// (pooled connections renewed every few minutes so DNS changes are seen, automatic decompression, no
    /// automatic redirects). For callers without IHttpClientFactory; its timeout is HttpClient's default, 100 s.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and never echoes a credential.</exception>
    public PlaidClient(PlaidClientOptions options)
        : this(SharedHttpClient.Instance, options)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> with the given options. Its handler
    /// should not follow redirects (<c>AllowAutoRedirect = false</c>): one that does may already have sent the
    /// credentials to the other origin before the client sees the answer and refuses it.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and never echoes a credential.</exception>
    public PlaidClient(HttpClient httpClient, PlaidClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);

        _httpClient = httpClient;
        _baseUri = options.BaseUri is null ? options.Environment.BaseUri() : WithTrailingSlash(options.BaseUri);
        _tokenEnvironment = options.BaseUri is null ? options.Environment : null;
        _clientId = Credential(HeaderValue(options.ClientId, nameof(options.ClientId)), $"PlaidClientOptions.{nameof(options.ClientId)}", nameof(options));
        _secret = Credential(HeaderValue(options.Secret, nameof(options.Secret)), $"PlaidClientOptions.{nameof(options.Secret)}", nameof(options));
        _plaidVersion = HeaderValue(options.PlaidVersion, nameof(options.PlaidVersion))
            ?? throw new ArgumentException("PlaidClientOptions.PlaidVersion must not be empty.", nameof(options));
        _maxResponseBytes = options.MaxResponseBytes > 0
            ? options.MaxResponseBytes
            : throw new ArgumentException("PlaidClientOptions.MaxResponseBytes must be positive.", nameof(options));
    }

    private static Uri WithTrailingSlash(Uri baseUri)
    {
        if (PlaidClientOptions.CheckBaseUri(baseUri) is { } problem)
        {
            throw new ArgumentException($"PlaidClientOptions.BaseUri {problem}", "options");
        }

        return baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }

    // The value itself is never echoed.
    private static string? HeaderValue(string? value, string optionName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (HeaderValueRule.HasControlCharacter(value))
        {
            throw new ArgumentException($"PlaidClientOptions.{optionName} contains a control character.", "options");
        }

        return value;
    }
}
