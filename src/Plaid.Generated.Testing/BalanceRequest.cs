using System.Globalization;
using System.Text.Json.Nodes;
using static Plaid.Generated.Testing.RequestBody;

namespace Plaid.Generated.Testing;

/// <summary>What a /processor/balance/get request carried, read as Plaid reads it: body credentials win over headers.</summary>
internal sealed record BalanceRequest(
    bool IsJsonObject,
    string? ClientId,
    string? Secret,
    string? PlaidVersion,
    string? ProcessorToken,
    string? MinLastUpdatedText,
    string? UnknownMember) : IFakeRequest
{
    private static readonly string[] RequestMembers = ["client_id", "secret", "processor_token", "options"];
    private static readonly string[] OptionsMembers = ["min_last_updated_datetime"];

    // RFC 3339 date-times: an offset or Z is required.
    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];

    public string? MissingMember => ProcessorToken is null ? "processor_token" : null;

    public static BalanceRequest Read(HttpRequestMessage request, string body)
    {
        var json = ParseObject(body);
        var options = json?["options"] as JsonObject;
        return new BalanceRequest(
            json is not null,
            Text(json?["client_id"]) ?? Header(request, "PLAID-CLIENT-ID"),
            Text(json?["secret"]) ?? Header(request, "PLAID-SECRET"),
            Header(request, "Plaid-Version"),
            Text(json?["processor_token"]),
            Text(options?["min_last_updated_datetime"]),
            Unknown(json, RequestMembers, "") ?? Unknown(options, OptionsMembers, "options."));
    }

    /// <summary>Plaid's format for the bound: an RFC 3339 date-time with an offset.</summary>
    public bool TryGetMinLastUpdated(out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(MinLastUpdatedText, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
}
