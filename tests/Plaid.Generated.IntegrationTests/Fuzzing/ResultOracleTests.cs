using System.Text;
using Newtonsoft.Json;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>The fuzz test is only as good as its oracle: it must catch a defaulted or altered value and judge bodies on its own.</summary>
public class ResultOracleTests
{
    private static ProcessorBalanceGetResponse SpecResult => JsonConvert.DeserializeObject<ProcessorBalanceGetResponse>(Fixtures.SpecExample)!;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Test]
    public void A_faithful_result_passes() =>
        Assert.That(ResultOracle.Judge(Utf8(Fixtures.SpecExample), SpecResult), Is.Null);

    [Test]
    public void A_result_from_a_body_without_account_id_is_flagged()
    {
        var body = Fixtures.SpecExample.Replace("\"account_id\": \"QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv\",", "", StringComparison.Ordinal);

        Assert.That(ResultOracle.Judge(Utf8(body), SpecResult), Does.Contain("required 'account.account_id' is absent"));
    }

    [Test]
    public void A_balance_that_differs_from_the_body_is_flagged()
    {
        var altered = SpecResult;
        altered.Account.Balances.Current = 0;

        Assert.That(ResultOracle.Judge(Utf8(Fixtures.SpecExample), altered), Does.Contain("'current' is '0' in the result but '110' in the body"));
    }

    [Test]
    public void A_dropped_unknown_member_is_flagged()
    {
        var body = Fixtures.SpecExample.Replace("\"mask\"", "\"Mask\": 1, \"mask\"", StringComparison.Ordinal);

        Assert.That(ResultOracle.Judge(Utf8(body), SpecResult), Does.Contain("AdditionalProperties of account are [] but the body's unknown members are [Mask]"));
    }

    [TestCase("\"current\": 010", TestName = "Oracle_refuses_a_leading_zero")]
    [TestCase("\"current\": 0x10", TestName = "Oracle_refuses_hex")]
    [TestCase("\"current\": NaN", TestName = "Oracle_refuses_NaN")]
    [TestCase("\"current\": 110 /* c */", TestName = "Oracle_refuses_a_comment")]
    [TestCase("\"current\": 110, \"current\": 1", TestName = "Oracle_refuses_a_name_twice")]
    [TestCase("\"current\": 1e400", TestName = "Oracle_refuses_a_balance_no_decimal_holds")]
    [TestCase("\"current\": \"110\"", TestName = "Oracle_refuses_a_balance_as_a_string")]
    [TestCase("\"Current\": 110", TestName = "Oracle_refuses_a_required_member_in_another_case")]
    public void The_oracle_refuses_bodies_on_its_own(string replacement)
    {
        var body = Fixtures.SpecExample.Replace("\"current\": 110", replacement, StringComparison.Ordinal);

        Assert.That(ResultOracle.Refusal(Utf8(body)), Is.Not.Null);
    }

    [TestCase("\"current\": 110, \"Current\": \"x\"", TestName = "Oracle_accepts_a_case_twin_as_an_unknown_member")]
    [TestCase("\"current\": 110, \"huge\": 1e400", TestName = "Oracle_accepts_any_number_in_an_unknown_member")]
    [TestCase("\"current\": 1.10e2", TestName = "Oracle_accepts_an_exponent")]
    public void The_oracle_accepts_valid_complete_bodies(string replacement)
    {
        var body = Fixtures.SpecExample.Replace("\"current\": 110", replacement, StringComparison.Ordinal);

        Assert.That(ResultOracle.Refusal(Utf8(body)), Is.Null);
    }

    [Test]
    public void The_error_oracle_expects_the_redacted_values()
    {
        var body = Fixtures.Read("errors/INVALID_FIELD.json").Replace("min_last_updated_datetime", Credentials.Secret, StringComparison.Ordinal);
        var exception = new PlaidApiException("m", 400, JsonConvert.DeserializeObject<PlaidError>(body.Replace(Credentials.Secret, "REDACTED", StringComparison.Ordinal)), "req-INVALID_FIELD", body);

        Assert.That(ErrorOracle.NotAPlaidError(Utf8(body)), Is.Null);
        Assert.That(ErrorOracle.Judge(Utf8(body), exception), Is.Null);
        Assert.That(ErrorOracle.NotAPlaidError(Utf8(body.Replace("\"status\": 400", "\"status\": \"400\"", StringComparison.Ordinal))), Does.Contain("'status' is not a Integer"));
    }

    [Test]
    public void The_oracle_checks_a_member_the_day_it_is_added_to_the_spec()
    {
        var spec = File.ReadAllText(SpecMembers.ClientSpecPath);
        var added = spec.Replace(
            "          $ref: '#/components/schemas/RequestID'\n      required:\n        - account\n",
            "          $ref: '#/components/schemas/RequestID'\n        fuzz_added:\n          type: integer\n      required:\n        - fuzz_added\n        - account\n",
            StringComparison.Ordinal);
        Assert.That(added, Is.Not.EqualTo(spec), "the spec's ProcessorBalanceGetResponse is not where this test expects it");
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "spec-with-an-added-member.yaml");
        File.WriteAllText(path, added);

        var (balanceResponse, _) = SpecMembers.Read(path);

        Assert.That(Schema.Check(System.Text.Json.JsonDocument.Parse(Fixtures.SpecExample).RootElement, balanceResponse), Is.EqualTo("required 'fuzz_added' is absent"));
        Assert.That(Schema.Check(System.Text.Json.JsonDocument.Parse(Fixtures.SpecExample.Replace("\"request_id\"", "\"fuzz_added\": \"x\", \"request_id\"", StringComparison.Ordinal)).RootElement, balanceResponse), Does.Contain("'fuzz_added' is not a Integer"));
    }

    [Test]
    public void The_error_oracle_takes_the_subtype_arrays_from_the_spec()
    {
        var subtypes = Schema.PlaidError.Where(member => member.Name.EndsWith("_account_subtypes", StringComparison.Ordinal)).ToList();

        Assert.That(subtypes.Select(member => (member.Name, member.Kind, member.Presence)), Is.EquivalentTo(new[]
        {
            ("required_account_subtypes", Kind.StringArray, Presence.Optional),
            ("provided_account_subtypes", Kind.StringArray, Presence.Optional),
        }));
        Assert.That(Schema.PlaidError.Single(member => member.Name == "error_type").Presence, Is.EqualTo(Presence.OptionalNotNull));
    }
}
