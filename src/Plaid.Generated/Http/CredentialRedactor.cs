namespace Plaid.Generated;

/// <summary>Removes the credentials of one call from text that may end up in an exception.</summary>
internal readonly struct CredentialRedactor(string? clientId, string? secret)
{
    internal const string Mask = "REDACTED";

    // Shorter values would garble ordinary text and are not real Plaid credentials anyway.
    private const int MinimumLength = 4;

    public string Redact(string text) => Replace(Replace(text, secret), clientId);

    public bool Leaks(string text) => Contains(text, secret) || Contains(text, clientId);

    private static string Replace(string text, string? value) =>
        value is { Length: >= MinimumLength } ? text.Replace(value, Mask, StringComparison.Ordinal) : text;

    private static bool Contains(string text, string? value) =>
        value is { Length: >= MinimumLength } && text.Contains(value, StringComparison.Ordinal);
}
