using System.Net;

namespace Plaid.Generated.Tests;

/// <summary>
/// POST /sandbox/processor_token/create, generated with no hand-written line: what goes over the wire, what comes back,
/// Plaid's errors, the checks before sending, and the refusal to run against Production.
/// </summary>
public class PlaidClientSandboxProcessorTokenCreateTests
{
    private const string Url = "https://sandbox.plaid.com/sandbox/processor_token/create";
    private const string CreatedToken = "processor-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d";
    private const string Created = $$"""{"processor_token":"{{CreatedToken}}","request_id":"Aim3b"}""";

    // Plaid's answer for an institution_id it does not know (INVALID_INPUT / INVALID_INSTITUTION, HTTP 400).
    private const string InvalidInstitution = """
        {"error_type":"INVALID_INPUT","error_code":"INVALID_INSTITUTION","error_message":"invalid institution_id provided",
        "display_message":null,"request_id":"x8Jq2","causes":[],"status":400,"documentation_url":"https://plaid.com/docs/errors/invalid-input/#invalid_institution","suggested_action":null}
        """;

    [Test]
    public async Task Sends_the_institution_alone_with_the_credentials_in_headers()
    {
        var test = new TestClient().Responds(HttpStatusCode.OK, Created);

        var created = await test.Client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "ins_109508" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(test.Request!.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(test.Request.RequestUri, Is.EqualTo(new Uri(Url)));
            Assert.That(test.RequestBody, Is.EqualTo("""{"institution_id":"ins_109508"}"""));
            Assert.That(test.Request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            Assert.That(test.Request.Headers.GetValues("PLAID-CLIENT-ID"), Is.EqualTo(new[] { TestClient.ClientId }));
            Assert.That(test.Request.Headers.GetValues("PLAID-SECRET"), Is.EqualTo(new[] { TestClient.Secret }));
            Assert.That(test.Request.Headers.GetValues("Plaid-Version"), Is.EqualTo(new[] { "2020-09-14" }));
            Assert.That((created.ProcessorToken, created.RequestId), Is.EqualTo((CreatedToken, "Aim3b")));
        }
    }

    [Test]
    public async Task Sends_the_options_only_when_set()
    {
        var test = new TestClient().Responds(HttpStatusCode.OK, Created);

        await test.Client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest
        {
            InstitutionId = "ins_109508",
            Options = new SandboxProcessorTokenCreateRequestOptions { OverrideUsername = "user_good", OverridePassword = "pass_good" },
        });
        var full = test.RequestBody;
        await test.Client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest
        {
            InstitutionId = "ins_109508",
            Options = new SandboxProcessorTokenCreateRequestOptions { OverrideUsername = "user_good" },
        });

