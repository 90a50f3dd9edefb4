using RichardSzalay.MockHttp;
using System.Net;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated.Tests;

public class PlaidClientErrorTests
{
    private static readonly string[] RetryableFixtures =
        ["BALANCE_LIMIT", "RATE_LIMIT_EXCEEDED", "INSTITUTION_DOWN", "INSTITUTION_NOT_RESPONDING", "INTERNAL_SERVER_ERROR", "PLANNED_MAINTENANCE"];

    private static IEnumerable<TestCaseData> ErrorFixtures() =>
        Directory.EnumerateFiles(Path.Combine(Fixture.Directory, "errors"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name!, RetryableFixtures.Contains(name)).SetName($"Plaid_error_{name}"));

    [TestCaseSource(nameof(ErrorFixtures))]
    public async Task Plaid_error_becomes_a_typed_exception(string fixture, bool retryable)
    {
        var body = Fixture.Read($"errors/{fixture}.json");
        var expected = JObject.Parse(body);
        var status = (HttpStatusCode)(int)expected["status"]!;
        var test = new TestClient().Responds(status, body);

        var exception = await test.GetFailureAsync();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo((int)status));
            Assert.That(exception.ErrorType.ToString(), Is.EqualTo((string)expected["error_type"]!));
            Assert.That(exception.ErrorCode, Is.EqualTo((string)expected["error_code"]!));
            Assert.That(exception.ErrorMessage, Is.EqualTo((string)expected["error_message"]!));
            Assert.That(exception.DisplayMessage, Is.EqualTo((string?)expected["display_message"]));
            Assert.That(exception.RequestId, Is.EqualTo((string)expected["request_id"]!));
            Assert.That(exception.DocumentationUrl, Is.EqualTo("https://plaid.com/docs/errors/"));
            Assert.That(exception.ResponseBody, Is.EqualTo(body));
            Assert.That(exception.IsRetryable, Is.EqualTo(retryable));
            Assert.That(exception.Message, Does.Contain($"HTTP {(int)status} {expected["error_type"]}/{expected["error_code"]}"));
            Assert.That(exception.Message, Does.Contain((string)expected["request_id"]!));
        });
    }

    [Test]
    public async Task Capital_one_missing_option_is_recognisable_in_a_catch()
    {
        var test = new TestClient().Responds(HttpStatusCode.BadRequest, Fixture.Read("errors/INVALID_FIELD.json"));

        var exception = await test.GetFailureAsync();

        Assert.That(exception.IsInvalidField, Is.True);
        Assert.That(exception.IsLastUpdatedDatetimeOutOfRange, Is.False);
        Assert.That(exception.ErrorType, Is.EqualTo(PlaidErrorType.InvalidRequest));
        Assert.That(exception.ErrorCode, Is.EqualTo(PlaidErrorCodes.InvalidField));
    }

    [Test]
    public async Task Capital_one_stale_balance_is_recognisable_by_code_whatever_the_type()
    {
        var body = Fixture.Read("errors/LAST_UPDATED_DATETIME_OUT_OF_RANGE.json").Replace("INVALID_RESULT", "INVALID_REQUEST", StringComparison.Ordinal);
        var test = new TestClient().Responds(HttpStatusCode.BadRequest, body);

        var exception = await test.GetFailureAsync();

        Assert.That(exception.IsLastUpdatedDatetimeOutOfRange, Is.True);
        Assert.That(exception.IsInvalidField, Is.False);
        Assert.That(exception.IsRetryable, Is.False);
    }

    [Test]
    public async Task Unknown_error_type_and_code_are_preserved_as_strings()
    {
        var test = new TestClient().Responds(HttpStatusCode.BadRequest, Fixture.Read("errors/UNKNOWN_ERROR_TYPE.json"));

        var exception = await test.GetFailureAsync();

        Assert.That(exception.ErrorType.ToString(), Is.EqualTo("QUANTUM_ERROR"));
        Assert.That(exception.ErrorType!.Value.IsKnown, Is.False);
        Assert.That(exception.ErrorCode, Is.EqualTo("ENTANGLEMENT_LOST"));
        Assert.That(exception.RequestId, Is.EqualTo("req-ENTANGLEMENT_LOST"));
    }

    [Test]
    public async Task Request_id_falls_back_to_the_header()
    {
        var body = """{"error_type":"API_ERROR","error_code":"INTERNAL_SERVER_ERROR","error_message":"boom","display_message":null}""";
        var test = new TestClient().Responds(HttpStatusCode.InternalServerError, body, configure: r => r.Headers.Add("Plaid-Request-Id", "hdr-42"));

        var exception = await test.GetFailureAsync();

        Assert.That(exception.RequestId, Is.EqualTo("hdr-42"));
        Assert.That(exception.Message, Does.Contain("hdr-42"));
    }

    [Test]
    public async Task Retry_after_in_seconds_is_exposed()
    {
        var test = new TestClient().Responds((HttpStatusCode)429, Fixture.Read("errors/BALANCE_LIMIT.json"),
            configure: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(42)));

        var exception = await test.GetFailureAsync();

        Assert.That(exception.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(42)));
    }

    [Test]
    public async Task Retry_after_as_an_http_date_is_exposed_as_a_delay()
    {
        var test = new TestClient().Responds((HttpStatusCode)429, Fixture.Read("errors/BALANCE_LIMIT.json"),
            configure: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddMinutes(2)));

        var exception = await test.GetFailureAsync();

        Assert.That(exception.RetryAfter, Is.InRange(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(120)));
    }

    [Test]
    public async Task Error_body_missing_spec_required_members_is_still_read()
    {
        var test = new TestClient().Responds(HttpStatusCode.BadRequest, """{"error_code":"INVALID_FIELD","request_id":"r9"}""");

        var exception = await test.GetFailureAsync();

        Assert.That(exception.ErrorCode, Is.EqualTo("INVALID_FIELD"));
        Assert.That(exception.ErrorType, Is.Null);
        Assert.That(exception.RequestId, Is.EqualTo("r9"));
    }

    [Test]
    public async Task Html_502_from_a_proxy_keeps_the_real_status()
    {
        var html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        var test = new TestClient().Responds(HttpStatusCode.BadGateway, html, "text/html");

        var exception = await test.GetFailureAsync();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(502));
            Assert.That(exception.Message, Does.Contain("HTTP 502").And.Contain("not a Plaid error object").And.Contain("text/html"));
            Assert.That(exception.Error, Is.Null);
            Assert.That(exception.ResponseBody, Is.EqualTo(html));
            Assert.That(exception.IsRetryable, Is.True);
        });
    }

    [Test]
    public async Task Empty_error_body_keeps_the_status()
    {
        var exception = await new TestClient().Responds(HttpStatusCode.ServiceUnavailable, "").GetFailureAsync();

        Assert.That(exception.StatusCode, Is.EqualTo(503));
        Assert.That(exception.Message, Does.Contain("empty body"));
        Assert.That(exception.IsRetryable, Is.True);
    }

    [TestCase("", "the body is empty")]
    [TestCase("null", "the body is JSON null")]
    [TestCase("""{"account":{"account_id":"a1","balances":{"available":1""", "could not be read")]
    [TestCase("""{"account":{"account_id":"a1"},"request_id":"r"}""", "balances")]
    [TestCase("""{"request_id":"r"}""", "account")]
    [TestCase("""{"account":{"account_id":"a1","balances":{"available":1,"current":2,"iso_currency_code":"USD","unofficial_currency_code":null},"mask":null,"name":"n","official_name":null,"type":"depository","subtype":null},"request_id":"r"}""", "limit")]
    [TestCase("""{"account":{"account_id":"a1","balances":{"available":1,"current":2,"limit":null,"iso_currency_code":"USD","unofficial_currency_code":null},"mask":null,"name":"n","official_name":null,"type":"depository","subtype":null},"request_id":null}""", "request_id")]
    [TestCase("""{"account":null,"request_id":"r"}""", "account")]
    [TestCase("""[1,2,3]""", "could not be read")]
    [TestCase("""{"account":"checking","request_id":"r"}""", "could not be read")]
    [TestCase("<html>oops</html>", "could not be read")]
    public async Task Unreadable_success_body_is_a_typed_error_with_the_real_status(string body, string expected)
    {
        var exception = await new TestClient().Responds(HttpStatusCode.OK, body).GetFailureAsync();

        Assert.That(exception.StatusCode, Is.EqualTo(200));
        Assert.That(exception.Message, Does.Contain(expected));
        Assert.That(exception.IsRetryable, Is.False);
    }

    [TestCase("1e400")]
    [TestCase("\"lots\"")]
    [TestCase("true")]
    public async Task Balance_that_is_not_a_finite_number_is_an_error_not_a_value(string available)
    {
        var body = Fixture.SpecExample.Replace("\"available\": 100", $"\"available\": {available}", StringComparison.Ordinal);

        var exception = await new TestClient().Responds(HttpStatusCode.OK, body).GetFailureAsync();

        Assert.That(exception.Message, Does.Contain("available"));
    }

    [Test]
    public async Task Response_larger_than_the_cap_fails_without_buffering_it()
    {
        var options = new PlaidClientOptions { ClientId = TestClient.ClientId, Secret = TestClient.Secret, MaxResponseBytes = 64 };

        var exception = await new TestClient(options).RespondsWithSpecExample().GetFailureAsync();

        Assert.That(exception.Message, Does.Contain("64-byte limit"));
        Assert.That(exception.IsRetryable, Is.False);
    }

    [Test]
    public async Task Connection_failure_is_a_retryable_exception_with_status_zero()
    {
        var test = new TestClient();
        test.Handler.Fallback.Throw(new HttpRequestException("Connection refused (127.0.0.1:9)"));

        var exception = await test.GetFailureAsync();

        Assert.That(exception.StatusCode, Is.EqualTo(0));
        Assert.That(exception.IsTransportFailure, Is.True);
        Assert.That(exception.IsRetryable, Is.True);
        Assert.That(exception.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task A_failed_TLS_handshake_says_Plaid_needs_TLS_1_2()
    {
        // A loopback server that answers the ClientHello with bytes that are not TLS: the handshake fails for real.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            await socket.SendAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), System.Net.Sockets.SocketFlags.None);
            socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var httpClient = new HttpClient();
        var client = new PlaidClient(httpClient, new PlaidClientOptions
        {
            ClientId = TestClient.ClientId,
            Secret = TestClient.Secret,
            BaseUri = new Uri($"https://127.0.0.1:{port}/"),
            Resilience = { Enabled = false }, // the server above answers one connection: one attempt
        });

        var exception = await Assert.ThrowsAsync<PlaidApiException>(
            () => client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = TestClient.SandboxToken }));
        await serving;

        Assert.That(exception!.StatusCode, Is.EqualTo(0));
        Assert.That(exception.Message, Does.StartWith("No response from Plaid: "));
        Assert.That(exception.Message, Does.EndWith(PlaidClient.TlsHandshakeAdvice));
        // The .NET Framework advice applies only there: this runs on .NET.
        Assert.That(exception.Message, Does.Not.Contain("ServicePointManager"));
    }

    [Test]
    public async Task NET_Framework_s_secure_channel_failure_gets_the_TLS_advice()
    {
        var test = new TestClient();
        test.Handler.Fallback.Throw(new HttpRequestException("An error occurred while sending the request.",
            new WebException("The request was aborted: Could not create SSL/TLS secure channel.", WebExceptionStatus.SecureChannelFailure)));

        var exception = await test.GetFailureAsync();

        Assert.That(exception.Message, Does.Contain("Could not create SSL/TLS secure channel."));
        // On .NET Framework itself the advice names ServicePointManager; these tests run on .NET.
        Assert.That(exception.Message, Does.EndWith(PlaidClient.TlsHandshakeAdvice));
        Assert.That(exception.IsTransportFailure, Is.True);
    }

    [Test]
    public async Task Other_connection_failures_get_no_TLS_advice()
    {
        var test = new TestClient();
        test.Handler.Fallback.Throw(new HttpRequestException("Connection refused (127.0.0.1:9)",
            new WebException("Unable to connect to the remote server", WebExceptionStatus.ConnectFailure)));

        var exception = await test.GetFailureAsync();

        Assert.That(exception.Message, Does.Not.Contain("TLS"));
    }

    [TestCase(408, null, true)]
    [TestCase(429, null, true)]
    [TestCase(500, null, true)]
    [TestCase(503, "PLANNED_MAINTENANCE", true)]
    [TestCase(400, "INSTITUTION_DOWN", true)]
    [TestCase(400, "INSTITUTION_NOT_RESPONDING", true)]
    [TestCase(400, "INSTITUTION_NO_LONGER_SUPPORTED", false)]
    [TestCase(400, "ITEM_LOGIN_REQUIRED", false)]
    [TestCase(401, null, false)]
    [TestCase(404, null, false)]
    public void Retry_rules(int status, string? code, bool expected)
    {
        Assert.That(PlaidRetryRules.IsRetryable(status, code), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_408_is_a_retryable_exception()
    {
        var test = new TestClient().Responds(HttpStatusCode.RequestTimeout, "");

        var exception = await test.GetFailureAsync();

        Assert.That(exception.StatusCode, Is.EqualTo(408));
        Assert.That(exception.IsRetryable, Is.True);
    }

    [Test]
    public void Response_body_is_capped()
    {
        var exception = new PlaidApiException("m", 500, responseBody: new string('x', 10_000));

        Assert.That(exception.ResponseBody, Has.Length.EqualTo(PlaidApiException.MaxResponseBodyLength));
    }
}
