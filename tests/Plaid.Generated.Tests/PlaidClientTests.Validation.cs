namespace Plaid.Generated.Tests;

public class PlaidClientValidationTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public async Task Missing_token_is_an_argument_error_before_sending(string? token)
    {
        var test = new TestClient().RespondsWithSpecExample();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => test.GetAsync(token!));

        Assert.That(exception!.Message, Does.Contain("ProcessorToken is required"));
        Assert.That(test.Request, Is.Null);
    }

    [Test]
    public async Task Access_token_passed_by_mistake_is_named_as_such()
    {
        var test = new TestClient().RespondsWithSpecExample();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => test.GetAsync("access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6"));

        Assert.That(exception!.Message, Does.Contain("is an access token"));
        Assert.That(exception.Message, Does.Not.Contain("de3ce8ef"));
        Assert.That(test.Request, Is.Null);
    }

    [TestCase("public-sandbox-123", "not a processor token")]
    [TestCase("processor-", "malformed")]
    [TestCase("processor-sandbox", "malformed")]
    [TestCase("processor-sandbox-", "malformed")]
    [TestCase("processor--abc", "malformed")]
    public async Task Malformed_token_is_an_argument_error(string token, string expected)
    {
        var test = new TestClient().RespondsWithSpecExample();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => test.GetAsync(token));

        Assert.That(exception!.Message, Does.Contain(expected));
        Assert.That(test.Request, Is.Null);
    }

    [TestCase(PlaidEnvironment.Production, "processor-sandbox-abc-123", "'sandbox' environment but the client is configured for Production")]
    [TestCase(PlaidEnvironment.Sandbox, "processor-production-abc-123", "'production' environment but the client is configured for Sandbox")]
    [TestCase(PlaidEnvironment.Sandbox, "processor-development-abc-123", "'development' environment")]
    public async Task Token_for_another_environment_is_refused_before_sending(PlaidEnvironment environment, string token, string expected)
    {
        var test = new TestClient(new PlaidClientOptions { ClientId = "id-1234", Secret = "secret-1234", Environment = environment })
            .RespondsWithSpecExample();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => test.GetAsync(token));

        Assert.That(exception!.Message, Does.Contain(expected));
        Assert.That(test.Request, Is.Null);
    }

    [Test]
    public async Task Custom_base_uri_skips_the_environment_check()
    {
        var test = new TestClient(new PlaidClientOptions
        {
            ClientId = "id-1234",
            Secret = "secret-1234",
            Environment = PlaidEnvironment.Production,
            BaseUri = new Uri("http://127.0.0.1:9/"),
        }).RespondsWithSpecExample();

        var response = await test.GetAsync("processor-sandbox-abc-123");

        Assert.That(response.Account.AccountId, Is.EqualTo("QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv"));
    }

    [Test]
    public async Task Null_request_is_an_argument_null_error()
    {
        var client = new TestClient().Client;

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.ProcessorBalanceGetAsync(null!));
    }

    [TestCase("ftp://example.test/")]
    [TestCase("relative/path")]
    public void Base_uri_must_be_absolute_http(string baseUri)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new PlaidClient(new HttpClient(), new PlaidClientOptions { BaseUri = new Uri(baseUri, UriKind.RelativeOrAbsolute) }));

        Assert.That(exception!.Message, Does.Contain("BaseUri"));
    }

    [Test]
    public void Empty_plaid_version_is_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() => new PlaidClient(new HttpClient(), new PlaidClientOptions { PlaidVersion = " " }));

        Assert.That(exception!.Message, Does.Contain("PlaidVersion"));
    }

    [TestCase("MaxRetryAttempts", "PlaidClientOptions.Resilience.MaxRetryAttempts must not be negative.")]
    [TestCase("BaseDelay", "PlaidClientOptions.Resilience.BaseDelay must be between 0 and 1 day.")]
    [TestCase("TotalTimeout", "PlaidClientOptions.Resilience.TotalTimeout must be between 10 ms and 1 day.")]
    [TestCase("TimeProvider", "PlaidClientOptions.TimeProvider must not be null.")]
    public void Bad_resilience_settings_are_refused_by_name(string setting, string expected)
    {
        var options = new PlaidClientOptions();
        switch (setting)
        {
            case "MaxRetryAttempts":
                options.Resilience.MaxRetryAttempts = -1;
                break;
            case "BaseDelay":
                options.Resilience.BaseDelay = TimeSpan.FromDays(2);
                break;
            case "TotalTimeout":
                options.Resilience.TotalTimeout = TimeSpan.Zero;
                break;
            default:
                options.TimeProvider = null!;
                break;
        }

        var exception = Assert.Throws<ArgumentException>(() => new PlaidClient(new HttpClient(), options));

        Assert.That(exception!.Message, Does.StartWith(expected));
        Assert.That(exception.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void The_options_check_names_settings_by_configuration_key_when_asked()
    {
        var options = new PlaidClientOptions { Environment = (PlaidEnvironment)7 };
        options.Resilience.TotalTimeout = TimeSpan.FromDays(2);

        Assert.That(options.Check("Plaid:", ':'), Is.EqualTo(new[]
        {
            "Plaid:Environment must be Sandbox or Production.",
            "Plaid:Resilience:TotalTimeout must be between 10 ms and 1 day.",
        }));
        Assert.That(new PlaidClientOptions().Check(), Is.Empty);
    }
}
