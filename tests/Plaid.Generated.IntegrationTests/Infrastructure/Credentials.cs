namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>Credentials distinctive enough that finding one in any text is never a coincidence.</summary>
internal static class Credentials
{
    public const string ClientId = "itest-client-7d41c0e9";
    public const string Secret = "itest-secret-Kf93Lq0Zr2Wx8Vb5";
    public const string Token = "processor-sandbox-3f1e9b20-itest";

    public static IEnumerable<string> All => [ClientId, Secret];
}
