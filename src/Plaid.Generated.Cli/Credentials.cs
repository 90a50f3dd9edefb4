namespace Plaid.Generated.Cli;

/// <summary>The Plaid credentials from the environment; there is deliberately no flag for the secret.</summary>
internal sealed record Credentials(string ClientId, string Secret)
{
    public const string ClientIdVariable = "PLAID_CLIENT_ID";
    public const string SecretVariable = "PLAID_SECRET";

    /// <returns>Null when neither variable is set.</returns>
    /// <exception cref="UsageException">Only one of the two is set.</exception>
    public static Credentials? From(IReadOnlyDictionary<string, string?> environment)
    {
        var clientId = Read(environment, ClientIdVariable);
        var secret = Read(environment, SecretVariable);
        return (clientId, secret) switch
        {
            (null, null) => null,
            ({ } id, { } s) => new Credentials(id, s),
            (null, _) => throw new UsageException($"{SecretVariable} is set but {ClientIdVariable} is not."),
            (_, null) => throw new UsageException($"{ClientIdVariable} is set but {SecretVariable} is not."),
        };
    }

    private static string? Read(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    // A record prints its members; this one prints neither credential (the CLI masks the client id too).
    public override string ToString() => $"Credentials {{ ClientId = {CredentialRedactor.Mask} }}";
}
