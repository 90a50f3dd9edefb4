using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>
/// Judges a parsed result against the body it came from: every required member was really there
/// (not defaulted) and the values the caller acts on are the ones in the body.
/// </summary>
internal static class ResultOracle
{
    private static readonly JsonLoadSettings LoadSettings = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    /// <summary>Null when the result is faithful to <paramref name="body"/>; otherwise what is wrong.</summary>
    public static string? Judge(byte[] body, ProcessorBalanceGetResponse result)
    {
        JToken root;
        try
        {
            using var text = new StreamReader(new MemoryStream(body), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            root = JToken.Load(reader, LoadSettings);
        }
        catch (JsonException exception)
        {
            return $"a result came out of a body that is not valid JSON: {exception.Message}";
        }

        var account = Member(root, "account") as JObject;
        var balances = Member(account, "balances") as JObject;
        if (account is null || balances is null)
        {
            return "a result came out of a body without an account object with a balances object";
        }

        foreach (var (parent, name) in new (JToken, string)[] { (root, "request_id"), (account, "account_id"), (account, "name"), (account, "type") })
        {
            if (Member(parent, name) is null or { Type: JTokenType.Null })
            {
                return $"required '{name}' is missing or null in the body but the call returned a result";
            }
        }

        foreach (var (parent, name) in new (JToken, string)[] { (account, "mask"), (account, "official_name"), (account, "subtype"), (balances, "available"), (balances, "current"), (balances, "limit"), (balances, "iso_currency_code"), (balances, "unofficial_currency_code") })
        {
            if (Member(parent, name) is null)
            {
                return $"required-nullable '{name}' is absent in the body but the call returned a result";
            }
        }

        return Mismatch("account_id", Member(account, "account_id"), result.Account.AccountId)
            ?? Mismatch("request_id", Member(root, "request_id"), result.RequestId)
            ?? Mismatch("available", Member(balances, "available"), result.Account.Balances.Available)
            ?? Mismatch("current", Member(balances, "current"), result.Account.Balances.Current)
            ?? Mismatch("limit", Member(balances, "limit"), result.Account.Balances.Limit);
    }

    // Like the client (Newtonsoft), a member matches its name in any case when there is no exact match.
    private static JToken? Member(JToken? parent, string name) =>
        (parent as JObject)?.GetValue(name, StringComparison.Ordinal) ?? (parent as JObject)?.GetValue(name, StringComparison.OrdinalIgnoreCase);

    // A number or boolean in a string member is read as its JSON text, which this parse has already
    // normalised (0.1e1 -> 1), so only a JSON string is compared exactly.
    private static string? Mismatch(string name, JToken? token, string actual) =>
        token is { Type: JTokenType.String } && (string?)token != actual ? $"'{name}' is '{actual}' in the result but '{token}' in the body" : null;

    private static string? Mismatch(string name, JToken? token, decimal? actual)
    {
        double? expected = token?.Type is JTokenType.Integer or JTokenType.Float ? (double?)token : null;
        return expected == (double?)actual ? null : $"'{name}' is {actual} in the result but {token} in the body";
    }
}
