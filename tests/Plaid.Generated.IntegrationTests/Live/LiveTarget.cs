namespace Plaid.Generated.IntegrationTests.Live;

/// <summary>
/// Where the Live tests send: Plaid's real Sandbox when <c>PLAID_CLIENT_ID</c> and <c>PLAID_SECRET</c> are set, or a mock
/// of Plaid's spec when <c>PLAID_LIVE_MOCK_URL</c> is (build/conformance.sh sets it to Stoplight Prism on loopback, so the
/// same tests run on every CI run); null when neither is, and the tests are skipped.
/// </summary>
internal sealed record LiveTarget(string ClientId, string Secret, Uri? MockUrl)
{
    public const string MockUrlVariable = "PLAID_LIVE_MOCK_URL";

    public bool IsMock => MockUrl is not null;

    public static LiveTarget? FromEnvironment()
    {
        var clientId = Environment.GetEnvironmentVariable("PLAID_CLIENT_ID");
        var secret = Environment.GetEnvironmentVariable("PLAID_SECRET");
        if (Environment.GetEnvironmentVariable(MockUrlVariable) is { Length: > 0 } mock)
        {
            // A mock checks no keys: any will do when none are set.
            return new LiveTarget(clientId ?? "live-mock-client-id", secret ?? "live-mock-secret-0123", new Uri(mock));
        }

        return string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(secret) ? null : new LiveTarget(clientId, secret, MockUrl: null);
    }

    /// <summary>A Sandbox client with the library's defaults (retries included), or one aimed at the mock.</summary>
    public PlaidClient Client(HttpMessageHandler? handler = null) =>
        new(new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }),
            new PlaidClientOptions { ClientId = ClientId, Secret = Secret, Environment = PlaidEnvironment.Sandbox, BaseUri = MockUrl });

    public override string ToString() => IsMock ? $"mock of Plaid's spec at {MockUrl}" : "Plaid Sandbox";
}
