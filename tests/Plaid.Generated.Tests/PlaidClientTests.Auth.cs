using System.Net;

namespace Plaid.Generated.Tests;

public class PlaidClientAuthTests
{
    [Test]
    public async Task Body_credentials_win_for_that_call_and_are_not_repeated_in_headers()
    {
        var test = new TestClient().RespondsWithSpecExample();

        await test.Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest
        {
            ProcessorToken = TestClient.SandboxToken,
            ClientId = "body-client-id",
            Secret = "body-secret-value",
        });

        Assert.Multiple(() =>
        {
            Assert.That(test.RequestBody, Is.EqualTo(
                """{"client_id":"body-client-id","secret":"body-secret-value","processor_token":"processor-sandbox-0asd1-a92nc"}"""));
            Assert.That(test.Request!.Headers.Contains("PLAID-CLIENT-ID"), Is.False);
            Assert.That(test.Request.Headers.Contains("PLAID-SECRET"), Is.False);
            Assert.That(test.Request.Headers.GetValues("Plaid-Version"), Is.EqualTo(new[] { "2020-09-14" }));
        });
    }

    [Test]
    public async Task Body_credentials_alone_are_enough()
    {
        var test = new TestClient(new PlaidClientOptions()).RespondsWithSpecExample();

        var response = await test.Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest
        {
            ProcessorToken = TestClient.SandboxToken,
            ClientId = "body-client-id",
            Secret = "body-secret-value",
        });

        Assert.That(response.RequestId, Is.EqualTo("1zlMf"));
    }

    [Test]
    public async Task A_body_secret_with_an_options_client_id_sends_the_client_id_header_only()
    {
        var test = new TestClient(new PlaidClientOptions { ClientId = TestClient.ClientId }).RespondsWithSpecExample();

        await test.Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = TestClient.SandboxToken, Secret = "body-secret-value" });

        Assert.That(test.Request!.Headers.GetValues("PLAID-CLIENT-ID"), Is.EqualTo(new[] { TestClient.ClientId }));
        Assert.That(test.Request.Headers.Contains("PLAID-SECRET"), Is.False);
    }

    [TestCase(null, "a-secret-value", "client id")]
    [TestCase("a-client-id", null, "secret")]
    [TestCase(null, null, "client id (PlaidClientOptions.ClientId or the request's ClientId) and no secret")]
    [TestCase("   ", "a-secret-value", "client id")]
    public async Task Missing_credentials_fail_before_anything_is_sent(string? clientId, string? secret, string named)
    {
        var test = new TestClient(new PlaidClientOptions { ClientId = clientId, Secret = secret }).RespondsWithSpecExample();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => test.GetAsync());

        Assert.That(exception!.Message, Does.Contain("No Plaid " + named));
        Assert.That(test.Request, Is.Null, "nothing may be sent without credentials");
        if (secret is not null)
        {
            Assert.That(exception.ToString(), Does.Not.Contain(secret));
        }
    }

    [TestCase("abc", "secret-Zq8Lw3Xv0Rt7Yp1", "PlaidClientOptions.ClientId")]
    [TestCase("client-id-5f2a9c", "s3c", "PlaidClientOptions.Secret")]
    public void A_credential_too_short_to_redact_is_rejected_without_echoing_it(string clientId, string secret, string named)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new PlaidClient(new HttpClient(), new PlaidClientOptions { ClientId = clientId, Secret = secret }));

        Assert.That(exception!.Message, Does.Contain($"{named} is shorter than 4 characters"));
        Assert.That(exception.Message, Does.Not.Contain($"'{(named.EndsWith("Secret", StringComparison.Ordinal) ? secret : clientId)}'"));
    }

    [Test]
    public async Task A_body_credential_too_short_to_redact_is_rejected_before_sending()
    {
        var test = new TestClient().RespondsWithSpecExample();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => test.Client.ProcessorBalanceGetAsync(
            new ProcessorBalanceGetRequest { ProcessorToken = TestClient.SandboxToken, ClientId = "body-client-id", Secret = "x9" }));

        Assert.That(exception!.Message, Does.Contain("The request's Secret is shorter than 4 characters"));
        Assert.That(exception.Message, Does.Not.Contain("x9"));
        Assert.That(test.Request, Is.Null, "nothing may be sent with a credential the redactor would leave alone");
    }

    [Test]
    public void A_credential_with_a_line_break_is_rejected_without_echoing_it()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new PlaidClient(new HttpClient(), new PlaidClientOptions { ClientId = "client-id", Secret = "s3cr3t\r\nX-Evil: 1" }));

        Assert.That(exception!.Message, Does.Contain("PlaidClientOptions.Secret"));
        Assert.That(exception.ToString(), Does.Not.Contain("s3cr3t"));
    }

    [Test]
    public async Task Secret_and_client_id_never_appear_in_exception_text_even_when_the_server_echoes_them()
    {
        var echo = $$"""
            {"error_type":"INVALID_INPUT","error_code":"INVALID_API_KEYS","error_message":"invalid client_id {{TestClient.ClientId}} or secret {{TestClient.Secret}}","display_message":null,"request_id":"r1"}
            """;
        var test = new TestClient().Responds(HttpStatusCode.BadRequest, echo);

        var exception = await test.GetFailureAsync();

        Assert.Multiple(() =>
        {
            foreach (var text in new[] { exception.Message, exception.ToString(), exception.ResponseBody!, exception.ErrorMessage! })
            {
                Assert.That(text, Does.Not.Contain(TestClient.Secret));
                Assert.That(text, Does.Not.Contain(TestClient.ClientId));
            }

            Assert.That(exception.ErrorMessage, Does.Contain("REDACTED"));
        });
    }

    [Test]
    public async Task Secret_never_appears_when_a_success_body_echoing_it_is_malformed()
    {
        var body = """{"account":{"account_id":"SECRET","balances":{"available":"SECRET"}}}""".Replace("SECRET", TestClient.Secret, StringComparison.Ordinal);
        var test = new TestClient().Responds(HttpStatusCode.OK, body);

        var exception = await test.GetFailureAsync();

        Assert.That(exception.ToString(), Does.Not.Contain(TestClient.Secret));
        Assert.That(exception.ResponseBody, Does.Not.Contain(TestClient.Secret));
    }
}
