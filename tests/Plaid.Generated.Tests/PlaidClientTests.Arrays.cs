using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated.Tests;

/// <summary>
/// Array members read right in error and success bodies: empty, one value, a value the spec does not
/// list, null, and the same member twice (refused). Issue 22: a typed array lost the whole Plaid error.
/// </summary>
public class PlaidClientArrayTests
{
    private const string NoAccounts =
        """{"error_type":"ITEM_ERROR","error_code":"NO_ACCOUNTS","error_message":"m","display_message":null,"request_id":"r","MEMBER":VALUE}""";

    private static string NoAccountsWith(string member, string value) =>
        NoAccounts.Replace("MEMBER", member, StringComparison.Ordinal).Replace("VALUE", value, StringComparison.Ordinal);

    // Declared in the spec since 1.697.4, an additional property before (SpecSyncRoundTripTests runs these tests at
    // 1.673.1): read by wire name, either way.
    private static string[]? Member(PlaidError? error, string name) =>
        error is null ? null : JObject.FromObject(error)[name]?.ToObject<string[]>();

    private static IEnumerable<TestCaseData> SubtypeArrays()
    {
        foreach (var member in new[] { "required_account_subtypes", "provided_account_subtypes" })
        {
            yield return Case(member, "[]", [], "empty");
            yield return Case(member, """["checking"]""", ["checking"], "one_value");
            yield return Case(member, """["checking","savings"]""", ["checking", "savings"], "two_values");
            yield return Case(member, """["quantum savings"]""", ["quantum savings"], "an_unknown_subtype");
            yield return Case(member, "null", null, "null");
        }

        static TestCaseData Case(string member, string json, string[]? expected, string what) =>
            new TestCaseData(member, json, expected).SetName($"Error_with_{member}_{what}_keeps_its_code");
    }

    [TestCaseSource(nameof(SubtypeArrays))]
    public async Task An_error_with_a_subtype_array_keeps_its_code_and_the_array(string member, string json, string[]? expected)
    {
        var exception = await new TestClient().Responds(HttpStatusCode.BadRequest, NoAccountsWith(member, json)).GetFailureAsync();

        var subtypes = Member(exception.Error, member);
        Assert.Multiple(() =>
        {
            Assert.That(exception.ErrorType, Is.EqualTo(PlaidErrorType.ItemError));
            Assert.That(exception.ErrorCode, Is.EqualTo("NO_ACCOUNTS"));
            Assert.That(exception.ErrorMessage, Is.EqualTo("m"));
            Assert.That(exception.RequestId, Is.EqualTo("r"));
            Assert.That(subtypes, Is.EqualTo(expected));
            Assert.That(exception.Message, Does.Contain("HTTP 400 ITEM_ERROR/NO_ACCOUNTS: m"));
        });
    }

    [Test]
    public async Task An_error_with_both_subtype_arrays_keeps_both()
    {
        var body = NoAccountsWith("required_account_subtypes", """["brokerage"],"provided_account_subtypes":["checking","credit card"]""");

        var error = (await new TestClient().Responds(HttpStatusCode.BadRequest, body).GetFailureAsync()).Error;

        Assert.That(Member(error, "required_account_subtypes"), Is.EqualTo(new[] { "brokerage" }));
        Assert.That(Member(error, "provided_account_subtypes"), Is.EqualTo(new[] { "checking", "credit card" }));
    }

    [Test]
    public async Task An_error_naming_a_subtype_array_twice_is_refused_as_malformed()
    {
        var body = NoAccountsWith("required_account_subtypes", """["checking"],"required_account_subtypes":["savings"]""");

        var exception = await new TestClient().Responds(HttpStatusCode.BadRequest, body).GetFailureAsync();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(400));
            Assert.That(exception.Error, Is.Null);
            Assert.That(exception.Message, Does.Contain("'required_account_subtypes' appears twice"));
        });
    }

    [TestCase("[]", 0, TestName = "Error_with_empty_causes_keeps_its_code")]
    [TestCase("""[{"error_code":"X","item_id":"i"},"text",3,null,[1]]""", 5, TestName = "Error_with_causes_of_any_json_keeps_them")]
    public async Task Causes_of_any_json_are_kept(string json, int count)
    {
        var exception = await new TestClient().Responds(HttpStatusCode.BadRequest, NoAccountsWith("causes", json)).GetFailureAsync();

        Assert.That(exception.ErrorCode, Is.EqualTo("NO_ACCOUNTS"));
        Assert.That(exception.Causes, Has.Count.EqualTo(count));
        Assert.That(JsonConvert.SerializeObject(exception.Causes), Is.EqualTo(JToken.Parse(json).ToString(Formatting.None)));
    }

    [Test]
    public async Task An_unknown_array_member_of_an_error_is_kept_whole()
    {
        var exception = await new TestClient().Responds(HttpStatusCode.BadRequest, NoAccountsWith("future_list", """["a",[],{"b":[true]}]""")).GetFailureAsync();

        Assert.That(exception.ErrorCode, Is.EqualTo("NO_ACCOUNTS"));
        Assert.That(((JToken)exception.Error!.AdditionalProperties["future_list"]!).ToString(Formatting.None), Is.EqualTo("""["a",[],{"b":[true]}]"""));
    }

    [Test]
    public async Task An_unknown_array_member_of_a_success_is_kept_whole()
    {
        var body = Fixture.SpecExample.Replace("\"mask\": \"0000\"", "\"mask\": \"0000\", \"subtypes_seen\": [\"checking\", \"quantum\"], \"empty\": []", StringComparison.Ordinal);

        var account = (await new TestClient().Responds(HttpStatusCode.OK, body).GetAsync()).Account;

        Assert.That(((JToken)account.AdditionalProperties["subtypes_seen"]!).ToObject<string[]>(), Is.EqualTo(new[] { "checking", "quantum" }));
        Assert.That(((JToken)account.AdditionalProperties["empty"]!).HasValues, Is.False);
        Assert.That(account.Name, Is.EqualTo("Plaid Checking"));
    }
}
