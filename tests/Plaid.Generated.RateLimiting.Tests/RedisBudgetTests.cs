using System.Diagnostics;
using Plaid.Generated.RateLimiting.Redis;

namespace Plaid.Generated.RateLimiting.Tests;

/// <summary>Budgets in a real Redis on loopback: shared by separate clients with separate options, and failing fast when Redis is down.</summary>
public class RedisBudgetTests
{
    private const string ClientId = "client-id-5f2a9c";
    private const string Secret = "secret-Zq8Lw3Xv0Rt7Yp1";

    [Test]
    public async Task Two_clients_with_their_own_options_share_one_budget_through_Redis()
    {
        using var redis = await RedisServer.StartAsync();
        await using var plaid = await BudgetedPlaid.StartAsync(TimeSpan.FromSeconds(30));
        var prefix = $"test:{Guid.NewGuid():N}:";
        var first = Client(plaid, redis.Configuration, prefix, perClient: 3, timeout: TimeSpan.FromMilliseconds(500));
        var second = Client(plaid, redis.Configuration, prefix, perClient: 3, timeout: TimeSpan.FromMilliseconds(500));

        await first.ProcessorBalanceGetAsync(Request("processor-sandbox-a1"));
        await second.ProcessorBalanceGetAsync(Request("processor-sandbox-a2"));
        await first.ProcessorBalanceGetAsync(Request("processor-sandbox-a3"));
        var exhausted = Assert.ThrowsAsync<PlaidBudgetExhaustedException>(() => second.ProcessorBalanceGetAsync(Request("processor-sandbox-a4")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await exhausted)!.Budget, Is.EqualTo(PlaidBudget.PerClient));
            Assert.That(exhausted.Result!.RetryAfter, Is.GreaterThan(TimeSpan.FromSeconds(25)), "Redis says when the oldest permit leaves the 30 s window");
            Assert.That(plaid.Answered200, Is.EqualTo(3), "the fourth request never reached the wire");
        }
    }

    [Test]
    public async Task A_call_waits_for_the_shared_window_within_its_deadline()
    {
        using var redis = await RedisServer.StartAsync();
        await using var plaid = await BudgetedPlaid.StartAsync(TimeSpan.FromSeconds(1), perItem: 2);
        var prefix = $"test:{Guid.NewGuid():N}:";
        var client = Client(plaid, redis.Configuration, prefix, perItem: 2, window: TimeSpan.FromSeconds(1), timeout: TimeSpan.FromSeconds(10));
        // The first request of a process is slow (connection, JIT): warm up with another Item, so that a 1 s window's margin
        // (2 % and 25 ms; 1.2 s at Plaid's minute) covers what is left of the variation between sending and arriving.
        await client.ProcessorBalanceGetAsync(Request("processor-sandbox-warm-up"));

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            await client.ProcessorBalanceGetAsync(Request("processor-sandbox-same-item"));
        }

        Assert.That((plaid.Answered200, plaid.Answered429), Is.EqualTo((6, 0)));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)), "5 calls at 2 per second per Item take at least 2 s");
    }

    [Test]
    public async Task When_Redis_is_down_the_call_fails_fast_naming_Redis_and_nothing_is_sent()
    {
        await using var plaid = await BudgetedPlaid.StartAsync(TimeSpan.FromSeconds(30));
        var port = RedisServer.FreePort();
        var client = Client(plaid, $"127.0.0.1:{port}", "test:", perClient: 100, timeout: TimeSpan.FromSeconds(30));

        var clock = Stopwatch.StartNew();
        var error = Assert.ThrowsAsync<RedisBudgetUnavailableException>(() => client.ProcessorBalanceGetAsync(Request("processor-sandbox-a1")));
        var exception = (await error)!;
        clock.Stop();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain($"Redis at 127.0.0.1:{port}").And.Contain("not sent"));
            Assert.That(exception.ToString(), Does.Not.Contain(Secret).And.Not.Contain("processor-sandbox-a1"));
            Assert.That(plaid.Answered200 + plaid.Answered429, Is.Zero, "never unlimited: nothing reached Plaid");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "fails fast, not at the 30 s deadline");
        }
    }

    [Test]
    public async Task Per_Item_keys_in_Redis_hold_a_hash_of_the_token_never_the_token()
    {
        using var redis = await RedisServer.StartAsync();
        await using var plaid = await BudgetedPlaid.StartAsync(TimeSpan.FromSeconds(30));
        var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        var options = Options(plaid, "unused", "keys:", perItem: 5, perClient: 0, window: TimeSpan.FromSeconds(30), timeout: TimeSpan.FromSeconds(5));
        options.RateLimits.LimiterFactory = new RedisPlaidRateLimiterFactory(connection, "keys:");
        await new PlaidClient(new HttpClient(), options).ProcessorBalanceGetAsync(Request("processor-sandbox-secret-item"));

        var keys = connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "keys:*").Select(k => (string)k!).ToArray();

        Assert.That(keys, Has.Length.EqualTo(1));
        Assert.That(keys[0], Does.StartWith("keys:item:").And.Not.Contain("secret-item"));
        connection.Dispose();
    }

    private static ProcessorBalanceGetRequest Request(string token) => new() { ProcessorToken = token };

    private static PlaidClient Client(
        BudgetedPlaid plaid, string redis, string prefix, int perItem = 0, int perClient = 0, TimeSpan? window = null, TimeSpan? timeout = null) =>
        new(new HttpClient(), Options(plaid, redis, prefix, perItem, perClient, window ?? TimeSpan.FromSeconds(30), timeout ?? TimeSpan.FromSeconds(5)));

    private static PlaidClientOptions Options(BudgetedPlaid plaid, string redis, string prefix, int perItem, int perClient, TimeSpan window, TimeSpan timeout)
    {
        var options = new PlaidClientOptions { ClientId = ClientId, Secret = Secret, BaseUri = new Uri(plaid.BaseUrl) };
        options.Resilience.TotalTimeout = timeout;
        options.RateLimits.PerItem.PermitLimit = perItem;
        options.RateLimits.PerItem.Window = window;
        options.RateLimits.PerClient.PermitLimit = perClient;
        options.RateLimits.PerClient.Window = window;
        options.RateLimits.UseRedis(redis, prefix);
        return options;
    }
}
