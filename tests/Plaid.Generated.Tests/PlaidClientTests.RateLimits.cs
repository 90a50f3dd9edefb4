using System.Diagnostics;
using System.Net;

namespace Plaid.Generated.Tests;

/// <summary>
/// Client-side budgets (<see cref="PlaidClientOptions.RateLimits"/>) on a real clock with short windows: what a caller
/// sees is which requests reached the wire, how long the calls took, and the exception that names the budget.
/// </summary>
public class PlaidClientRateLimitTests
{
    private const string OtherToken = "processor-sandbox-0asd1-b77zz";

    [Test]
    public void Budgets_are_off_by_default_and_PlaidDefaults_gives_Plaids_documented_numbers()
    {
        var options = new PlaidClientOptions();
        var production = PlaidRateLimitOptions.PlaidDefaults(PlaidEnvironment.Production);
        var sandbox = PlaidRateLimitOptions.PlaidDefaults(PlaidEnvironment.Sandbox);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.RateLimits.Enabled, Is.False);
            Assert.That((production.PerItem.PermitLimit, production.PerItem.Window, production.PerClient.PermitLimit, production.PerClient.Window),
                Is.EqualTo((5, TimeSpan.FromMinutes(1), 1200, TimeSpan.FromMinutes(1))));
            Assert.That((sandbox.PerItem.PermitLimit, sandbox.PerClient.PermitLimit), Is.EqualTo((25, 100)));
            Assert.Throws<ArgumentNullException>(() => options.RateLimits = null!);
        }
    }

    [Test]
    public void A_negative_limit_or_a_window_too_short_is_refused_by_name()
    {
        var options = new PlaidClientOptions();
        options.RateLimits.PerItem.PermitLimit = -1;
        options.RateLimits.PerClient.Window = TimeSpan.Zero;

        Assert.That(options.Check(), Is.EqualTo(new[]
        {
            "PlaidClientOptions.RateLimits.PerItem.PermitLimit must not be negative (0 turns the budget off).",
            "PlaidClientOptions.RateLimits.PerClient.Window must be between 100 ms and 1 day.",
        }));
    }

    [Test]
    public async Task A_per_Item_budget_with_no_permit_before_the_deadline_fails_the_call_before_anything_is_sent()
    {
        var test = Budgeted(options =>
        {
            options.RateLimits.PerItem.PermitLimit = 2;
            options.RateLimits.PerItem.Window = TimeSpan.FromSeconds(30);
            options.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(300);
        });
        var sent = 0;
        test.Handler.Fallback.Respond(_ =>
        {
            Interlocked.Increment(ref sent);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Fixture.SpecExample) });
        });

        await test.GetAsync();
        await test.GetAsync();
        var exhausted = await Assert.ThrowsAsync<PlaidBudgetExhaustedException>(() => test.GetAsync());
        await test.GetAsync(OtherToken); // another Item has its own budget

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent, Is.EqualTo(3), "the refused call never reached the wire");
            Assert.That(exhausted!.Budget, Is.EqualTo(PlaidBudget.PerItem));
            Assert.That(exhausted.Message, Does.Contain("per-Item").And.Contain("2 requests per 30 s").And.Contain("Plaid:RateLimits:PerItem").And.Contain("not sent"));
            Assert.That(exhausted.Message, Does.Not.Contain(TestClient.SandboxToken).And.Not.Contain(TestClient.Secret));
        }
    }

    [Test]
    public async Task A_per_client_budget_makes_calls_wait_within_the_deadline_and_the_wait_shows_in_telemetry()
    {
        var test = Budgeted(options =>
        {
            options.RateLimits.PerClient.PermitLimit = 3;
            options.RateLimits.PerClient.Window = TimeSpan.FromSeconds(1);
        }).RespondsWithSpecExample();
        using var telemetry = new TelemetryCapture();

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => test.GetAsync(i % 2 == 0 ? TestClient.SandboxToken : OtherToken)));
        clock.Stop();

        var waits = telemetry.Activities.SelectMany(a => a.Events).Where(e => e.Name == "plaid.rate_limit.wait").ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)), "6 calls on a budget of 3 per second take at least a second");
            Assert.That(waits, Has.Length.EqualTo(3), "the three calls past the budget waited");
            Assert.That(waits.Select(e => e.Tags.Single(t => t.Key == "plaid.rate_limit.budget").Value), Is.All.EqualTo("per_client"));
            Assert.That(telemetry.Activities.Count(a => a.GetTagItem("plaid.rate_limit.wait") is double), Is.EqualTo(3), "the wait's share of the call's duration");
        }
    }

    [Test]
    public async Task Clients_built_from_the_same_options_share_their_budgets()
    {
        var options = new PlaidClientOptions { ClientId = TestClient.ClientId, Secret = TestClient.Secret };
        options.RateLimits.PerClient.PermitLimit = 1;
        options.RateLimits.PerClient.Window = TimeSpan.FromSeconds(30);
        options.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(200);
        var first = new TestClient(options).RespondsWithSpecExample();
        var second = new TestClient(options).RespondsWithSpecExample();

        await first.GetAsync();
        var exhausted = await Assert.ThrowsAsync<PlaidBudgetExhaustedException>(() => second.GetAsync());

        Assert.That(exhausted!.Budget, Is.EqualTo(PlaidBudget.PerClient));
        Assert.That(second.Request, Is.Null);
    }

    private static TestClient Budgeted(Action<PlaidClientOptions> configure)
    {
        var options = new PlaidClientOptions { ClientId = TestClient.ClientId, Secret = TestClient.Secret };
        configure(options);
        return new TestClient(options);
    }
}
