using System.Net;
using System.Text;

namespace Plaid.Generated.Tests;

/// <summary>Bodies are RFC 8259 JSON with exactly named members, or a <see cref="PlaidApiException"/>.</summary>
public class PlaidClientStrictJsonTests
{
    private static string Example(string from, string to) =>
        Fixture.SpecExample.Replace(from, to, StringComparison.Ordinal) is var body && body != Fixture.SpecExample
            ? body
            : throw new ArgumentException($"'{from}' is not in the spec example");

    private static IEnumerable<TestCaseData> NotJson()
    {
        yield return Case(Example("\"current\": 110", "\"current\": 010"), "'account.balances.current'", "Leading_zero");
        yield return Case(Example("\"current\": 110", "\"current\": 0x10"), "'account.balances.current'", "Hex_number");
        yield return Case(Example("\"current\": 110", "\"current\": NaN"), "'account.balances.current'", "NaN_literal");
        yield return Case(Example("\"current\": 110", "\"current\": Infinity"), "'account.balances.current'", "Infinity_literal");
        yield return Case(Example("\"current\": 110", "\"current\": -Infinity"), "'account.balances.current'", "Negative_infinity_literal");
        yield return Case(Example("\"current\": 110", "\"current\": 110 /* comment */"), "'account.balances.current'", "Block_comment");
        yield return Case(Example("\"current\": 110", "\"current\": 110 // comment\n"), "'account.balances.current'", "Line_comment");
        yield return Case(Example("\"mask\": \"0000\"", "\"mask\": '0000'"), "'account.mask'", "Single_quoted_string");
        yield return Case(Example("\"mask\": \"0000\"", "mask: \"0000\""), "'account.balances'", "Unquoted_name");
        yield return Case(Example("\"unofficial_currency_code\": null", "\"unofficial_currency_code\": null,"), "'account.balances.unofficial_currency_code'", "Trailing_comma_in_object");
        yield return Case(Example("\"Plaid Checking\"", "\"Plaid\u0001Checking\""), "'account.name'", "Raw_control_character_in_a_string");
        yield return Case(Example("\"Plaid Checking\"", "\"Plaid\tChecking\""), "'account.name'", "Raw_tab_in_a_string");
        yield return Case(Fixture.SpecExample + " x", "", "Content_after_the_value");
        yield return Case(Fixture.SpecExample + Fixture.SpecExample, "", "A_second_document");
        yield return Case(Example("\"current\": 110", "\"current\": 110, \"current\": 999999"), "'account.balances.current'", "The_same_name_twice");
        yield return Case(Example("\"current\": 110", "\"current\": +110"), "'account.balances.current'", "Plus_sign");
        yield return Case(Example("\"current\": 110", "\"current\": .5"), "'account.balances.current'", "Number_without_integer_part");
        yield return Case(Example("\"current\": 110", "\"current\": 110."), "'account.balances.current'", "Number_without_fraction_digits");
        yield return Case(Example("\"request_id\": \"1zlMf\"", "\"request_id\": \"\\x41\""), "'request_id'", "Invalid_escape");
    }

    private static TestCaseData Case(string body, string after, string name) => new TestCaseData(body, after).SetName(name + "_is_refused");

    [TestCaseSource(nameof(NotJson))]
    public async Task Invalid_json_in_a_200_is_a_PlaidApiException_naming_where(string body, string after)
    {
        var exception = await new TestClient().Responds(HttpStatusCode.OK, body).GetFailureAsync();

        Assert.That(exception.StatusCode, Is.EqualTo(200));
        Assert.That(exception.Message, Does.Contain("Invalid JSON at byte ").And.Contain(after));
    }

