namespace Plaid.Generated;

/// <summary>
/// Removes a client id and secret from text: what the client does to every exception message, and what
/// a tool or test double that prints or records Plaid traffic should do too. Values shorter than four
/// characters are left alone (they would garble ordinary text and are not real Plaid credentials); the client
/// refuses such credentials before sending, so every credential it sends is redacted.
/// </summary>
/// <param name="clientId">The client id to remove, or null.</param>
/// <param name="secret">The secret to remove, or null.</param>
public readonly struct CredentialRedactor(string? clientId, string? secret)
{
    /// <summary>What a credential is replaced with.</summary>
    public const string Mask = "REDACTED";

    // The shortest value that is redacted: shorter ones would garble ordinary text (Plaid's are 24 and 30 characters).
    internal const int MinimumLength = 4;

    /// <summary>
    /// The one credential-length rule, for the options' check and a credential a request carries: a credential the
    /// redactor would leave alone could reach exception text, so it is refused. Null when <paramref name="value"/> is
    /// absent (null or blank) or long enough; otherwise the problem, which never echoes the value.
    /// </summary>
    internal static string? TooShort(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value!.Length < MinimumLength
            ? $"is shorter than {MinimumLength} characters, which no Plaid credential is."
            : null;

    /// <summary>
    /// The text with every occurrence of the secret and the client id replaced by <see cref="Mask"/>, including one a
    /// server spelt with JSON escapes (<c>\u0073ecret</c>): then the escapes of printable characters are decoded first.
    /// </summary>
    /// <param name="text">Text that may contain the credentials.</param>
    public string Redact(string text)
    {
        var redacted = Replace(Replace(text, secret), clientId);
        if (!redacted.Contains('\\'))
        {
            return redacted;
        }

        var decoded = DecodePrintableJsonEscapes(redacted);
        return Leaks(decoded) ? Replace(Replace(decoded, secret), clientId) : redacted;
    }

    /// <summary>Whether the text contains the secret or the client id.</summary>
    /// <param name="text">Text that may contain the credentials.</param>
    public bool Leaks(string text) => Contains(text, secret) || Contains(text, clientId);

    private static string Replace(string text, string? value) =>
        value is { Length: >= MinimumLength } ? text.Replace(value, Mask, StringComparison.Ordinal) : text;

    private static bool Contains(string text, string? value) =>
        value is { Length: >= MinimumLength } && text.Contains(value, StringComparison.Ordinal);

    // Decodes \uXXXX escapes of printable characters (and \/) and keeps every other escape, so JSON stays JSON
    // with the same meaning while an escaped credential becomes plain text that Replace can find.
    private static string DecodePrintableJsonEscapes(string text)
    {
        var decoded = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                decoded.Append(text[i]);
                continue;
            }

            var next = text[i + 1];
            if (next == '/')
            {
                decoded.Append('/');
            }
            else if (next == 'u' && i + 5 < text.Length
                && ushort.TryParse(text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code)
                && code >= 0x20 && code != '"' && code != '\\' && !char.IsSurrogate((char)code))
            {
                decoded.Append((char)code);
                i += 4;
            }
            else
            {
                decoded.Append(text, i, 2);
            }

            i++;
        }

        return decoded.ToString();
    }
}
