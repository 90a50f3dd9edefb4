using System.Text.Json.Nodes;
using static Plaid.Generated.Testing.RequestBody;

namespace Plaid.Generated.Testing;

/// <summary>What a /sandbox/processor_token/create request carried, read as Plaid reads it.</summary>
internal sealed record SandboxTokenRequest(
    bool IsJsonObject,
    string? ClientId,
    string? Secret,
    string? PlaidVersion,
    string? InstitutionId,
    string? OverridePassword,
    string? UnknownMember) : IFakeRequest
{
    private static readonly string[] RequestMembers = ["client_id", "secret", "institution_id", "options"];
    private static readonly string[] OptionsMembers = ["override_username", "override_password"];

    public string? MissingMember => InstitutionId is null ? "institution_id" : null;

    public static SandboxTokenRequest Read(HttpRequestMessage request, string body)
    {
        var json = ParseObject(body);
        var options = json?["options"] as JsonObject;
        return new SandboxTokenRequest(
            json is not null,
            Text(json?["client_id"]) ?? Header(request, "PLAID-CLIENT-ID"),
            Text(json?["secret"]) ?? Header(request, "PLAID-SECRET"),
            Header(request, "Plaid-Version"),
            Text(json?["institution_id"]),
            Text(options?["override_password"]),
            Unknown(json, RequestMembers, "") ?? Unknown(options, OptionsMembers, "options."));
    }
}