    [Test]
    public async Task Invalid_utf8_in_a_string_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(Fixture.SpecExample.Replace("Plaid Checking", "Plaid ?hecking", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xC3; // a lead byte followed by 'h', not a continuation byte
        var client = new TestClient().Responds(HttpStatusCode.OK, "", configure: response => response.Content = new ByteArrayContent(bytes));

        var exception = await client.GetFailureAsync();

        Assert.That(exception.Message, Does.Contain("Invalid JSON at byte ").And.Contain("UTF-8"));
    }

    [Test]
    public async Task A_name_differing_only_in_case_is_another_member_kept_in_AdditionalProperties()
    {
        var body = Example("\"current\": 110", "\"current\": 110, \"Current\": 999999")
            .Replace("\"request_id\": \"1zlMf\"", "\"request_id\": \"1zlMf\", \"REQUEST_ID\": \"other\", \"Account\": {}", StringComparison.Ordinal);

        var response = await new TestClient().Responds(HttpStatusCode.OK, body).GetAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.Account.Balances.Current, Is.EqualTo(110m));
            Assert.That(response.Account.Balances.AdditionalProperties["Current"]!.ToString(), Is.EqualTo("999999"));
            Assert.That(response.RequestId, Is.EqualTo("1zlMf"));
            Assert.That(response.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "REQUEST_ID", "Account" }));
        });
    }

    [TestCase("\"acCount\"", "account", TestName = "Account_spelled_acCount_does_not_bind")]
    [TestCase("\"ACCOUNT\"", "account", TestName = "Account_spelled_ACCOUNT_does_not_bind")]
    [TestCase("\"maSk\"", "mask", TestName = "Mask_spelled_maSk_does_not_bind")]
    public async Task A_required_member_in_another_case_is_missing(string spelling, string member)
    {
        var body = Fixture.SpecExample.Replace($"\"{member}\"", spelling, StringComparison.Ordinal);

        var exception = await new TestClient().Responds(HttpStatusCode.OK, body).GetFailureAsync();

        Assert.That(exception.Message, Does.Contain($"Required property '{member}' not found"));
    }

    [Test]
    public async Task Case_variants_inside_an_unknown_object_parse()
    {
        var body = Example("\"mask\": \"0000\"", "\"mask\": \"0000\", \"nickname\": {\"a\": 1, \"A\": 2, \"list\": [{\"b\": 1, \"B\": 2}]}");

        var account = (await new TestClient().Responds(HttpStatusCode.OK, body).GetAsync()).Account;

        Assert.That(((Newtonsoft.Json.Linq.JToken)account.AdditionalProperties["nickname"]!)["A"]!.ToString(), Is.EqualTo("2"));
    }

    [Test]
    public async Task Unknown_numbers_keep_their_exact_text()
    {
        var body = Example("\"mask\": \"0000\"", "\"mask\": \"0000\", \"big\": 1e400, \"precise\": 0.1000000000000000000000000000001, \"money\": 110.10");

        var extra = (await new TestClient().Responds(HttpStatusCode.OK, body).GetAsync()).Account.AdditionalProperties;

        Assert.Multiple(() =>
        {
            Assert.That(extra["big"]!.ToString(), Is.EqualTo("1e400"));
            Assert.That(extra["precise"]!.ToString(), Is.EqualTo("0.1000000000000000000000000000001"));
            Assert.That(extra["money"]!.ToString(), Is.EqualTo("110.10"));
        });
    }

    [TestCase("1e-29", TestName = "Balance_below_decimal_precision_is_an_error")]
    [TestCase("0.1000000000000000000000000000001", TestName = "Balance_with_31_significant_digits_is_an_error")]
    public async Task A_balance_decimal_cannot_hold_exactly_is_a_PlaidApiException(string number)
    {
        var exception = await new TestClient().Responds(HttpStatusCode.OK, Example("\"current\": 110", $"\"current\": {number}")).GetFailureAsync();

        Assert.That(exception.Message, Does.Contain("outside the range or precision of a decimal").And.Contain("account.balances.current"));
    }

    [TestCase("1.10", "1.10")]
    [TestCase("1.5e1", "15")]
    [TestCase("150e-2", "1.50")]
    [TestCase("-0.000", "0")]
    [TestCase("1e28", "10000000000000000000000000000")]
    [TestCase("-79228162514264337593543950335", "-79228162514264337593543950335")]
    [TestCase("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [TestCase("1.0000000000000000000000000000000000", "1.0000000000000000000000000000")]
    public async Task Balances_keep_the_value_of_their_text(string number, string expected)
    {
        var balances = (await new TestClient().Responds(HttpStatusCode.OK, Example("\"current\": 110", $"\"current\": {number}")).GetAsync()).Account.Balances;

        Assert.That(balances.Current?.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    [Test]
    public async Task An_error_body_that_is_not_strict_json_is_not_parsed_and_the_message_says_why()
    {
        var body = Fixture.Read("errors/INVALID_FIELD.json").Replace("\"suggested_action\": null", "\"suggested_action\": null,", StringComparison.Ordinal);

        var exception = await new TestClient().Responds(HttpStatusCode.BadRequest, body).GetFailureAsync();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(400));
            Assert.That(exception.ErrorCode, Is.Null);
            Assert.That(exception.Message, Does.Contain("not a Plaid error object").And.Contain("Invalid JSON at byte "));
        });
    }

    [Test]
    public async Task An_error_body_naming_a_member_twice_is_not_parsed()
    {
        var body = Fixture.Read("errors/INVALID_FIELD.json").Replace("\"error_type\"", "\"error_code\": \"X\", \"error_type\"", StringComparison.Ordinal);

        var exception = await new TestClient().Responds(HttpStatusCode.BadRequest, body).GetFailureAsync();

        Assert.That(exception.ErrorCode, Is.Null);
        Assert.That(exception.Message, Does.Contain("'error_code' appears twice"));
    }

    [TestCase("{}", TestName = "An_empty_object_is_not_a_Plaid_error")]
    [TestCase("{\"account\": {}, \"request_id\": \"r\"}", TestName = "A_success_shaped_body_is_not_a_Plaid_error")]
    [TestCase("{\"error_code\": \"\"}", TestName = "An_empty_error_code_alone_is_not_a_Plaid_error")]
    public async Task A_json_object_without_error_code_or_error_type_is_not_a_Plaid_error(string body)
    {
        var exception = await new TestClient().Responds(HttpStatusCode.BadRequest, body).GetFailureAsync();

        Assert.That(exception.Error, Is.Null);
        Assert.That(exception.Message, Does.Contain("not a Plaid error object"));
    }

    [TestCase("\"account_id\": \"QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv\"", "\"account_id\": 123", "Expected a string at 'account.account_id', found Integer", TestName = "A_number_where_a_string_belongs_is_refused")]
    [TestCase("\"name\": \"Plaid Checking\"", "\"name\": true", "Expected a string at 'account.name', found Boolean", TestName = "A_boolean_where_a_string_belongs_is_refused")]
    [TestCase("\"current\": 110", "\"current\": \"110\"", "Expected a number at 'account.balances.current', found String", TestName = "A_string_where_a_number_belongs_is_refused")]
    public async Task Values_of_another_json_type_are_refused_not_converted(string from, string to, string message)
    {
        var exception = await new TestClient().Responds(HttpStatusCode.OK, Example(from, to)).GetFailureAsync();

        Assert.That(exception.Message, Does.Contain(message));
    }

    [Test]
    public async Task Integer_and_boolean_members_take_only_their_own_json_type()
    {
        const string Insights = "\"mask\": \"0000\", \"verification_insights\": {\"name_match_score\": NAME, \"network_status\": {\"has_numbers_match\": MATCH, \"is_numbers_match_verified\": false}, \"account_number_format\": \"valid\"}";
        var valid = Example("\"mask\": \"0000\"", Insights.Replace("NAME", "92", StringComparison.Ordinal).Replace("MATCH", "true", StringComparison.Ordinal));
        var stringScore = Example("\"mask\": \"0000\"", Insights.Replace("NAME", "\"92\"", StringComparison.Ordinal).Replace("MATCH", "true", StringComparison.Ordinal));
        var fractionalScore = Example("\"mask\": \"0000\"", Insights.Replace("NAME", "92.5", StringComparison.Ordinal).Replace("MATCH", "true", StringComparison.Ordinal));
        var numericFlag = Example("\"mask\": \"0000\"", Insights.Replace("NAME", "92", StringComparison.Ordinal).Replace("MATCH", "1", StringComparison.Ordinal));

        var insights = (await new TestClient().Responds(HttpStatusCode.OK, valid).GetAsync()).Account.VerificationInsights!;
        var stringScoreFailure = await new TestClient().Responds(HttpStatusCode.OK, stringScore).GetFailureAsync();
        var fractionalScoreFailure = await new TestClient().Responds(HttpStatusCode.OK, fractionalScore).GetFailureAsync();
        var numericFlagFailure = await new TestClient().Responds(HttpStatusCode.OK, numericFlag).GetFailureAsync();

        Assert.Multiple(() =>
        {
            Assert.That(insights.NameMatchScore, Is.EqualTo(92));
            Assert.That(insights.NetworkStatus.HasNumbersMatch, Is.True);
            Assert.That(stringScoreFailure.Message, Does.Contain("Expected an integer at 'account.verification_insights.name_match_score', found String"));
            Assert.That(fractionalScoreFailure.Message, Does.Contain("Expected an integer at 'account.verification_insights.name_match_score', found Float"));
            Assert.That(numericFlagFailure.Message, Does.Contain("Expected true or false at 'account.verification_insights.network_status.has_numbers_match', found Integer"));
        });
    }
}
