namespace Plaid.Generated.Testing.Tests;

/// <summary>What the fake checks before serving, with raw requests for what PlaidClient would never send.</summary>
public partial class FakePlaidHandlerTests
{
    private const string TokenBody = $$"""{"processor_token":"{{Fake.Token}}"}""";

    [Test]
    public async Task A_well_formed_raw_request_is_served()
    {
        var (status, body) = await Fake.PostAsync(new FakePlaidHandler(), TokenBody, Fake.AllHeaders);

        Assert.That(status, Is.EqualTo(200));
        Assert.That(body, Does.Contain("\"name\": \"Plaid Checking\""));
    }

    [TestCase("{\"processor_token\":", "INVALID_BODY", TestName = "Body that is not JSON")]
    [TestCase("{\"processor_token\":\"processor-sandbox-a\",\"colour\":1}", "UNKNOWN_FIELDS", TestName = "Unknown member")]
    [TestCase("{\"processor_token\":\"processor-sandbox-a\",\"options\":{\"count\":1}}", "UNKNOWN_FIELDS", TestName = "Unknown option")]
    [TestCase("{}", "MISSING_FIELDS", TestName = "No token")]
    [TestCase("{\"processor_token\":\"access-sandbox-a\"}", "INVALID_PROCESSOR_TOKEN", TestName = "Access token")]
    [TestCase("{\"processor_token\":\"processor-development-a\"}", "INVALID_PROCESSOR_TOKEN", TestName = "Unknown environment")]
    [TestCase("{\"processor_token\":\"processor-production-a\"}", "INVALID_PROCESSOR_TOKEN", TestName = "Production token sent to sandbox")]
    [TestCase("{\"processor_token\":\"processor-sandbox-a\",\"options\":{\"min_last_updated_datetime\":\"yesterday\"}}", "INVALID_FIELD", TestName = "Bound that is not a date-time")]
    [TestCase("{\"processor_token\":\"processor-sandbox-a\",\"options\":{\"min_last_updated_datetime\":\"2024-01-01T00:00:00\"}}", "INVALID_FIELD", TestName = "Bound without an offset")]
    public async Task A_bad_request_gets_the_error_plaid_sends(string json, string code)
    {
        var (status, body) = await Fake.PostAsync(new FakePlaidHandler(), json, Fake.AllHeaders);

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body, Does.Contain($"\"error_code\": \"{code}\""));
    }

    [Test]
    public async Task Missing_credentials_are_missing_fields()
    {
        var (status, body) = await Fake.PostAsync(new FakePlaidHandler(), TokenBody, ("Plaid-Version", "2020-09-14"));

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body, Does.Contain("\"error_code\": \"MISSING_FIELDS\"").And.Contain("missing: client_id"));
    }

    [TestCase(null, TestName = "No Plaid-Version")]
    [TestCase("2019-05-29", TestName = "Another Plaid-Version")]
    public async Task The_plaid_version_must_be_the_one_the_client_was_generated_for(string? version)
    {
        (string, string)[] headers = version is null
            ? [("PLAID-CLIENT-ID", Fake.ClientId), ("PLAID-SECRET", Fake.Secret)]
            : [("PLAID-CLIENT-ID", Fake.ClientId), ("PLAID-SECRET", Fake.Secret), ("Plaid-Version", version)];

        var (status, body) = await Fake.PostAsync(new FakePlaidHandler(), TokenBody, headers);

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body, Does.Contain("\"error_code\": \"INVALID_HEADERS\""));
    }

    [Test]
    public async Task Credentials_in_the_body_are_accepted_and_checked_against_the_expected_ones()
    {
        var handler = new FakePlaidHandler { ClientId = Fake.ClientId, Secret = Fake.Secret };
        var good = $$"""{"client_id":"{{Fake.ClientId}}","secret":"{{Fake.Secret}}","processor_token":"{{Fake.Token}}"}""";
        var wrong = $$"""{"client_id":"{{Fake.ClientId}}","secret":"secret-wrong-000","processor_token":"{{Fake.Token}}"}""";

        var accepted = await Fake.PostAsync(handler, good, ("Plaid-Version", "2020-09-14"));
        var refused = await Fake.PostAsync(handler, wrong, ("Plaid-Version", "2020-09-14"));

        Assert.That(accepted.Status, Is.EqualTo(200));
        Assert.That(refused.Status, Is.EqualTo(400));
        Assert.That(refused.Body, Does.Contain("\"error_code\": \"INVALID_API_KEYS\"").And.Contain("\"error_type\": \"INVALID_INPUT\""));
    }

    [Test]
    public async Task A_client_with_the_wrong_secret_gets_invalid_api_keys()
    {
        var handler = new FakePlaidHandler { ClientId = Fake.ClientId, Secret = "secret-the-fake-expects" };

        var error = (await Assert.ThrowsAsync<PlaidApiException>(() => handler.GetAsync()))!;

        Assert.That(error.ErrorCode, Is.EqualTo(PlaidErrorCodes.InvalidApiKeys));
    }

    [Test]
    public async Task Received_requests_are_recorded_with_header_credentials_masked()
    {
        var handler = new FakePlaidHandler();

        await handler.GetAsync(minLastUpdated: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var request = handler.ReceivedRequests.Single();
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.RequestUri, Is.EqualTo(new Uri("https://sandbox.plaid.com/processor/balance/get")));
        Assert.That(request.Headers["plaid-client-id"], Is.EqualTo("REDACTED"));
        Assert.That(request.Headers["PLAID-SECRET"], Is.EqualTo("REDACTED"));
        Assert.That(request.Headers["Plaid-Version"], Is.EqualTo("2020-09-14"));
        Assert.That(request.Body, Does.Contain($"\"processor_token\":\"{Fake.Token}\"").And.Contain("2024-01-01T00:00:00Z"));
    }

    [Test]
    public async Task Received_requests_mask_body_credentials_wherever_they_appear()
    {
        var handler = new FakePlaidHandler();
        var json = $$"""{"client_id":"{{Fake.ClientId}}","secret":"{{Fake.Secret}}","processor_token":"processor-sandbox-{{Fake.Secret}}"}""";

        await Fake.PostAsync(handler, json, ("Plaid-Version", "2020-09-14"));

        var body = handler.ReceivedRequests.Single().Body;
        Assert.That(body, Does.Not.Contain(Fake.Secret).And.Not.Contain(Fake.ClientId));
        Assert.That(body, Does.Contain("\"secret\":\"REDACTED\"").And.Contain("processor-sandbox-REDACTED"));
    }

    [Test]
    public async Task Concurrent_calls_are_each_answered_and_recorded()
    {
        var handler = new FakePlaidHandler().Serve("processor-sandbox-card", FakeAccount.CapitalOneCreditCard);

        var names = await Task.WhenAll(Enumerable.Range(0, 32).Select(async i =>
            (await handler.GetAsync(i % 2 == 0 ? Fake.Token : "processor-sandbox-card", DateTimeOffset.UnixEpoch)).Account.Name));

        Assert.That(names.Count(name => name == "Plaid Checking"), Is.EqualTo(16));
        Assert.That(names.Count(name => name == "Capital One Quicksilver"), Is.EqualTo(16));
        Assert.That(handler.ReceivedRequests, Has.Count.EqualTo(32));
    }

    [Test]
    public async Task Another_path_or_method_is_not_found_and_an_empty_post_is_an_invalid_body()
    {
        var handler = new FakePlaidHandler();
        using var http = new HttpClient(handler);

        using var get = await http.GetAsync(new Uri("https://sandbox.plaid.com/processor/balance/get"));
        using var otherPath = await http.PostAsync(new Uri("https://sandbox.plaid.com/accounts/balance/get"), null);
        using var empty = await http.PostAsync(new Uri("https://sandbox.plaid.com/processor/balance/get"), null);

        Assert.That((int)get.StatusCode, Is.EqualTo(404));
        Assert.That((int)otherPath.StatusCode, Is.EqualTo(404));
        Assert.That((int)empty.StatusCode, Is.EqualTo(400));
        Assert.That(await empty.Content.ReadAsStringAsync(), Does.Contain("\"error_code\": \"INVALID_BODY\""));
        Assert.That(handler.ReceivedRequests, Has.Count.EqualTo(3));
    }
}
