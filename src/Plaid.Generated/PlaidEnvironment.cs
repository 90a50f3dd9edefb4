namespace Plaid.Generated;

/// <summary>The Plaid environment a client talks to, and so which host it calls.</summary>
public enum PlaidEnvironment
{
    /// <summary><c>https://sandbox.plaid.com</c>: test data, test credentials.</summary>
    Sandbox = 0,

    /// <summary><c>https://production.plaid.com</c>: live data.</summary>
    Production = 1,
}

internal static class PlaidEnvironmentExtensions
{
    private static readonly Uri SandboxUri = new("https://sandbox.plaid.com/");
    private static readonly Uri ProductionUri = new("https://production.plaid.com/");

    internal static Uri BaseUri(this PlaidEnvironment environment) => environment switch
    {
        PlaidEnvironment.Sandbox => SandboxUri,
        PlaidEnvironment.Production => ProductionUri,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown Plaid environment."),
    };

    /// <summary>The environment segment Plaid puts in tokens: <c>processor-sandbox-…</c>.</summary>
    internal static string TokenSegment(this PlaidEnvironment environment) => environment switch
    {
        PlaidEnvironment.Sandbox => "sandbox",
        PlaidEnvironment.Production => "production",
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown Plaid environment."),
    };
}
