namespace Plaid.Generated.Cli;

/// <summary>Text from the server made safe for a terminal: control characters (escape sequences, line breaks) become '?'.</summary>
internal static class TerminalText
{
    public static string Clean(string? text) =>
        string.IsNullOrEmpty(text) ? "-" : string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
}
