namespace Plaid.Generated.Cli;

/// <summary>The Plaid credentials from the environment; there is deliberately no flag for the secret.</summary>
internal sealed record Credentials(string ClientId, string Secret)
{
    /// <returns>Null when neither variable is set.</returns>
    /// <exception cref="UsageException">Only one of the two is set.</exception>
    public static Credentials? From(IReadOnlyDictionary<string, string?> environment)
    {
        var clientId = Read(environment, PlaidBalanceCli.ClientIdVariable);
        var secret = Read(environment, PlaidBalanceCli.SecretVariable);
        return (clientId, secret) switch
        {
            (null, null) => null,
            ({ } id, { } s) => new Credentials(id, s),
            (null, _) => throw new UsageException($"{PlaidBalanceCli.SecretVariable} is set but {PlaidBalanceCli.ClientIdVariable} is not."),
            (_, null) => throw new UsageException($"{PlaidBalanceCli.ClientIdVariable} is set but {PlaidBalanceCli.SecretVariable} is not."),
        };
    }

    private static string? Read(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    // A record prints its members; this one must never print the secret.
    public override string ToString() => $"Credentials {{ ClientId = {ClientId} }}";
}
