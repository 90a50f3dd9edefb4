// Run by build/check-package.sh: the README's FakePlaidHandler example, in a project that knows the packages
// only from the folder feed (Plaid.Generated comes in as Plaid.Generated.Testing's dependency).
using Plaid.Generated;
using Plaid.Generated.Testing;

public class BalanceCheckTests
{
    private static IPlaidClient Client(FakePlaidHandler fake) =>
        new PlaidClient(new HttpClient(fake), new PlaidClientOptions { ClientId = "id-1234", Secret = "secret-1234" });

    [Test]
    public async Task Asks_the_user_to_log_in_again()
    {
        var fake = new FakePlaidHandler();
        var error = await Assert.ThrowsAsync<PlaidApiException>(() => Client(fake).ProcessorBalanceGetAsync(
            new ProcessorBalanceGetRequest { ProcessorToken = "processor-sandbox-error-ITEM_LOGIN_REQUIRED" }));
        Assert.That(error!.ErrorCode, Is.EqualTo(PlaidErrorCodes.ItemLoginRequired));
    }

    [Test]
    public async Task Capital_one_credit_needs_a_freshness_bound()
    {
        var fake = new FakePlaidHandler { DefaultAccount = FakeAccount.CapitalOneCreditCard };
        var error = await Assert.ThrowsAsync<PlaidApiException>(() => Client(fake).ProcessorBalanceGetAsync(
            new ProcessorBalanceGetRequest { ProcessorToken = "processor-sandbox-card" }));
        Assert.That(error!.IsInvalidField, Is.True);
        Assert.That(fake.ReceivedRequests.Single().Headers["PLAID-SECRET"], Is.EqualTo("REDACTED"));
    }

    [Test]
    public async Task Capital_one_credit_with_a_bound_older_than_its_balance_is_served()
    {
        var fake = new FakePlaidHandler { DefaultAccount = FakeAccount.CapitalOneCreditCard };
        var response = await Client(fake).ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest
        {
            ProcessorToken = "processor-sandbox-card",
            Options = new ProcessorBalanceGetRequestOptions { MinLastUpdatedDatetime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        });
        Assert.That(response.Account.Type.ToString(), Is.EqualTo("credit"));
    }
}
