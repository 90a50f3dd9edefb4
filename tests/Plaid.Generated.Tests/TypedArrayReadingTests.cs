using System.Text;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated.Tests;

/// <summary>
/// The generated readers take the arrays of Plaid's error object whole, as the success reader (every required member)
/// and the error reader (none required) both see them: the mechanism behind issue 22, now generated per member.
/// </summary>
public class TypedArrayReadingTests
{
    private static readonly bool[] Readers = [true, false];

    [TestCaseSource(nameof(Readers))]
    public void An_array_of_strings_reads_whole_and_the_next_member_too(bool requireMembers)
    {
        var error = Read("""{"required_account_subtypes":["checking","quantum savings"],"error_code":"kept"}""", requireMembers);

        Assert.That(Member(error, "required_account_subtypes"), Is.EqualTo(new[] { "checking", "quantum savings" }));
        Assert.That(error.ErrorCode, Is.EqualTo("kept"));
    }

    [TestCaseSource(nameof(Readers))]
    public void An_empty_or_null_array_reads(bool requireMembers)
    {
        Assert.That(Member(Read("""{"provided_account_subtypes":[]}""", requireMembers), "provided_account_subtypes"), Is.Empty);
        Assert.That(Member(Read("""{"provided_account_subtypes":null}""", requireMembers), "provided_account_subtypes"), Is.Null);
    }

    [TestCaseSource(nameof(Readers))]
    public void An_array_of_any_json_keeps_each_item(bool requireMembers)
    {
        const string Causes = """[{"a":[1,2.50,1e400]},"text",true,null,[]]""";

        var error = Read($$"""{"causes":{{Causes}}}""", requireMembers);

        Assert.That(new JArray(error.Causes!.Select(item => item as JToken ?? new JValue(item))).ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo(Causes));
    }

    [TestCase("""{"required_account_subtypes":[1]}""", "Expected a string at 'required_account_subtypes[0]', found Integer")]
    [TestCase("""{"required_account_subtypes":["a",[]]}""", "Expected a string at 'required_account_subtypes[1]', found StartArray")]
    [TestCase("""{"required_account_subtypes":{}}""", "Expected an array at 'required_account_subtypes', found StartObject")]
    [TestCase("""{"status":"1"}""", "Expected an integer at 'status', found String")]
    [TestCase("""{"status":1.5}""", "Expected an integer at 'status', found Float")]
    [TestCase("""{"status":4294967296}""", "outside the range of a 32-bit integer")]
    [TestCase("""{"error_type":7}""", "Expected a string for PlaidErrorType at 'error_type', found Integer")]
    [TestCase("""{"error_type":null}""", "Required property 'error_type' expects a non-null value")]
    [TestCase("""{"required_account_subtypes":[],"required_account_subtypes":["a"]}""", "'required_account_subtypes' appears twice")]
    [TestCase("""{"x":{"a":1,"a":2}}""", "The member 'a' appears twice")]
    public void A_member_of_another_json_type_is_refused_naming_where(string json, string message)
    {
        var exception = Assert.Throws<PlaidJsonException>(() => Read(json, requireMembers: false));

        Assert.That(exception!.Message, Does.Contain(message));
    }

    // Declared in the spec since 1.697.4, an additional property before (the sync tests run these tests at older eras):
    // read by wire name, either way.
    private static string[]? Member(PlaidError error, string name) => JObject.FromObject(error)[name]?.ToObject<string[]?>();

    // The success reader wants the members the spec requires; the error reader reads the document as it is.
    private static PlaidError Read(string json, bool requireMembers)
    {
        if (requireMembers && !json.Contains("\"error_code\"", StringComparison.Ordinal))
        {
            json = json.Insert(1, "\"error_code\":\"X\",");
        }

        if (requireMembers)
        {
            json = json.Insert(1, "\"error_type\":\"ITEM_ERROR\",\"error_message\":\"m\",\"display_message\":null,");
        }

        return PlaidJsonReader.ReadDocument<PlaidError>(Encoding.UTF8.GetBytes(json), PlaidError.ReadJson, requireMembers)!;
    }
}
