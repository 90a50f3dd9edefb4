using System.Text.Json;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>
/// Judges a 200 body with its own strict parse (<see cref="StrictJson"/>) and the spec's schema
/// (<see cref="Schema"/>): a body that is strict JSON and fits the schema must give a result equal to
/// it in every member a caller can read; any other body must give a <see cref="PlaidApiException"/>.
/// </summary>
internal static class ResultOracle
{
    /// <summary>Null when the body must give a result; otherwise why it must be refused.</summary>
    public static string? Refusal(byte[] body)
    {
        using var document = StrictJson.Parse(body, out var problem);
        return document is null ? $"not strict JSON: {problem}" : Schema.Check(document.RootElement, Schema.BalanceResponse);
    }

    /// <summary>Null when <paramref name="result"/> is faithful to <paramref name="body"/>; otherwise what is wrong.</summary>
    public static string? Judge(byte[] body, ProcessorBalanceGetResponse result)
    {
        using var document = StrictJson.Parse(body, out var problem);
        if (document is null)
        {
            return $"a result came out of a body that is not strict JSON: {problem}";
        }

        var root = document.RootElement;
        if (Schema.Check(root, Schema.BalanceResponse) is { } misfit)
        {
            return $"a result came out of a body that does not fit the schema: {misfit}";
        }

        var account = root.GetProperty("account");
        var balances = account.GetProperty("balances");
        var accountMembers = Schema.MembersOf(Schema.BalanceResponse, "account");
        var balanceMembers = Schema.MembersOf(accountMembers, "balances");
        var a = result.Account;
        var b = a.Balances;
        return Differs("request_id", Text(root, "request_id"), result.RequestId)
            ?? Differs("account_id", Text(account, "account_id"), a.AccountId)
            ?? Differs("mask", Text(account, "mask"), a.Mask)
            ?? Differs("name", Text(account, "name"), a.Name)
            ?? Differs("official_name", Text(account, "official_name"), a.OfficialName)
            ?? Differs("type", Text(account, "type"), a.Type.ToString())
            ?? Differs("subtype", Text(account, "subtype"), a.Subtype?.ToString())
            ?? Differs("verification_status", Text(account, "verification_status"), a.VerificationStatus?.ToString())
            ?? Differs("verification_name", Text(account, "verification_name"), a.VerificationName)
            ?? Differs("persistent_account_id", Text(account, "persistent_account_id"), a.PersistentAccountId)
            ?? Differs("holder_category", Text(account, "holder_category"), a.HolderCategory?.ToString())
            ?? Differs("verification_insights", Has(account, "verification_insights") ? "present" : null, a.VerificationInsights is null ? null : "present")
            ?? Differs("available", Number(balances, "available"), b.Available)
            ?? Differs("current", Number(balances, "current"), b.Current)
            ?? Differs("limit", Number(balances, "limit"), b.Limit)
            ?? Differs("iso_currency_code", Text(balances, "iso_currency_code"), b.IsoCurrencyCode)
            ?? Differs("unofficial_currency_code", Text(balances, "unofficial_currency_code"), b.UnofficialCurrencyCode)
            ?? Differs("last_updated_datetime", Date(balances, "last_updated_datetime"), b.LastUpdatedDatetime)
            ?? DiffersInNames("(root)", Schema.UnknownNames(root, Schema.BalanceResponse), result.AdditionalProperties.Keys)
            ?? DiffersInNames("account", Schema.UnknownNames(account, accountMembers), a.AdditionalProperties.Keys)
            ?? DiffersInNames("balances", Schema.UnknownNames(balances, balanceMembers), b.AdditionalProperties.Keys);
    }

    private static bool Has(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private static string? Text(JsonElement parent, string name) => Has(parent, name) ? parent.GetProperty(name).GetString() : null;

    private static decimal? Number(JsonElement parent, string name) =>
        Has(parent, name) && Schema.TryExactDecimal(parent.GetProperty(name), out var value) ? value : null;

    private static DateTimeOffset? Date(JsonElement parent, string name) =>
        Has(parent, name) ? parent.GetProperty(name).GetDateTimeOffset() : null;

    private static string? Differs<T>(string name, T expected, T actual) =>
        EqualityComparer<T>.Default.Equals(expected, actual) ? null : $"'{name}' is {Show(actual)} in the result but {Show(expected)} in the body";

    private static string Show<T>(T value) => value is null ? "null" : $"'{value}'";

    private static string? DiffersInNames(string where, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var body = expected.Order(StringComparer.Ordinal).ToList();
        var kept = actual.Order(StringComparer.Ordinal).ToList();
        return body.SequenceEqual(kept, StringComparer.Ordinal)
            ? null
            : $"AdditionalProperties of {where} are [{string.Join(", ", kept)}] but the body's unknown members are [{string.Join(", ", body)}]";
    }
}
