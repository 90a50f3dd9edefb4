using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Plaid.Generated.DependencyInjection.Tests;

/// <summary>A key under the bound section that names no option is a typo, refused at start by its key.</summary>
public partial class OptionsTests
{
    [TestCase("Plaid:ClientIdd", "Plaid:ClientIdd is not a Plaid client setting", TestName = "Typo of a top-level key")]
    [TestCase("Plaid:Secrett", "Plaid:Secrett is not a Plaid client setting", TestName = "Typo of the secret's key")]
    [TestCase("Plaid:Resilience:MaxRetryAtempts", "Plaid:Resilience:MaxRetryAtempts is not a Plaid client setting", TestName = "Typo of a resilience key")]
    [TestCase("Plaid:Resilliance:MaxRetryAttempts", "Plaid:Resilliance is not a Plaid client setting", TestName = "Typo of the resilience section")]
    [TestCase("Plaid:RateLimits:PerItm:PermitLimit", "Plaid:RateLimits:PerItm is not a Plaid client setting", TestName = "Typo of a budget")]
    [TestCase("Plaid:RateLimits:PerClient:PermitLimt", "Plaid:RateLimits:PerClient:PermitLimt is not a Plaid client setting", TestName = "Typo of a budget key")]
    public void A_key_that_names_no_option_fails_at_startup_naming_it(string key, string expected)
    {
        var provider = Build(new() { ["Plaid:ClientId"] = TestPlaid.ClientId, ["Plaid:Secret"] = Secret, [key] = Secret });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain(expected));
        Assert.That(error.ToString(), Does.Not.Contain(Secret), "keys are named, values never");
    }

    [Test]
    public void The_message_lists_the_settings_of_the_level_of_the_typo()
    {
        var provider = Build(new() { ["Plaid:ClientId"] = TestPlaid.ClientId, ["Plaid:Secret"] = Secret, ["Plaid:Resilience:MaxRetryAtempts"] = "5" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("MaxRetryAttempts").And.Contain("TotalTimeout").And.Not.Contain("ClientId"));
    }

    [Test]
    public void Every_typo_is_reported_at_once()
    {
        var provider = Build(new()
        {
            ["Plaid:ClientIdd"] = TestPlaid.ClientId,
            ["Plaid:Secret"] = Secret,
            ["Plaid:Resilience:MaxRetryAtempts"] = "5",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Failures, Has.Exactly(1).Contains("Plaid:ClientIdd").And.Exactly(1).Contains("Plaid:Resilience:MaxRetryAtempts"));
    }

    [Test]
    public void Resolving_the_options_or_the_client_fails_the_same_way()
    {
        var provider = Build(new() { ["Plaid:ClientId"] = TestPlaid.ClientId, ["Plaid:Secret"] = Secret, ["Plaid:Resilience:MaxRetryAtempts"] = "5" });

        var options = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<PlaidClientOptions>>().Value);
        var client = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPlaidClient>());

        Assert.That(options!.Message, Does.Contain("Plaid:Resilience:MaxRetryAtempts"));
        Assert.That(client!.Message, Does.Contain("Plaid:Resilience:MaxRetryAtempts"));
    }

    [Test]
    public void Keys_match_options_whatever_their_case()
    {
        var provider = Build(new()
        {
            ["Plaid:clientid"] = TestPlaid.ClientId,
            ["Plaid:SECRET"] = Secret,
            ["Plaid:resilience:maxRetryAttempts"] = "5",
        });

        Assert.DoesNotThrow(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.That(provider.GetRequiredService<IOptions<PlaidClientOptions>>().Value.Resilience.MaxRetryAttempts, Is.EqualTo(5));
    }

    [Test]
    public void A_typo_bound_at_the_configuration_root_is_named_without_prefix()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClientId"] = TestPlaid.ClientId,
            ["Secret"] = Secret,
            ["Resilience:UseJiter"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddPlaidClient(configuration);

        var error = Assert.Throws<OptionsValidationException>(
            () => services.BuildServiceProvider().GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.StartWith("Resilience:UseJiter is not a Plaid client setting"));
    }
}
