namespace Plaid.Generated.Cli;

/// <summary>
/// The last line of defence for "the secret never appears in any output": whatever the server
/// echoes, the credentials from the environment are masked in everything the tool prints.
/// </summary>
internal sealed class CredentialMask(IEnumerable<string?> credentials)
{
    private const string Mask = "REDACTED";

    // Shorter values would garble ordinary text and are not real Plaid credentials anyway.
    private const int MinimumLength = 4;

    private readonly string[] _credentials = [.. credentials.OfType<string>().Where(value => value.Length >= MinimumLength)];

    public string Apply(string text) =>
        _credentials.Aggregate(text, (masked, credential) => masked.Replace(credential, Mask, StringComparison.Ordinal));
}
