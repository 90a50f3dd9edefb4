using System.Net;

namespace Plaid.Generated.Tests;

/// <summary>The origin rule in memory (the loopback-socket cases are in the integration tests' RedirectTests).</summary>
public class PlaidClientRedirectTests
{
    [Test]
    public async Task A_3xx_is_an_error_even_when_its_body_looks_like_a_balance()
    {
        var test = new TestClient().Responds(HttpStatusCode.Found, Fixture.SpecExample);

        var exception = await test.GetFailureAsync();

        Assert.That(exception.StatusCode, Is.EqualTo(302));
        Assert.That(exception.Message, Does.StartWith("Plaid answered HTTP 302 (Found) with no Location, a redirect."));
        Assert.That(exception.ResponseBody, Is.Null);
        Assert.That(exception.IsRetryable, Is.False);
    }

    [Test]
    public async Task An_answer_from_another_origin_is_refused_naming_both_origins()
    {
        var client = ClientAnsweredFrom("https://plaid.attacker.example/steal");

        var exception = await Assert.ThrowsAsync<PlaidApiException>(() => client.ProcessorBalanceGetAsync(Request));

        Assert.That(exception!.Message, Does.StartWith(
            "The response came from https://plaid.attacker.example:443, not from the configured https://sandbox.plaid.com:443"));
        Assert.That(exception.ResponseBody, Is.Null);
    }

    [Test]
    public async Task An_answer_from_another_path_of_the_configured_origin_is_data()
    {
        // The credentials stayed with the configured origin; only another origin is refused.
        var client = ClientAnsweredFrom("https://SANDBOX.plaid.com:443/v2/processor/balance/get");

        var response = await client.ProcessorBalanceGetAsync(Request);

        Assert.That(response.Account.Name, Is.EqualTo("Plaid Checking"));
    }

    private static ProcessorBalanceGetRequest Request => new() { ProcessorToken = TestClient.SandboxToken };

    /// <summary>A client over a handler that answers as a redirect-following one would after landing on <paramref name="finalUri"/>.</summary>
    private static PlaidClient ClientAnsweredFrom(string finalUri) =>
        new(new HttpClient(new AnsweredFrom(new Uri(finalUri))), new PlaidClientOptions { ClientId = TestClient.ClientId, Secret = TestClient.Secret });

    private sealed class AnsweredFrom(Uri finalUri) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = finalUri;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Fixture.SpecExample), RequestMessage = request });
        }
    }
}