        Assert.That(full, Is.EqualTo("""{"institution_id":"ins_109508","options":{"override_username":"user_good","override_password":"pass_good"}}"""));
        Assert.That(test.RequestBody, Is.EqualTo("""{"institution_id":"ins_109508","options":{"override_username":"user_good"}}"""));
    }

    [Test]
    public async Task Plaids_error_is_a_PlaidApiException_with_its_code()
    {
        var test = new TestClient().Responds(HttpStatusCode.BadRequest, InvalidInstitution);

        var error = await Assert.ThrowsAsync<PlaidApiException>(
            () => test.Client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "ins_0" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.StatusCode, Is.EqualTo(400));
            Assert.That(error.ErrorType, Is.EqualTo(PlaidErrorType.InvalidInput));
            Assert.That(error.ErrorCode, Is.EqualTo("INVALID_INSTITUTION"));
            Assert.That(error.RequestId, Is.EqualTo("x8Jq2"));
            Assert.That(error.IsRetryable, Is.False);
            Assert.That(error.ToString(), Does.Not.Contain(TestClient.Secret));
        }
    }

    [Test]
    public async Task A_success_without_the_processor_token_is_refused()
    {
        var test = new TestClient().Responds(HttpStatusCode.OK, """{"request_id":"Aim3b"}""");

        var error = await Assert.ThrowsAsync<PlaidApiException>(
            () => test.Client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "ins_109508" }));

        Assert.That(error!.Message, Does.Contain("processor_token"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public async Task A_request_without_institution_id_is_refused_before_sending(string? institution)
    {
        var test = new TestClient().Responds(HttpStatusCode.OK, Created);
        using var telemetry = new TelemetryCapture();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => test.Client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = institution! }));

        Assert.That(error!.Message, Does.StartWith("InstitutionId (institution_id) is required by POST /sandbox/processor_token/create"));
        Assert.That(error.ParamName, Is.EqualTo("request"));
        Assert.That(test.Request, Is.Null, "nothing was sent");
        Assert.That(telemetry.Activities, Is.Empty, "nothing was recorded");
    }

    [Test]
    public async Task The_processor_token_checks_do_not_apply_to_a_request_without_a_processor_token()
    {
        var test = new TestClient(new PlaidClientOptions { ClientId = TestClient.ClientId, Secret = TestClient.Secret, BaseUri = new Uri("http://127.0.0.1:4010") })
            .Responds(HttpStatusCode.OK, Created);

        var created = await test.Client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "ins_109508" });

        Assert.That(created.ProcessorToken, Is.EqualTo(CreatedToken));
    }

    [Test]
    public async Task A_null_request_is_an_ArgumentNullException() =>
        await Assert.ThrowsAsync<ArgumentNullException>(() => new TestClient().Client.SandboxProcessorTokenCreateAsync(null!));

    public static IEnumerable<TestCaseData> ProductionTargets()
    {
        yield return new TestCaseData(new PlaidClientOptions { Environment = PlaidEnvironment.Production }, "PlaidEnvironment.Production")
            .SetName("Environment Production refuses a Sandbox-only operation before sending");
        yield return new TestCaseData(new PlaidClientOptions { BaseUri = new Uri("https://production.plaid.com") }, "PlaidClientOptions.BaseUri https://production.plaid.com")
            .SetName("A BaseUri on production.plaid.com refuses a Sandbox-only operation before sending");
        yield return new TestCaseData(new PlaidClientOptions { BaseUri = new Uri("https://PRODUCTION.Plaid.com./") }, "PlaidClientOptions.BaseUri https://production.plaid.com.")
            .SetName("A BaseUri on production.plaid.com in other spelling refuses a Sandbox-only operation before sending");
    }

    [TestCaseSource(nameof(ProductionTargets))]
    public async Task A_Sandbox_only_operation_is_refused_against_Production_before_anything_is_sent_or_recorded(PlaidClientOptions options, string target)
    {
        options.ClientId = TestClient.ClientId;
        options.Secret = TestClient.Secret;
        var test = new TestClient(options).Responds(HttpStatusCode.OK, Created);
        using var telemetry = new TelemetryCapture();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => test.Client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "ins_109508" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Is.EqualTo(
                $"POST /sandbox/processor_token/create exists only in Plaid's Sandbox, but this client targets Production ({target}); nothing was sent. "
                + "Call it with a client for PlaidEnvironment.Sandbox and Sandbox keys."));
            Assert.That(error.Message, Does.Not.Contain(TestClient.Secret).And.Not.Contain(TestClient.ClientId));
            Assert.That(test.Request, Is.Null, "nothing reached the handler");
            Assert.That(telemetry.Activities, Is.Empty, "no call was recorded");
            Assert.That(telemetry.Measurements, Is.Empty);
        }
    }

    [TestCase("https://sandbox.plaid.com")]
    [TestCase("http://127.0.0.1:4010")]
    [TestCase("http://localhost:4010/plaid/")]
    [TestCase("https://production.plaid.com.example.test")]
    public async Task Any_other_target_may_call_a_Sandbox_only_operation(string baseUri)
    {
        var test = new TestClient(new PlaidClientOptions
        {
            ClientId = TestClient.ClientId,
            Secret = TestClient.Secret,
            Environment = PlaidEnvironment.Production, // ignored: BaseUri wins
            BaseUri = new Uri(baseUri),
        }).Responds(HttpStatusCode.OK, Created);

        await test.Client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "ins_109508" });

        Assert.That(test.Request!.RequestUri!.AbsolutePath, Does.EndWith("/sandbox/processor_token/create"));
    }

    [Test]
    public async Task An_operation_outside_sandbox_still_runs_against_Production()
    {
        var test = new TestClient(new PlaidClientOptions { ClientId = TestClient.ClientId, Secret = TestClient.Secret, Environment = PlaidEnvironment.Production })
            .RespondsWithSpecExample();

        await test.GetAsync("processor-production-abc-123");

        Assert.That(test.Request!.RequestUri, Is.EqualTo(new Uri(TestClient.ProductionUrl)));
    }
}
