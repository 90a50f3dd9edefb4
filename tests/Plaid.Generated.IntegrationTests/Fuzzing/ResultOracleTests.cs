using System.Text;
using Newtonsoft.Json;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>The fuzz test is only as good as its oracle: it must catch a defaulted or altered value.</summary>
public class ResultOracleTests
{
    private static ProcessorBalanceGetResponse SpecResult => JsonConvert.DeserializeObject<ProcessorBalanceGetResponse>(Fixtures.SpecExample)!;

    [Test]
    public void A_faithful_result_passes() =>
        Assert.That(ResultOracle.Judge(Encoding.UTF8.GetBytes(Fixtures.SpecExample), SpecResult), Is.Null);

    [Test]
    public void A_result_from_a_body_without_account_id_is_flagged()
    {
        var body = Fixtures.SpecExample.Replace("\"account_id\": \"QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv\",", "", StringComparison.Ordinal);
        var defaulted = SpecResult;
        defaulted.Account.AccountId = "";

        Assert.That(ResultOracle.Judge(Encoding.UTF8.GetBytes(body), defaulted), Does.Contain("'account_id' is missing"));
    }

    [Test]
    public void A_balance_that_differs_from_the_body_is_flagged()
    {
        var altered = SpecResult;
        altered.Account.Balances.Current = 0;

        Assert.That(ResultOracle.Judge(Encoding.UTF8.GetBytes(Fixtures.SpecExample), altered), Does.Contain("'current' is 0 in the result but 110"));
    }

    [Test]
    public void A_result_from_a_body_without_balances_is_flagged()
    {
        var body = Fixtures.SpecExample.Replace("\"balances\"", "\"balancez\"", StringComparison.Ordinal);

        Assert.That(ResultOracle.Judge(Encoding.UTF8.GetBytes(body), SpecResult), Does.Contain("without an account object with a balances object"));
    }
}
