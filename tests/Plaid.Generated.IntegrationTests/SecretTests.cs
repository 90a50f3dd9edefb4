using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>
/// Servers that echo the credentials back, in every place an exception might quote. Every other
/// test in this project also runs <see cref="SecretAssert"/> on each exception it sees.
/// </summary>
public class SecretTests
{
    private static readonly string Echo = $"client {Credentials.ClientId} with secret {Credentials.Secret} is not allowed";

    [Test]
    public void The_leak_check_catches_a_secret_in_a_message_in_ToString_and_in_the_response_body()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SecretAssert.FindLeak(new PlaidApiException($"bad {Credentials.Secret}", 400), Credentials.All), Is.EqualTo(Credentials.Secret));
            Assert.That(SecretAssert.FindLeak(new InvalidOperationException("outer", new IOException(Credentials.ClientId)), Credentials.All), Is.EqualTo(Credentials.ClientId));
            Assert.That(SecretAssert.FindLeak(new PlaidApiException("m", 400, responseBody: Credentials.Secret), Credentials.All), Is.EqualTo(Credentials.Secret));
            Assert.That(SecretAssert.FindLeak(new PlaidApiException("clean", 400), Credentials.All), Is.Null);
        });
    }

    [Test]
    public async Task A_Plaid_error_that_echoes_the_credentials_is_redacted()
    {
        var body = Fixtures.Read("errors/INVALID_API_KEYS.json")
            .Replace("\"error_message\": \"", $"\"error_message\": \"{Echo}: ", StringComparison.Ordinal);
        var exception = await Responses.FailureFrom(400, body, "application/json");

        Assert.That(exception.ErrorCode, Is.EqualTo("INVALID_API_KEYS"));
        Assert.That(exception.Message, Does.Contain("REDACTED"));
    }

    [TestCase(200, "application/json", TestName = "A_malformed_200_that_echoes_the_credentials_is_redacted")]
    [TestCase(502, "text/html", TestName = "An_HTML_502_that_echoes_the_credentials_is_redacted")]
    public async Task A_body_that_echoes_the_credentials_is_redacted(int status, string contentType)
    {
        var exception = await Responses.FailureFrom(status, $"<html>{Echo}</html>", contentType);

        Assert.That(exception.ResponseBody, Does.Contain("REDACTED"));
    }

    [Test]
    public async Task A_JSON_error_quoting_the_secret_in_an_unexpected_token_is_redacted()
    {
        // Newtonsoft quotes the offending text in its message: the secret must not ride along.
        var exception = await Responses.FailureFrom(200, $"{{\"account\": {Credentials.Secret}}}", "application/json");

        Assert.That(exception.Message, Does.Contain("could not be read"));
    }

    [Test]
    public async Task Per_call_body_credentials_echoed_back_are_redacted()
    {
        const string clientId = "percall-client-55aa";
        const string secret = "percall-secret-H7gT2kQ";
        SecretAssert.Track(clientId);
        SecretAssert.Track(secret);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = await reader.ReadToEndAsync();
            await Responses.Write(context, 400, $"{{\"error_type\":\"INVALID_INPUT\",\"error_code\":\"INVALID_API_KEYS\",\"error_message\":\"you sent {request.Replace("\"", "'", StringComparison.Ordinal)}\",\"display_message\":null}}");
        });
        using var caller = TestCaller.For(server);

        var exception = await Outcome.FailsWith<PlaidApiException>(() => caller.Client.ProcessorBalanceGetAsync(
            new ProcessorBalanceGetRequest { ProcessorToken = Credentials.Token, ClientId = clientId, Secret = secret }));

        Assert.That(exception.ErrorMessage, Does.Contain("REDACTED"));
    }
}
