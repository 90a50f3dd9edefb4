using System.Globalization;

namespace Plaid.Generated.Cli;

/// <summary>The default output: one header row and one row for the account.</summary>
internal static class BalanceTable
{
    private static readonly string[] Headers =
        ["ACCOUNT", "MASK", "TYPE/SUBTYPE", "AVAILABLE", "CURRENT", "LIMIT", "CURRENCY", "LAST UPDATED", "REQUEST ID"];

    // Amount columns are right-aligned so that decimal points line up.
    private static readonly bool[] RightAligned = [false, false, false, true, true, true, false, false, false];

    public static void Write(TextWriter output, ProcessorBalanceGetResponse response)
    {
        var account = response.Account;
        var balances = account.Balances;
        string[] row =
        [
            TerminalText.Clean(account.Name),
            TerminalText.Clean(account.Mask),
            TerminalText.Clean(account.Subtype is { } subtype ? $"{account.Type}/{subtype}" : account.Type.ToString()),
            Amount(balances.Available),
            Amount(balances.Current),
            Amount(balances.Limit),
            TerminalText.Clean(balances.IsoCurrencyCode ?? balances.UnofficialCurrencyCode),
            balances.LastUpdatedDatetime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-",
            TerminalText.Clean(response.RequestId),
        ];

        var widths = Headers.Select((header, i) => Math.Max(header.Length, row[i].Length)).ToArray();
        output.WriteLine(Line(Headers, widths));
        output.WriteLine(Line(row, widths));
    }

    private static string Amount(decimal? value) => value?.ToString("0.00######", CultureInfo.InvariantCulture) ?? "-";

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => RightAligned[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd();
}
