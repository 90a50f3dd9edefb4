using System.Collections.Concurrent;
using System.Net;

namespace Plaid.Generated.Testing;

/// <summary>
/// An in-memory stand-in for Plaid's <c>POST /processor/balance/get</c> and Sandbox's
/// <c>POST /sandbox/processor_token/create</c>, to put under a
/// <see cref="PlaidClient"/> (<c>new HttpClient(new FakePlaidHandler())</c>) or an <c>IHttpClientFactory</c>
/// client. It checks what Plaid checks (credentials in headers or body, <c>Plaid-Version</c>, the token's
/// shape and environment, unknown fields), serves <see cref="DefaultAccount"/> or the account given to
/// <see cref="Serve"/>, enforces Plaid's Capital One rule (<see cref="FakeAccount.NeedsMinLastUpdated"/>), and answers the token
/// <c>processor-&lt;env&gt;-error-&lt;ERROR_CODE&gt;</c> with that documented error, in Plaid's shape and status.
/// A processor token it creates (<c>processor-sandbox-&lt;guid&gt;</c>) serves <see cref="DefaultAccount"/> at the
/// institution it was created for. Safe to share between concurrent calls.
/// </summary>
public sealed class FakePlaidHandler : HttpMessageHandler
{
    private const string BalanceGetPath = "/processor/balance/get";
    private const string SandboxTokenCreatePath = "/sandbox/processor_token/create";

    private readonly ConcurrentDictionary<string, FakeAccount> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakePlaidRequest> _received = new();
    private readonly object _rateLimitLock = new();
    private int _rateLimitedCalls;
    private TimeSpan _retryAfter;

    /// <summary>Creates a fake that accepts any non-empty credentials and serves <see cref="FakeAccount.PlaidChecking"/>.</summary>
    public FakePlaidHandler()
    {
    }

    /// <summary>When set, the only client id accepted (others get <c>INVALID_API_KEYS</c>); when null, any non-empty one.</summary>
    public string? ClientId { get; init; }

    /// <summary>When set, the only secret accepted (others get <c>INVALID_API_KEYS</c>); when null, any non-empty one.</summary>
    public string? Secret { get; init; }

    /// <summary>
    /// The fake's clock: an account with <see cref="FakeAccount.IsLastUpdatedNow"/> (the built-in ones) is dated at its
    /// current time. The system clock unless set; a fake one (e.g. <c>FakeTimeProvider</c>) makes answers repeatable.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The account served for a well-formed token not given one of its own; the spec's example unless set.</summary>
    public FakeAccount DefaultAccount { get; set; } = FakeAccount.PlaidChecking;

    /// <summary>Every request received so far, in order, with its credentials masked.</summary>
    public IReadOnlyList<FakePlaidRequest> ReceivedRequests => [.. _received];

    /// <summary>Serves <paramref name="account"/> for <paramref name="processorToken"/>.</summary>
    /// <returns>This handler, to chain calls.</returns>
    public FakePlaidHandler Serve(string processorToken, FakeAccount account)
    {
        ArgumentException.ThrowIfNullOrEmpty(processorToken);
        ArgumentNullException.ThrowIfNull(account);
        _accounts[processorToken] = account;
        return this;
    }

    /// <summary>
    /// The next <paramref name="calls"/> requests get HTTP 429 <c>RATE_LIMIT_EXCEEDED</c>/<c>RATE_LIMIT</c> with a
    /// <c>Retry-After</c> of <paramref name="retryAfter"/> (whole seconds); later ones are answered normally.
    /// </summary>
    /// <returns>This handler, to chain calls.</returns>
    public FakePlaidHandler RateLimitNext(int calls, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        lock (_rateLimitLock)
        {
            _rateLimitedCalls = calls;
            _retryAfter = retryAfter;
        }

        return this;
    }

    /// <summary>The account served for <paramref name="processorToken"/>, dated if it is dated at each request.</summary>
    internal FakeAccount AccountFor(string processorToken)
    {
        var account = _accounts.GetValueOrDefault(processorToken, DefaultAccount);
        if (!account.IsLastUpdatedNow)
        {
            return account;
        }

        // Whole seconds: the date the rule compares is the one the answer carries (YYYY-MM-DDTHH:mm:ssZ).
        var now = TimeProvider.GetUtcNow();
        return account with { LastUpdatedDatetime = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)) };
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        IFakeRequest read = request.RequestUri?.AbsolutePath == SandboxTokenCreatePath
            ? SandboxTokenRequest.Read(request, body)
            : BalanceRequest.Read(request, body);
        _received.Enqueue(Record(request, body, new CredentialRedactor(read.ClientId, read.Secret)));

        var response = Answer(request, read);
        response.RequestMessage = request;
        return response;
    }

    private HttpResponseMessage Answer(HttpRequestMessage request, IFakeRequest read)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath is not (BalanceGetPath or SandboxTokenCreatePath))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (TakeRateLimitedCall() is { } retryAfter)
        {
            return FakeResponses.Error(DocumentedErrors.ByCode[PlaidErrorCodes.RateLimit], retryAfter);
        }

        return read switch
        {
            SandboxTokenRequest tokenRequest => SandboxTokenRules.Judge(tokenRequest, this) is { } error
                ? FakeResponses.Error(error)
                : FakeResponses.ProcessorToken(CreateProcessorToken(tokenRequest.InstitutionId!)),
            _ => BalanceRules.Judge((BalanceRequest)read, request.RequestUri, this, out var account) is { } error
                ? FakeResponses.Error(error)
                : FakeResponses.Success(account!),
        };
    }

    private string CreateProcessorToken(string institutionId)
    {
        var token = $"processor-sandbox-{Guid.NewGuid()}";
        _accounts[token] = DefaultAccount with { InstitutionId = institutionId };
        return token;
    }

    private TimeSpan? TakeRateLimitedCall()
    {
        lock (_rateLimitLock)
        {
            if (_rateLimitedCalls == 0)
            {
                return null;
            }

            _rateLimitedCalls--;
            return _retryAfter;
        }
    }

    private static FakePlaidRequest Record(HttpRequestMessage request, string body, CredentialRedactor redactor)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(header => header.Key, header => redactor.Redact(string.Join(", ", header.Value)), StringComparer.OrdinalIgnoreCase);
        return new FakePlaidRequest(request.Method, request.RequestUri, headers, redactor.Redact(body));
    }
}
