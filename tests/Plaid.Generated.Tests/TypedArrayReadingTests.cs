using System.Text;
using Newtonsoft.Json;

namespace Plaid.Generated.Tests;

/// <summary>
/// The reader under every serializer of the client takes an array of each item type the generated
/// types use, as the success reader and the error reader both see it: the mechanism behind issue 22,
/// whatever member a synced spec adds next.
/// </summary>
public class TypedArrayReadingTests
{
    private static IEnumerable<TestCaseData> Arrays()
    {
        foreach (var reader in new[] { "success", "error" })
        {
            yield return Case(reader, "strings", """["checking","quantum savings"]""", new[] { "checking", "quantum savings" });
            yield return Case(reader, "integers", "[1,-2]", new[] { 1, -2 });
            yield return Case(reader, "booleans", "[true,false]", new[] { true, false });
            yield return Case(reader, "decimals", "[110.10,1e2]", new[] { 110.10m, 100m });
            yield return Case(reader, "subtypes", """["checking","quantum savings"]""", new[] { AccountSubtype.Checking, (AccountSubtype)"quantum savings" });
            yield return Case(reader, "nullable_subtypes", """["checking",null]""", new AccountSubtype?[] { AccountSubtype.Checking, null });
            yield return Case(reader, "datetimes", """["2026-12-05T10:00:00Z"]""", new[] { new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero) });
            yield return Case(reader, "arrays", """[[],["a"]]""", new[] { Array.Empty<string>(), new[] { "a" } });
        }

        static TestCaseData Case(string reader, string member, string json, object expected) =>
            new TestCaseData(reader, member, json, expected).SetName($"{reader}_reader_takes_an_array_of_{member}");
    }

    [TestCaseSource(nameof(Arrays))]
    public void An_array_of_each_item_type_reads_whole(string reader, string member, string json, object expected)
    {
        var holder = Read(reader, $$"""{"{{member}}":{{json}},"after":"kept"}""");

        Assert.That(typeof(Holder).GetProperty(Pascal(member))!.GetValue(holder), Is.EqualTo(expected));
        Assert.That(holder.After, Is.EqualTo("kept"));
    }

    [TestCaseSource(nameof(Arrays))]
    public void An_empty_or_null_array_of_each_item_type_reads(string reader, string member, string json, object expected)
    {
        var empty = Read(reader, $$"""{"{{member}}":[]}""");
        var none = Read(reader, $$"""{"{{member}}":null}""");

        var property = typeof(Holder).GetProperty(Pascal(member))!;
        Assert.That(property.GetValue(empty), Is.Empty);
        Assert.That(property.GetValue(none), Is.Null);
    }

    [TestCase("strings", "[1]", "Expected a string at 'strings[0]', found Integer")]
    [TestCase("integers", "[\"1\"]", "Expected an integer at 'integers[0]', found String")]
    [TestCase("booleans", "[1]", "Expected true or false at 'booleans[0]', found Integer")]
    [TestCase("decimals", "[\"1\"]", "Expected a number at 'decimals[0]', found String")]
    [TestCase("subtypes", "[[]]", "Expected a string for AccountSubtype at 'subtypes[0]', found StartArray")]
    [TestCase("strings", "{}", "Cannot deserialize the current JSON object")]
    public void An_item_of_another_json_type_is_refused(string member, string json, string message)
    {
        var exception = Assert.Catch<JsonException>(() => Read("success", $$"""{"{{member}}":{{json}}}"""));

        Assert.That(exception!.Message, Does.Contain(message));
    }

    [Test]
    public void The_same_array_member_twice_is_refused()
    {
        var exception = Assert.Catch<JsonException>(() => Read("error", """{"strings":[],"strings":["a"]}"""));

        Assert.That(exception!.Message, Does.Contain("'strings' appears twice"));
    }

    private static Holder Read(string reader, string json)
    {
        using var tokens = new Utf8JsonTokenReader(Encoding.UTF8.GetBytes(json));
        return (reader == "success" ? PlaidJson.Deserialize<Holder>(tokens) : PlaidJson.ErrorReader.Deserialize<Holder>(tokens))!;
    }

    private static string Pascal(string member) =>
        string.Concat(member.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private sealed class Holder
    {
        [JsonProperty("strings")] public ICollection<string>? Strings { get; set; }
        [JsonProperty("integers")] public ICollection<int>? Integers { get; set; }
        [JsonProperty("booleans")] public ICollection<bool>? Booleans { get; set; }
        [JsonProperty("decimals")] public ICollection<decimal>? Decimals { get; set; }
        [JsonProperty("subtypes")] public ICollection<AccountSubtype>? Subtypes { get; set; }
        [JsonProperty("nullable_subtypes")] public ICollection<AccountSubtype?>? NullableSubtypes { get; set; }
        [JsonProperty("datetimes")] public ICollection<DateTimeOffset>? Datetimes { get; set; }
        [JsonProperty("arrays")] public ICollection<ICollection<string>>? Arrays { get; set; }
        [JsonProperty("after")] public string? After { get; set; }
    }
}
