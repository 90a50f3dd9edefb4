namespace Vanilla;

/// <summary>
/// Vanilla NSwag generates no authentication; this is the hook its template offers, used the way a
/// team would to send the same three headers as the other clients.
/// </summary>
public partial class VanillaClient
{
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        request.Headers.TryAddWithoutValidation("PLAID-CLIENT-ID", Plaid.Generated.Benchmarks.Payloads.ClientId);
        request.Headers.TryAddWithoutValidation("PLAID-SECRET", Plaid.Generated.Benchmarks.Payloads.Secret);
        request.Headers.TryAddWithoutValidation("Plaid-Version", Plaid.Generated.Benchmarks.Payloads.PlaidVersion);
    }
}
