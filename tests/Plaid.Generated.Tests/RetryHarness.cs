using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace Plaid.Generated.Tests;

/// <summary>
/// A <see cref="PlaidClient"/> with its default retries on fake time, over a MockHttp handler that plays scripted
/// answers in order (the last one repeats) and records the fake time of every attempt.
/// </summary>
internal sealed class RetryHarness
{
    /// <summary>Far above any delay the tests expect, so only the timeout tests, which set their own, ever reach it.</summary>
    private static readonly TimeSpan LongTotalTimeout = TimeSpan.FromMinutes(10);

    private readonly Queue<Func<HttpResponseMessage>> _answers = new();
    private Func<HttpResponseMessage>? _last;

    public RetryHarness(Action<PlaidResilienceOptions>? configure = null)
    {
        Handler.Fallback.Respond(() =>
        {
            Attempts.Add(Time.GetUtcNow());
            _last = _answers.Count > 0 ? _answers.Dequeue() : _last;
            return Task.FromResult(_last!());
        });

        var options = new PlaidClientOptions { ClientId = TestClient.ClientId, Secret = TestClient.Secret, TimeProvider = Time };
        options.Resilience.UseJitter = false;
        options.Resilience.TotalTimeout = LongTotalTimeout;
        configure?.Invoke(options.Resilience);
        TotalTimeout = options.Resilience.TotalTimeout;
        Client = new PlaidClient(Handler.ToHttpClient(), options);
    }

    public ObservedTimeProvider Time { get; } = new();

    public MockHttpMessageHandler Handler { get; } = new();

    public PlaidClient Client { get; }

    public TimeSpan TotalTimeout { get; }

    public List<DateTimeOffset> Attempts { get; } = [];

    /// <summary>The time between consecutive attempts.</summary>
    public IReadOnlyList<TimeSpan> Gaps => [.. Attempts.Zip(Attempts.Skip(1), (first, second) => second - first)];

    public RetryHarness Answers(params Func<HttpResponseMessage>[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }

        return this;
    }

    public static Func<HttpResponseMessage> Status(HttpStatusCode status, string body = "", Action<HttpResponseMessage>? configure = null) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    };

    public static Func<HttpResponseMessage> Success => Status(HttpStatusCode.OK, Fixture.SpecExample);

    public static Func<HttpResponseMessage> PlaidError(HttpStatusCode status, string errorType, string errorCode) => Status(status, $$"""
        {"error_type":"{{errorType}}","error_code":"{{errorCode}}","error_message":"scripted","display_message":null,
        "request_id":"req-{{errorCode}}","causes":[],"status":{{(int)status}},"documentation_url":null,"suggested_action":null}
        """);

    public static Func<HttpResponseMessage> ConnectionReset => () => throw new HttpRequestException("Connection reset by peer");

    public Task<ProcessorBalanceGetResponse> Call(CancellationToken cancellationToken = default) =>
        Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = TestClient.SandboxToken }, cancellationToken);

    /// <summary>Calls, moving the fake clock by each wait the client starts (never by the total timeout's own timer).</summary>
    public Task<ProcessorBalanceGetResponse> GetAsync() => Time.RunAsync(Call(), TotalTimeout);

    /// <summary>An operation not safe to repeat (<c>x-idempotent: false</c>), called as <see cref="GetAsync"/> calls.</summary>
    public Task<SandboxProcessorTokenCreateResponse> CreateTokenAsync() =>
        Time.RunAsync(Client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "ins_109508" }), TotalTimeout);

    /// <summary>A created processor token, as Plaid's example answers.</summary>
    public static Func<HttpResponseMessage> Created =>
        Status(HttpStatusCode.OK, """{"processor_token":"processor-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d","request_id":"Aim3b"}""");

    /// <summary>What SocketsHttpHandler throws when nothing listens: on .NET 8+ by HttpRequestError, before that by its inner SocketException.</summary>
    public static Func<HttpResponseMessage> ConnectionRefused => () => throw new HttpRequestException(
        HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
}
