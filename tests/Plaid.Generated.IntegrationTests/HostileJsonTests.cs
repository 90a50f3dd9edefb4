using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>Well-formed HTTP carrying JSON built to hurt a parser.</summary>
public class HostileJsonTests
{
    private const int Depth = 10_000;

    private static string DeeplyNested => string.Concat(Enumerable.Repeat("{\"a\":[", Depth)) + string.Concat(Enumerable.Repeat("]}", Depth));

    [Test]
    public async Task A_200_body_nested_10000_deep_fails_fast_on_the_depth_limit()
    {
        var exception = await Responses.FailureFrom(200, $$"""{"account":{{DeeplyNested}},"request_id":"r"}""");

        Assert.That(exception.StatusCode, Is.EqualTo(200));
        Assert.That(exception.Message, Does.Contain("Invalid JSON at byte ").And.Contain("maximum configured depth of 64"));
    }

    [Test]
    public async Task An_error_body_nested_10000_deep_keeps_the_status_and_says_it_is_not_a_Plaid_error()
    {
        var exception = await Responses.FailureFrom(400, DeeplyNested);

        Assert.That(exception.StatusCode, Is.EqualTo(400));
        Assert.That(exception.Error, Is.Null);
        Assert.That(exception.Message, Does.Contain("a body that is not a Plaid error object"));
    }

    // Decision: a duplicated member in a success body is an error, because whichever value a parser
    // keeps (first or last) is a guess and the value may be the balance.
    [Test]
    public async Task A_duplicated_member_in_a_200_body_is_an_error_naming_it()
    {
        var body = Fixtures.SpecExample.Replace("\"current\": 110,", "\"current\": 110, \"current\": 999999,", StringComparison.Ordinal);
        var exception = await Responses.FailureFrom(200, body);

        Assert.That(exception.Message, Does.Contain("after 'account.balances.current': The member 'current' appears twice in one object"));
    }

    // Names bind exactly: "Current" is another member, kept in AdditionalProperties, and cannot
    // overwrite "current" (Newtonsoft alone would bind it ignoring case).
    [Test]
    public async Task A_member_repeated_in_another_case_is_another_member()
    {
        var body = Fixtures.SpecExample.Replace("\"current\": 110,", "\"current\": 110, \"Current\": 999999,", StringComparison.Ordinal);

        var response = await Responses.ResultFrom(body);

        Assert.That(response.Account.Balances.Current, Is.EqualTo(110m));
        Assert.That(response.Account.Balances.AdditionalProperties["Current"]!.ToString(), Is.EqualTo("999999"));
    }

    [Test]
    public async Task The_same_member_name_in_different_objects_is_not_a_duplicate()
    {
        var body = Fixtures.SpecExample.Replace("\"mask\"", "\"extra\": {\"name\": 1, \"mask\": {\"name\": 2}}, \"mask\"", StringComparison.Ordinal);
        var response = await Responses.ResultFrom(body);

        Assert.That(response.Account.Name, Is.EqualTo("Plaid Checking"));
    }

    // Error bodies are read as strictly as success bodies: which error_code applies would be a guess.
    [Test]
    public async Task A_duplicated_member_in_an_error_body_is_not_taken_as_a_Plaid_error()
    {
        var body = Fixtures.Read("errors/INVALID_FIELD.json").Replace("\"error_type\"", "\"error_code\": \"X\", \"error_type\"", StringComparison.Ordinal);
        var exception = await Responses.FailureFrom(400, body);

        Assert.That(exception.StatusCode, Is.EqualTo(400));
        Assert.That(exception.ErrorCode, Is.Null);
        Assert.That(exception.Message, Does.Contain("not a Plaid error object").And.Contain("The member 'error_code' appears twice"));
    }

    [TestCase("current")]
    [TestCase("available")]
    [TestCase("limit")]
    public async Task A_balance_outside_the_range_of_decimal_is_an_error(string member)
    {
        var body = Fixtures.SpecExample.Replace("\"limit\": null", "\"limit\": 0", StringComparison.Ordinal)
            .Replace($"\"{member}\": ", $"\"{member}\": 1e400, \"ignored_{member}\": ", StringComparison.Ordinal);
        var exception = await Responses.FailureFrom(200, body);

        Assert.That(exception.Message, Does.Contain($"The number at 'account.balances.{member}' is outside the range or precision of a decimal: 1e400"));
    }
}
