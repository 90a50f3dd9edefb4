namespace Plaid.Generated.Testing.Tests;

/// <summary>
/// Plaid's rule for <c>options.min_last_updated_datetime</c>: required, and a bound on the balance's age, for
/// non-depository accounts at Capital One (<c>ins_128026</c>) only; ignored for every other account.
/// </summary>
public partial class FakePlaidHandlerTests
{
    private static readonly FakeAccount CapitalOneChecking = FakeAccount.PlaidChecking with { InstitutionId = FakeAccount.CapitalOneInstitutionId };

    private static FakePlaidHandler FakeAt(FakeAccount account) => new() { DefaultAccount = account, TimeProvider = Fake.Clock() };

    [TestCase(-24 * 365, TestName = "Default account with a bound a year old")]
    [TestCase(-1, TestName = "Default account with a bound an hour old")]
    [TestCase(24 * 365, TestName = "Default account with a bound a year ahead of its balance")]
    public async Task The_default_account_ignores_the_bound(int hours)
    {
        var response = await FakeAt(FakeAccount.PlaidChecking).GetAsync(minLastUpdated: Fake.Now.AddHours(hours));

        Assert.That(response.Account.Name, Is.EqualTo("Plaid Checking"));
        Assert.That(response.Account.Balances.Available, Is.EqualTo(100m));
        Assert.That(response.Account.Balances.LastUpdatedDatetime, Is.EqualTo(Fake.Now));
    }

    [Test]
    public async Task The_default_account_needs_no_bound()
    {
        var response = await FakeAt(FakeAccount.PlaidChecking).GetAsync();

        Assert.That(response.Account.Balances.Available, Is.EqualTo(100m));
    }

    [Test]
    public async Task An_account_dated_long_ago_outside_capital_one_ignores_a_later_bound()
    {
        var oldBalance = FakeAccount.PlaidChecking with { LastUpdatedDatetime = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero) };

        var response = await FakeAt(oldBalance).GetAsync(minLastUpdated: Fake.Now);

