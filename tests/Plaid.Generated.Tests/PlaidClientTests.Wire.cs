namespace Plaid.Generated.Tests;

public class PlaidClientWireTests
{
    [TestCase(PlaidEnvironment.Sandbox, "processor-sandbox-abc-123", TestClient.SandboxUrl)]
    [TestCase(PlaidEnvironment.Production, "processor-production-abc-123", TestClient.ProductionUrl)]
    public async Task Posts_to_the_environment_host(PlaidEnvironment environment, string token, string expectedUrl)
    {
        var test = new TestClient(new PlaidClientOptions { ClientId = "id-1234", Secret = "secret-1234", Environment = environment })
            .RespondsWithSpecExample();

        await test.GetAsync(token);

        Assert.That(test.Request!.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(test.Request.RequestUri, Is.EqualTo(new Uri(expectedUrl)));
    }

    [Test]
    public async Task Defaults_to_sandbox()
    {
        Assert.That(new PlaidClientOptions().Environment, Is.EqualTo(PlaidEnvironment.Sandbox));
        var test = new TestClient().RespondsWithSpecExample();

        await test.GetAsync();

        Assert.That(test.Request!.RequestUri, Is.EqualTo(new Uri(TestClient.SandboxUrl)));
    }

    [TestCase("http://127.0.0.1:5005", "http://127.0.0.1:5005/processor/balance/get")]
    [TestCase("http://127.0.0.1:5005/plaid", "http://127.0.0.1:5005/plaid/processor/balance/get")]
    [TestCase("http://127.0.0.1:5005/plaid/", "http://127.0.0.1:5005/plaid/processor/balance/get")]
    public async Task BaseUri_overrides_the_environment_and_keeps_its_path(string baseUri, string expectedUrl)
    {
        var test = new TestClient(new PlaidClientOptions
        {
            ClientId = TestClient.ClientId,
            Secret = TestClient.Secret,
            Environment = PlaidEnvironment.Production,
            BaseUri = new Uri(baseUri),
        }).RespondsWithSpecExample();

        await test.GetAsync("processor-sandbox-abc-123");

        Assert.That(test.Request!.RequestUri, Is.EqualTo(new Uri(expectedUrl)));
    }

    [Test]
    public async Task Sends_the_three_plaid_headers_with_exact_values()
    {
        var test = new TestClient().RespondsWithSpecExample();

        await test.GetAsync();

        var headers = test.Request!.Headers;
        Assert.Multiple(() =>
        {
            Assert.That(headers.GetValues("PLAID-CLIENT-ID"), Is.EqualTo(new[] { TestClient.ClientId }));
            Assert.That(headers.GetValues("PLAID-SECRET"), Is.EqualTo(new[] { TestClient.Secret }));
            Assert.That(headers.GetValues("Plaid-Version"), Is.EqualTo(new[] { "2020-09-14" }));
            Assert.That(test.Request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        });
    }

    [Test]
    public async Task Plaid_version_comes_from_the_options()
    {
        var test = new TestClient(new PlaidClientOptions { ClientId = TestClient.ClientId, Secret = TestClient.Secret, PlaidVersion = "2099-01-01" })
            .RespondsWithSpecExample();

        await test.GetAsync();

        Assert.That(test.Request!.Headers.GetValues("Plaid-Version"), Is.EqualTo(new[] { "2099-01-01" }));
    }

    [Test]
    public async Task Body_without_options_is_just_the_token()
    {
        var test = new TestClient().RespondsWithSpecExample();

        await test.GetAsync();

        Assert.That(test.RequestBody, Is.EqualTo("""{"processor_token":"processor-sandbox-0asd1-a92nc"}"""));
    }

    [Test]
    public async Task Empty_options_object_is_sent_without_null_members()
    {
        var test = new TestClient().RespondsWithSpecExample();

        await test.Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest
        {
            ProcessorToken = TestClient.SandboxToken,
            Options = new ProcessorBalanceGetRequestOptions(),
        });

        Assert.That(test.RequestBody, Is.EqualTo("""{"processor_token":"processor-sandbox-0asd1-a92nc","options":{}}"""));
    }

    [TestCase("2024-01-02T03:04:05-05:00")]
    [TestCase("2024-01-02T17:34:05+09:30")]
    [TestCase("2024-01-02T08:04:05.999+00:00")]
    public async Task Min_last_updated_datetime_goes_out_in_utc_seconds(string callerValue)
    {
        var test = new TestClient().RespondsWithSpecExample();

        await test.Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest
        {
            ProcessorToken = TestClient.SandboxToken,
            Options = new ProcessorBalanceGetRequestOptions { MinLastUpdatedDatetime = DateTimeOffset.Parse(callerValue, System.Globalization.CultureInfo.InvariantCulture) },
        });

        Assert.That(
            test.RequestBody,
            Is.EqualTo("""{"processor_token":"processor-sandbox-0asd1-a92nc","options":{"min_last_updated_datetime":"2024-01-02T08:04:05Z"}}"""));
    }

    [Test]
    public async Task Unknown_request_fields_are_sent_as_given()
    {
        var test = new TestClient().RespondsWithSpecExample();
        var request = new ProcessorBalanceGetRequest { ProcessorToken = TestClient.SandboxToken };
        request.AdditionalProperties["future_flag"] = true;

        await test.Client.ProcessorBalanceGetAsync(request);

        Assert.That(test.RequestBody, Is.EqualTo("""{"processor_token":"processor-sandbox-0asd1-a92nc","future_flag":true}"""));
    }

    [Test]
    public async Task Client_never_disposes_the_injected_http_client()
    {
        var test = new TestClient().RespondsWithSpecExample();
        using var httpClient = test.Handler.ToHttpClient();
        var client = new PlaidClient(httpClient, test.Options);

        await client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = TestClient.SandboxToken });
        await client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = TestClient.SandboxToken });

        Assert.That(await httpClient.GetStringAsync("https://sandbox.plaid.com/processor/balance/get"), Does.Contain("request_id"));
    }
}
