using Microsoft.Extensions.DependencyInjection;

namespace Plaid.Generated.Testing.Tests;

public partial class FakePlaidHandlerTests
{
    [Test]
    public async Task Under_AddPlaidClient_429s_with_retry_after_are_retried_until_the_account_is_served()
    {
        var fake = new FakePlaidHandler().RateLimitNext(2, TimeSpan.Zero);
        var services = new ServiceCollection();
        services.AddPlaidClient(
                options =>
                {
                    options.ClientId = Fake.ClientId;
                    options.Secret = Fake.Secret;
                },
                resilience =>
                {
                    resilience.MaxRetryAttempts = 3;
                    resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
                })
            .ConfigurePrimaryHttpMessageHandler(() => fake);
        await using var provider = services.BuildServiceProvider();

        var response = await provider.GetRequiredService<IPlaidClient>()
            .ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Fake.Token });

        Assert.That(response.Account.Name, Is.EqualTo("Plaid Checking"));
        Assert.That(fake.ReceivedRequests, Has.Count.EqualTo(3));
        Assert.That(fake.ReceivedRequests.Select(request => request.Headers["PLAID-SECRET"]), Is.All.EqualTo("REDACTED"));
    }
}
