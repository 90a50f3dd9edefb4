using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace Plaid.Generated.Tests;

/// <summary>A <see cref="PlaidClient"/> over a MockHttp handler that records what went over the wire.</summary>
internal sealed class TestClient
{
    public const string ClientId = "client-id-5f2a9c";
    public const string Secret = "secret-Zq8Lw3Xv0Rt7Yp1";
    public const string SandboxToken = "processor-sandbox-0asd1-a92nc";
    public const string SandboxUrl = "https://sandbox.plaid.com/processor/balance/get";
    public const string ProductionUrl = "https://production.plaid.com/processor/balance/get";

    public TestClient(PlaidClientOptions? options = null)
    {
        Options = options ?? new PlaidClientOptions { ClientId = ClientId, Secret = Secret };
        // One exchange per call, as these tests read it; retries are PlaidClientTests.Retries' subject.
        Options.Resilience.Enabled = false;
        Client = new PlaidClient(Handler.ToHttpClient(), Options);
    }

    public MockHttpMessageHandler Handler { get; } = new();

    public PlaidClientOptions Options { get; }

    public PlaidClient Client { get; }

    public HttpRequestMessage? Request { get; private set; }

    public string? RequestBody { get; private set; }

    /// <summary>Answers every request with <paramref name="status"/> and <paramref name="body"/>, recording the request.</summary>
    public TestClient Responds(HttpStatusCode status, string body, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        Handler.Fallback.Respond(async request =>
        {
            Request = request;
            RequestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync();
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    public TestClient RespondsWithSpecExample() => Responds(HttpStatusCode.OK, Fixture.SpecExample);

    public Task<ProcessorBalanceGetResponse> GetAsync(string token = SandboxToken, CancellationToken cancellationToken = default) =>
        Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = token }, cancellationToken);

    /// <summary>Calls and expects exactly a <see cref="PlaidApiException"/>: any other exception fails the test.</summary>
    public async Task<PlaidApiException> GetFailureAsync(string token = SandboxToken) =>
        (await Assert.ThrowsAsync<PlaidApiException>(() => GetAsync(token)))!;
}
