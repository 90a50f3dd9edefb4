namespace Plaid.Generated.Testing.Tests;

/// <summary>The fake's /sandbox/processor_token/create, through the client and raw.</summary>
public partial class FakePlaidHandlerTests
{
    private const string TokenCreatePath = "sandbox/processor_token/create";

    [Test]
    public async Task A_created_token_is_a_sandbox_processor_token_whose_balance_the_fake_serves()
    {
        var fake = new FakePlaidHandler { TimeProvider = Fake.Clock() };
        var client = Fake.Client(fake);

        var created = await client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "ins_109508" });
        var balance = await client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = created.ProcessorToken });

        Assert.That(created.ProcessorToken, Does.Match("^processor-sandbox-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        Assert.That(created.RequestId, Is.EqualTo("Aim3b"));
        Assert.That(balance.Account.AccountId, Is.EqualTo(FakeAccount.PlaidChecking.AccountId));
        Assert.That(balance.Account.Balances.LastUpdatedDatetime, Is.EqualTo(Fake.Now));
    }

    [Test]
    public async Task Each_created_token_is_new_and_belongs_to_the_institution_asked_for()
    {
        var fake = new FakePlaidHandler { DefaultAccount = FakeAccount.CapitalOneCreditCard with { InstitutionId = "ins_109508" } };
        var client = Fake.Client(fake);

        var first = await client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "ins_109508" });
        var second = await client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = FakeAccount.CapitalOneInstitutionId });

        Assert.That(second.ProcessorToken, Is.Not.EqualTo(first.ProcessorToken));
        // Only the Capital One Item's credit card needs the freshness bound (Plaid's rule for ins_128026).
        Assert.That(await client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = first.ProcessorToken }), Is.Not.Null);
        var error = (await Assert.ThrowsAsync<PlaidApiException>(() =>
            client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = second.ProcessorToken })))!;
        Assert.That(error.ErrorCode, Is.EqualTo("INVALID_FIELD"));
    }

    [TestCase("""{"institution_id":"first-platypus"}""", 400, "INVALID_INPUT", "INVALID_INSTITUTION", TestName = "Institution id that is not ins_ and digits")]
    [TestCase("""{"institution_id":"ins_"}""", 400, "INVALID_INPUT", "INVALID_INSTITUTION", TestName = "Institution id without digits")]
    [TestCase("""{"institution_id":"ins_109508","options":{"override_password":"wrong"}}""", 400, "ITEM_ERROR", "INVALID_CREDENTIALS", TestName = "Wrong test password")]
    [TestCase("""{"institution_id":"ins_109508","options":{"override_password":"error_ITEM_LOGIN_REQUIRED"}}""", 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED", TestName = "Error password")]
    [TestCase("""{"institution_id":"ins_109508","options":{"override_password":"error_INSTITUTION_DOWN"}}""", 400, "INSTITUTION_ERROR", "INSTITUTION_DOWN", TestName = "Error password of an institution error")]
    [TestCase("""{}""", 400, "INVALID_REQUEST", "MISSING_FIELDS", TestName = "No institution id")]
    [TestCase("""{"institution_id":"ins_109508","initial_products":["auth"]}""", 400, "INVALID_REQUEST", "UNKNOWN_FIELDS", TestName = "Member of another endpoint")]
    [TestCase("""{"institution_id":"ins_109508","options":{"webhook":"x"}}""", 400, "INVALID_REQUEST", "UNKNOWN_FIELDS", TestName = "Unknown option")]
    public async Task A_bad_token_request_gets_the_error_plaid_sends(string json, int status, string errorType, string errorCode)
    {
        var (actualStatus, body) = await Fake.PostAsync(new FakePlaidHandler(), TokenCreatePath, json, Fake.AllHeaders);

        Assert.That(actualStatus, Is.EqualTo(status));
        Assert.That(body, Does.Contain($"\"error_type\": \"{errorType}\"").And.Contain($"\"error_code\": \"{errorCode}\""));
    }

    [Test]
    public async Task The_good_test_password_and_a_username_are_accepted_and_the_secret_is_not_recorded()
    {
        var fake = new FakePlaidHandler();

        var (status, body) = await Fake.PostAsync(fake, TokenCreatePath,
            $$$"""{"institution_id":"ins_109508","secret":"{{{Fake.Secret}}}","options":{"override_username":"user_good","override_password":"pass_good"}}""", Fake.AllHeaders);

        Assert.That(status, Is.EqualTo(200));
        Assert.That(body, Does.Contain("\"processor_token\": \"processor-sandbox-"));
        Assert.That(fake.ReceivedRequests.Single().Body, Does.Not.Contain(Fake.Secret).And.Contain("institution_id"));
    }
}
