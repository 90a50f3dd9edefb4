using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;

namespace Plaid.Generated.DependencyInjection.Tests;

/// <summary>Registration, configuration binding and startup validation.</summary>
public partial class OptionsTests
{
    private const string Secret = TestPlaid.Secret;

    [Test]
    public async Task Binds_the_configuration_section_and_sends_through_the_factory_client()
    {
        var handler = new MockHttpMessageHandler();
        handler.Expect(HttpMethod.Post, "https://plaid-proxy.example/processor/balance/get")
            .WithHeaders("PLAID-CLIENT-ID", TestPlaid.ClientId)
            .WithHeaders("PLAID-SECRET", Secret)
            .Respond(HttpStatusCode.OK, "application/json", TestPlaid.SuccessBody);
        var provider = Build(
            new() { ["Plaid:ClientId"] = TestPlaid.ClientId, ["Plaid:Secret"] = Secret, ["Plaid:BaseUri"] = "https://plaid-proxy.example" },
            handler);

        var response = await provider.GetRequiredService<IPlaidClient>()
            .ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = TestPlaid.Token });

        Assert.That(response.RequestId, Is.EqualTo("1zlMf"));
        handler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void Binds_environment_and_resilience_settings()
    {
        var provider = Build(new()
        {
            ["Plaid:ClientId"] = TestPlaid.ClientId,
            ["Plaid:Secret"] = Secret,
            ["Plaid:Environment"] = "Production",
            ["Plaid:Resilience:MaxRetryAttempts"] = "5",
            ["Plaid:Resilience:TotalTimeout"] = "00:01:00",
        });

        var options = provider.GetRequiredService<IOptions<PlaidClientOptions>>().Value;
        Assert.That(options.Environment, Is.EqualTo(PlaidEnvironment.Production));
        var resilience = options.Resilience;
        Assert.That(resilience.MaxRetryAttempts, Is.EqualTo(5));
        Assert.That(resilience.BaseDelay, Is.EqualTo(TimeSpan.FromSeconds(1)), "a key left out keeps its default");
        Assert.That(resilience.TotalTimeout, Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IPlaidClient)).Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan),
            "the total timeout is the only deadline: HttpClient's would race it with its own message");
    }

    [Test]
    public void Valid_options_pass_startup_validation()
    {
        var provider = Build(new() { ["Plaid:ClientId"] = TestPlaid.ClientId, ["Plaid:Secret"] = Secret });

        Assert.DoesNotThrow(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [TestCase("Plaid:ClientId", "Plaid:Secret")]
    [TestCase("Plaid:Secret", "Plaid:ClientId")]
    public void A_missing_credential_fails_at_startup_naming_its_key(string missing, string present)
    {
        var provider = Build(new() { [present] = Secret });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain($"{missing} is missing"));
        Assert.That(error.Message, Does.Not.Contain(Secret));
    }

    [Test]
    public void A_malformed_secret_is_reported_without_its_value()
    {
        var provider = Build(new() { ["Plaid:ClientId"] = TestPlaid.ClientId, ["Plaid:Secret"] = Secret + "\r\nX-Injected: 1" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Plaid:Secret contains a control character"));
        Assert.That(error.ToString(), Does.Not.Contain(Secret));
    }

    [Test]
    public void Startup_validation_and_the_client_refuse_the_same_characters_in_a_header_value()
    {
        var validator = new PlaidClientOptionsValidator(SettingNames.ForSection("Plaid"));
        var refusedAtStartup = new List<char>();
        var refusedByClient = new List<char>();
        for (var c = '\0'; c < '\u0180'; c++)
        {
            var options = new PlaidClientOptions { ClientId = "client" + c + "id", Secret = Secret };
            if (validator.Validate(null, options).Failed)
            {
                refusedAtStartup.Add(c);
            }

            try
            {
                _ = new PlaidClient(new HttpClient(), options);
            }
            catch (ArgumentException)
            {
                refusedByClient.Add(c);
            }
        }

        Assert.That(refusedAtStartup, Is.EqualTo(refusedByClient));
        Assert.That(refusedAtStartup, Is.EquivalentTo(Enumerable.Range(0, 0x180).Select(code => (char)code).Where(char.IsControl)),
            "C0, DEL and C1 control characters, nothing else");
    }

    [TestCase("Plaid:MaxResponseBytes", "0", "Plaid:MaxResponseBytes must be positive")]
    [TestCase("Plaid:MaxResponseBytes", "-5", "Plaid:MaxResponseBytes must be positive")]
    [TestCase("Plaid:PlaidVersion", " ", "Plaid:PlaidVersion must not be empty")]
    [TestCase("Plaid:PlaidVersion", "2020-09-14\nX-Injected: 1", "Plaid:PlaidVersion contains a control character")]
    [TestCase("Plaid:Environment", "7", "Plaid:Environment must be Sandbox or Production")]
    [TestCase("Plaid:ClientId", "abc", "Plaid:ClientId is shorter than 4 characters")]
    [TestCase("Plaid:Secret", "s3c", "Plaid:Secret is shorter than 4 characters")]
    public void A_bad_client_setting_fails_at_startup_naming_its_key(string key, string value, string expected)
    {
        var provider = Build(new() { ["Plaid:ClientId"] = TestPlaid.ClientId, ["Plaid:Secret"] = Secret, [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void Bad_values_are_reported_by_key()
    {
        var provider = Build(new()
        {
            ["Plaid:ClientId"] = TestPlaid.ClientId,
            ["Plaid:Secret"] = Secret,
            ["Plaid:BaseUri"] = "/relative",
            ["Plaid:Resilience:MaxRetryAttempts"] = "-1",
            ["Plaid:Resilience:TotalTimeout"] = "00:00:00",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Plaid:BaseUri must be an absolute http or https URI"));
        Assert.That(error.Message, Does.Contain("Plaid:Resilience:MaxRetryAttempts must not be negative"));
        Assert.That(error.Message, Does.Contain("Plaid:Resilience:TotalTimeout must be between"));
    }

    [Test]
    public void Options_set_in_code_are_reported_by_property()
    {
        var services = new ServiceCollection();
        services.AddPlaidClient(options => options.Secret = Secret);

        var error = Assert.Throws<OptionsValidationException>(
            () => services.BuildServiceProvider().GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("PlaidClientOptions.ClientId is missing"));
    }

    [Test]
    public void Resilience_set_in_code_is_reported_by_property()
    {
        var services = new ServiceCollection();
        services.AddPlaidClient(
            options =>
            {
                options.ClientId = TestPlaid.ClientId;
                options.Secret = Secret;
            },
            resilience => resilience.BaseDelay = TimeSpan.FromSeconds(-1));

        var error = Assert.Throws<OptionsValidationException>(
            () => services.BuildServiceProvider().GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("PlaidClientOptions.Resilience.BaseDelay must be between 0 and 1 day."));
    }

    [Test]
    public void Keys_at_the_configuration_root_have_no_prefix()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Secret"] = Secret }).Build();
        var services = new ServiceCollection();
        services.AddPlaidClient(configuration);

        var error = Assert.Throws<OptionsValidationException>(
            () => services.BuildServiceProvider().GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.StartWith("ClientId is missing"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, HttpMessageHandler? handler = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var builder = services.AddPlaidClient(configuration.GetSection("Plaid"));
        if (handler is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        return services.BuildServiceProvider();
    }
}
