namespace Plaid.Generated.IntegrationTests.Live;

/// <summary>
/// From keys to a balance against Plaid's real Sandbox (<see cref="LiveTarget"/>): skipped, and reported as skipped,
/// without keys; run against Prism mocking Plaid's spec by build/conformance.sh.
/// </summary>
[Category("Live")]
[NonParallelizable]
public class LiveSandboxTests
{
    private const string FirstPlatypusBank = "ins_109508";

    private LiveTarget _target = null!;

    [OneTimeSetUp]
    public void FindTarget() =>
        _target = LiveTarget.FromEnvironment()
            ?? throw new IgnoreException($"Live: set PLAID_CLIENT_ID and PLAID_SECRET (Sandbox keys), or {LiveTarget.MockUrlVariable}, to run these tests.");

    [Test]
    public async Task A_created_processor_token_has_a_balance()
    {
        var client = _target.Client();

        var created = await client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = FirstPlatypusBank });
        var balance = await client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = created.ProcessorToken });

        TestContext.Out.WriteLine($"{_target}: request ids {created.RequestId}, {balance.RequestId}");
        Assert.That(created.ProcessorToken, Does.StartWith("processor-sandbox-"));
        Assert.That(created.RequestId, Is.Not.Empty);
        Assert.That(balance.RequestId, Is.Not.Empty);
        var account = balance.Account;
        Assert.That(account.AccountId, Is.Not.Empty);
        Assert.That(account.Type.IsKnown, Is.True, $"account type '{account.Type}' is one of the spec's");
        Assert.That(account.Balances.Current ?? account.Balances.Available, Is.Not.Null, "Plaid sends current or available");
        Assert.That(account.Balances.IsoCurrencyCode ?? account.Balances.UnofficialCurrencyCode, Is.Not.Null, "Plaid sends one of the two currency codes");
    }

    [Test]
    public async Task Each_created_token_is_a_new_item()
    {
        if (_target.IsMock)
        {
            Assert.Ignore("A mock answers with the spec's one example token.");
        }

        var client = _target.Client();
        var request = new SandboxProcessorTokenCreateRequest { InstitutionId = FirstPlatypusBank };

        var first = await client.SandboxProcessorTokenCreateAsync(request);
        var second = await client.SandboxProcessorTokenCreateAsync(request);

        Assert.That(second.ProcessorToken, Is.Not.EqualTo(first.ProcessorToken));
    }

    [Test]
    public async Task The_token_of_an_item_that_does_not_exist_gets_plaids_error()
    {
        // Prism answers with the spec's error response when asked for one (Prefer: code=400); Plaid, for a token it never made.
        var client = _target.Client(_target.IsMock ? new PreferErrorAnswer() : null);

        var error = (await Assert.ThrowsAsync<PlaidApiException>(() => client.ProcessorBalanceGetAsync(
            new ProcessorBalanceGetRequest { ProcessorToken = "processor-sandbox-00000000-0000-0000-0000-000000000000" })))!;

        TestContext.Out.WriteLine($"{_target}: {error.Message}");
        Assert.That(error.StatusCode, Is.EqualTo(400));
        Assert.That(error.Error, Is.Not.Null, "the body is Plaid's error object");
        Assert.That(error.IsRetryable, Is.False);
        if (!_target.IsMock)
        {
            Assert.That(error.ErrorType, Is.EqualTo(PlaidErrorType.InvalidInput));
            Assert.That(error.ErrorCode, Is.EqualTo(PlaidErrorCodes.InvalidProcessorToken));
            Assert.That(error.RequestId, Is.Not.Empty);
        }
    }

    private sealed class PreferErrorAnswer() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("Prefer", "code=400");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
