namespace Plaid.Generated.Testing.Tests;

public partial class FakePlaidHandlerTests
{
    [Test]
    public async Task By_default_it_serves_the_spec_example_account_refreshed_now()
    {
        var response = await new FakePlaidHandler { TimeProvider = Fake.Clock() }.GetAsync();

        Assert.That(response.RequestId, Is.EqualTo("1zlMf"));
        Assert.That(response.Account.AccountId, Is.EqualTo("QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv"));
        Assert.That(response.Account.Name, Is.EqualTo("Plaid Checking"));
        Assert.That(response.Account.Type.ToString(), Is.EqualTo("depository"));
        Assert.That(response.Account.Subtype?.ToString(), Is.EqualTo("checking"));
        Assert.That(response.Account.Balances.Available, Is.EqualTo(100));
        Assert.That(response.Account.Balances.Current, Is.EqualTo(110));
        Assert.That(response.Account.Balances.Limit, Is.Null);
        Assert.That(response.Account.Balances.IsoCurrencyCode, Is.EqualTo("USD"));
        Assert.That(response.Account.Balances.LastUpdatedDatetime, Is.EqualTo(Fake.Now));
    }

    [Test]
    public async Task It_serves_the_account_given_for_a_token_and_the_default_for_others()
    {
        var handler = new FakePlaidHandler().Serve("processor-sandbox-card", FakeAccount.CapitalOneCreditCard with { InstitutionId = "ins_3" });

        var card = await handler.GetAsync("processor-sandbox-card");
        var other = await handler.GetAsync("processor-sandbox-other");

        Assert.That(card.Account.Name, Is.EqualTo("Capital One Quicksilver"));
        Assert.That(card.Account.Type.ToString(), Is.EqualTo("credit"));
        Assert.That(card.Account.Subtype?.ToString(), Is.EqualTo("credit card"));
        Assert.That(card.Account.Balances.Limit, Is.EqualTo(3000));
        Assert.That(card.Account.Balances.Available, Is.EqualTo(2450.75));
        Assert.That(other.Account.Name, Is.EqualTo("Plaid Checking"));
    }

    [Test]
    public async Task A_subtype_the_client_was_not_generated_with_arrives_as_an_unknown_value()
    {
        var handler = new FakePlaidHandler { DefaultAccount = FakeAccount.UnknownSubtype };

        var response = await handler.GetAsync();

        Assert.That(response.Account.Subtype?.ToString(), Is.EqualTo("crypto wallet"));
        Assert.That(response.Account.Subtype?.IsKnown, Is.False);
    }

    [Test]
    public async Task Members_it_has_no_value_for_are_left_out_or_null_only_where_the_spec_allows_null()
    {
        var handler = new FakePlaidHandler { DefaultAccount = FakeAccount.PlaidChecking with { PersistentAccountId = null, Limit = null, Mask = null } };

        var (status, body) = await Fake.PostAsync(handler, $$"""{"processor_token":"{{Fake.Token}}"}""", Fake.AllHeaders);

        using var answer = System.Text.Json.JsonDocument.Parse(body);
        var account = answer.RootElement.GetProperty("account");
        string[] nulls = [.. account.EnumerateObject().Concat(account.GetProperty("balances").EnumerateObject())
            .Where(member => member.Value.ValueKind == System.Text.Json.JsonValueKind.Null).Select(member => member.Name).Order(StringComparer.Ordinal)];
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(account.TryGetProperty("verification_status", out _), Is.False, "verification_status is not nullable: absent, not null");
            Assert.That(account.TryGetProperty("persistent_account_id", out _), Is.False);
            Assert.That(nulls, Is.EqualTo(new[] { "limit", "mask", "unofficial_currency_code" }));
        });
    }
}
