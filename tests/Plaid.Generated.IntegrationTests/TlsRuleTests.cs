using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>
/// The BaseUri rule at AddPlaidClient's startup validation, naming the configuration key (the constructors'
/// side is in Plaid.Generated.Tests' BaseUriRuleTests, the CLI's in its own tests).
/// </summary>
public class TlsRuleTests
{
    [Test]
    public void AddPlaidClient_refuses_plain_http_off_loopback_at_startup_naming_the_key()
    {
        using var provider = ProviderWith("http://plaid.example.com");

        var error = Assert.Catch<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Plaid:BaseUri must use https"));
        Assert.That(error.Message, Does.Contain("loopback host (localhost, 127.0.0.0/8, ::1)"));
        SecretAssert.DoesNotLeak(error);
    }

    [TestCase("https://plaid-proxy.example")]
    [TestCase("http://localhost:5000")]
    [TestCase("http://127.0.0.1:9")]
    public void AddPlaidClient_accepts_https_and_loopback_http(string baseUri)
    {
        using var provider = ProviderWith(baseUri);

        Assert.DoesNotThrow(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    private static ServiceProvider ProviderWith(string baseUri)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plaid:ClientId"] = Credentials.ClientId,
            ["Plaid:Secret"] = Credentials.Secret,
            ["Plaid:BaseUri"] = baseUri,
        }).Build();
        var services = new ServiceCollection();
        services.AddPlaidClient(configuration.GetSection("Plaid"));
        return services.BuildServiceProvider();
    }
}
