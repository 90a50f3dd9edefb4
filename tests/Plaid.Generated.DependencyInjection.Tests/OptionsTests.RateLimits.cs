using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;

namespace Plaid.Generated.DependencyInjection.Tests;

/// <summary>Client-side budgets bound from <c>Plaid:RateLimits</c>: off unless set, shared by every client the container makes.</summary>
public partial class OptionsTests
{
    [Test]
    public void Budgets_are_off_unless_configured_and_bind_from_the_RateLimits_section()
    {
        var off = Build(new() { ["Plaid:ClientId"] = TestPlaid.ClientId, ["Plaid:Secret"] = Secret });
        var on = Build(new()
        {
            ["Plaid:ClientId"] = TestPlaid.ClientId,
            ["Plaid:Secret"] = Secret,
            ["Plaid:RateLimits:PerItem:PermitLimit"] = "5",
            ["Plaid:RateLimits:PerClient:PermitLimit"] = "1200",
            ["Plaid:RateLimits:PerClient:Window"] = "00:00:30",
        });

        var rateLimits = on.GetRequiredService<IOptions<PlaidClientOptions>>().Value.RateLimits;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(off.GetRequiredService<IOptions<PlaidClientOptions>>().Value.RateLimits.Enabled, Is.False);
            Assert.That((rateLimits.PerItem.PermitLimit, rateLimits.PerItem.Window), Is.EqualTo((5, TimeSpan.FromMinutes(1))), "a window left out is Plaid's minute");
            Assert.That((rateLimits.PerClient.PermitLimit, rateLimits.PerClient.Window), Is.EqualTo((1200, TimeSpan.FromSeconds(30))));
        }
    }

    [Test]
    public void A_negative_budget_fails_at_startup_naming_its_key()
    {
        var provider = Build(new() { ["Plaid:ClientId"] = TestPlaid.ClientId, ["Plaid:Secret"] = Secret, ["Plaid:RateLimits:PerItem:PermitLimit"] = "-5" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Plaid:RateLimits:PerItem:PermitLimit must not be negative"));
    }

    [Test]
    public async Task Every_client_the_container_makes_draws_on_the_same_budget()
    {
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(HttpStatusCode.OK, "application/json", TestPlaid.SuccessBody);
        var provider = Build(
            new()
            {
                ["Plaid:ClientId"] = TestPlaid.ClientId,
                ["Plaid:Secret"] = Secret,
                ["Plaid:RateLimits:PerClient:PermitLimit"] = "1",
                ["Plaid:Resilience:TotalTimeout"] = "00:00:00.2",
            },
            handler);
        var request = new ProcessorBalanceGetRequest { ProcessorToken = TestPlaid.Token };

        await provider.GetRequiredService<IPlaidClient>().ProcessorBalanceGetAsync(request);
        var exhausted = Assert.ThrowsAsync<PlaidBudgetExhaustedException>(() => provider.GetRequiredService<IPlaidClient>().ProcessorBalanceGetAsync(request));

        Assert.That((await exhausted)!.Budget, Is.EqualTo(PlaidBudget.PerClient));
    }
}
