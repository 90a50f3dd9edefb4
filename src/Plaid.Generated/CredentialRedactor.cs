namespace Plaid.Generated;

/// <summary>
/// Removes a client id and secret from text: what the client does to every exception message, and what
/// a tool or test double that prints or records Plaid traffic should do too. Values shorter than four
/// characters are left alone (they would garble ordinary text and are not real Plaid credentials).
/// </summary>
/// <param name="clientId">The client id to remove, or null.</param>
/// <param name="secret">The secret to remove, or null.</param>
public readonly struct CredentialRedactor(string? clientId, string? secret)
{
    /// <summary>What a credential is replaced with.</summary>
    public const string Mask = "REDACTED";

    // Shorter values would garble ordinary text and are not real Plaid credentials anyway.
    private const int MinimumLength = 4;

    /// <summary>The text with every occurrence of the secret and the client id replaced by <see cref="Mask"/>.</summary>
    /// <param name="text">Text that may contain the credentials.</param>
    public string Redact(string text) => Replace(Replace(text, secret), clientId);

    /// <summary>Whether the text contains the secret or the client id.</summary>
    /// <param name="text">Text that may contain the credentials.</param>
    public bool Leaks(string text) => Contains(text, secret) || Contains(text, clientId);

    private static string Replace(string text, string? value) =>
        value is { Length: >= MinimumLength } ? text.Replace(value, Mask, StringComparison.Ordinal) : text;

    private static bool Contains(string text, string? value) =>
        value is { Length: >= MinimumLength } && text.Contains(value, StringComparison.Ordinal);
}