        Assert.That(response.Account.Balances.LastUpdatedDatetime, Is.EqualTo(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)));
    }

    [TestCase(null, TestName = "Capital One depository without a bound")]
    [TestCase(24, TestName = "Capital One depository with a bound later than its balance")]
    public async Task A_capital_one_depository_account_ignores_the_bound(int? hours)
    {
        var handler = FakeAt(CapitalOneChecking with { LastUpdatedDatetime = Fake.Now.AddDays(-30) });

        var response = await handler.GetAsync(minLastUpdated: hours is { } ahead ? Fake.Now.AddHours(ahead) : null);

        Assert.That(response.Account.Name, Is.EqualTo("Plaid Checking"));
        Assert.That(response.Account.Balances.Current, Is.EqualTo(110m));
    }

    [Test]
    public async Task A_capital_one_credit_account_without_a_bound_is_an_invalid_field()
    {
        var error = (await Assert.ThrowsAsync<PlaidApiException>(() => FakeAt(FakeAccount.CapitalOneCreditCard).GetAsync()))!;

        Assert.That(error.ErrorCode, Is.EqualTo(PlaidErrorCodes.InvalidField));
        Assert.That(error.ErrorType.ToString(), Is.EqualTo("INVALID_REQUEST"));
        Assert.That(error.StatusCode, Is.EqualTo(400));
        Assert.That(error.ErrorMessage, Does.Contain("min_last_updated_datetime"));
    }

    [Test]
    public async Task A_capital_one_credit_account_with_an_older_bound_is_served_its_balance()
    {
        var response = await FakeAt(FakeAccount.CapitalOneCreditCard).GetAsync(minLastUpdated: Fake.Now.AddHours(-1));

        Assert.That(response.Account.Name, Is.EqualTo("Capital One Quicksilver"));
        Assert.That(response.Account.Balances.Available, Is.EqualTo(2450.75m));
        Assert.That(response.Account.Balances.LastUpdatedDatetime, Is.EqualTo(Fake.Now));
    }

    [Test]
    public async Task A_capital_one_credit_account_with_a_bound_equal_to_its_balance_is_served()
    {
        var response = await FakeAt(FakeAccount.CapitalOneCreditCard).GetAsync(minLastUpdated: Fake.Now);

        Assert.That(response.Account.Balances.LastUpdatedDatetime, Is.EqualTo(Fake.Now));
    }

    [Test]
    public async Task A_capital_one_credit_account_with_a_bound_later_than_its_balance_is_out_of_range()
    {
        var handler = FakeAt(FakeAccount.CapitalOneCreditCard with { LastUpdatedDatetime = Fake.Now.AddHours(-2) });

        var error = (await Assert.ThrowsAsync<PlaidApiException>(() => handler.GetAsync(minLastUpdated: Fake.Now.AddHours(-1))))!;

        Assert.That(error.ErrorCode, Is.EqualTo(PlaidErrorCodes.LastUpdatedDatetimeOutOfRange));
        Assert.That(error.ErrorType.ToString(), Is.EqualTo("INVALID_RESULT"));
        Assert.That(error.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task A_capital_one_credit_account_refreshed_now_is_out_of_range_for_a_bound_in_the_future()
    {
        var error = (await Assert.ThrowsAsync<PlaidApiException>(() =>
            FakeAt(FakeAccount.CapitalOneCreditCard).GetAsync(minLastUpdated: Fake.Now.AddSeconds(1))))!;

        Assert.That(error.ErrorCode, Is.EqualTo(PlaidErrorCodes.LastUpdatedDatetimeOutOfRange));
    }

    [Test]
    public async Task A_capital_one_credit_account_without_a_date_is_out_of_range()
    {
        var handler = FakeAt(FakeAccount.CapitalOneCreditCard with { LastUpdatedDatetime = null });

        var error = (await Assert.ThrowsAsync<PlaidApiException>(() => handler.GetAsync(minLastUpdated: Fake.Now.AddYears(-1))))!;

        Assert.That(error.ErrorCode, Is.EqualTo(PlaidErrorCodes.LastUpdatedDatetimeOutOfRange));
    }

    [Test]
    public async Task The_balance_date_follows_the_fake_clock_and_a_set_date_stays()
    {
        var clock = Fake.Clock();
        var dated = FakeAccount.CapitalOneCreditCard with { LastUpdatedDatetime = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero) };
        var handler = new FakePlaidHandler { DefaultAccount = FakeAccount.PlaidChecking, TimeProvider = clock }.Serve("processor-sandbox-dated", dated);

        var first = await handler.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(10));
        var second = await handler.GetAsync();
        var fixedDate = await handler.GetAsync("processor-sandbox-dated", minLastUpdated: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.That(first.Account.Balances.LastUpdatedDatetime, Is.EqualTo(Fake.Now));
        Assert.That(second.Account.Balances.LastUpdatedDatetime, Is.EqualTo(Fake.Now.AddMinutes(10)));
        Assert.That(fixedDate.Account.Balances.LastUpdatedDatetime, Is.EqualTo(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        Assert.That(FakeAccount.PlaidChecking.IsLastUpdatedNow, Is.True);
        Assert.That(dated.IsLastUpdatedNow, Is.False);
    }

    /// <summary>The README's "Without dependency injection" example, with the fake under its HttpClient.</summary>
    [TestCase("processor-sandbox-0asd1-a92nc", "Plaid Checking", TestName = "README quick-start against the default account")]
    [TestCase("processor-sandbox-card", "Capital One Quicksilver", TestName = "README quick-start against the Capital One credit card")]
    public async Task The_readme_quick_start_gets_a_balance_from_the_fake(string token, string name)
    {
        var fake = new FakePlaidHandler().Serve("processor-sandbox-card", FakeAccount.CapitalOneCreditCard);
        IPlaidClient plaid = new PlaidClient(new HttpClient(fake), new PlaidClientOptions
        {
            ClientId = Fake.ClientId,
            Secret = Fake.Secret,
            Environment = PlaidEnvironment.Sandbox,
        });

        var response = await plaid.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest
        {
            ProcessorToken = token,
            Options = new ProcessorBalanceGetRequestOptions { MinLastUpdatedDatetime = DateTimeOffset.UtcNow.AddHours(-1) },
        });

        Assert.That(response.Account.Name, Is.EqualTo(name));
        Assert.That(response.Account.Balances.Available, Is.Not.Null);
        Assert.That(response.Account.Balances.IsoCurrencyCode, Is.EqualTo("USD"));
    }
}
