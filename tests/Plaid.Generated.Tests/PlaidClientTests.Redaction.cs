using System.Net;

namespace Plaid.Generated.Tests;

/// <summary>Every piece of server text put into an exception goes through the same redaction as the body.</summary>
public class PlaidClientRedactionTests
{
    private static TestClient Echoing(HttpStatusCode status, string body) =>
        new TestClient().Responds(status, body, configure: response =>
        {
            response.ReasonPhrase = $"Bad {TestClient.ClientId} {TestClient.Secret}";
            response.Headers.Add("Plaid-Request-Id", $"req-{TestClient.Secret}");
        });

    private static void AssertRedacted(PlaidApiException exception)
    {
        foreach (var text in new[] { exception.Message, exception.ToString(), exception.RequestId ?? "", exception.ResponseBody ?? "" })
        {
            Assert.That(text, Does.Not.Contain(TestClient.Secret).And.Not.Contain(TestClient.ClientId));
        }
    }

    [Test]
    public async Task The_reason_phrase_and_request_id_header_of_a_non_json_error_are_redacted()
    {
        var exception = await Echoing(HttpStatusCode.BadGateway, "<html>bad gateway</html>").GetFailureAsync();

        AssertRedacted(exception);
        Assert.That(exception.Message, Does.Contain("(Bad REDACTED REDACTED)").And.Contain("request_id req-REDACTED"));
        Assert.That(exception.RequestId, Is.EqualTo("req-REDACTED"));
    }

    [Test]
    public async Task The_request_id_header_of_a_plaid_error_without_request_id_is_redacted()
    {
        var body = Fixture.Read("errors/INVALID_FIELD.json").Replace("\"req-INVALID_FIELD\"", "null", StringComparison.Ordinal);

        var exception = await Echoing(HttpStatusCode.BadRequest, body).GetFailureAsync();

        AssertRedacted(exception);
        Assert.That(exception.ErrorCode, Is.EqualTo(PlaidErrorCodes.InvalidField));
        Assert.That(exception.RequestId, Is.EqualTo("req-REDACTED"));
    }

    [Test]
    public async Task The_request_id_header_of_a_malformed_success_is_redacted()
    {
        var exception = await Echoing(HttpStatusCode.OK, "{\"account\": 1,}").GetFailureAsync();

        AssertRedacted(exception);
        Assert.That(exception.RequestId, Is.EqualTo("req-REDACTED"));
    }

    [Test]
    public async Task Credentials_a_server_spells_with_json_escapes_are_redacted_in_every_parsed_member()
    {
        static string Escaped(string value) => "\\u" + ((int)value[0]).ToString("x4") + value[1..];
        var body = $$"""
            {"error_type":"INVALID_INPUT","error_code":"INVALID_API_KEYS",
             "error_message":"keys {{Escaped(TestClient.ClientId)}} / {{Escaped(TestClient.Secret)}} are wrong",
             "display_message":null,"request_id":"req-{{Escaped(TestClient.Secret)}}","causes":["{{Escaped(TestClient.Secret)}}"]}
            """;
        Assert.That(body, Does.Not.Contain(TestClient.Secret), "the body spells the secret only with an escape");

        var exception = await new TestClient().Responds(HttpStatusCode.BadRequest, body).GetFailureAsync();

        AssertRedacted(exception);
        Assert.That(exception.ErrorCode, Is.EqualTo(PlaidErrorCodes.InvalidApiKeys));
        Assert.That(exception.Error!.ErrorMessage, Is.EqualTo("keys REDACTED / REDACTED are wrong"));
        Assert.That(exception.RequestId, Is.EqualTo("req-REDACTED"));
        Assert.That(exception.Error.Causes, Is.EqualTo(new object[] { "REDACTED" }));
    }

    [Test]
    public void Escapes_that_spell_no_credential_are_left_as_the_server_sent_them()
    {
        var redactor = new CredentialRedactor(TestClient.ClientId, TestClient.Secret);

        Assert.That(redactor.Redact("""{"name":"caf\u00e9 \"x\" \\u0073"}"""), Is.EqualTo("""{"name":"caf\u00e9 \"x\" \\u0073"}"""));
    }
}
