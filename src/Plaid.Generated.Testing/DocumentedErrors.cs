using System.Net;
using System.Text.Json;

namespace Plaid.Generated.Testing;

/// <summary>
/// The errors Plaid documents for /processor/balance/get, as <see cref="FakePlaidHandler"/> sends them. The table is
/// data, embedded from documented-errors.json: one row per error code, in Plaid's own field names.
/// </summary>
internal static class DocumentedErrors
{
    public static readonly IReadOnlyDictionary<string, DocumentedError> ByCode = Load();

    private static Dictionary<string, DocumentedError> Load()
    {
        using var table = typeof(DocumentedErrors).Assembly.GetManifestResourceStream("Plaid.Generated.Testing.documented-errors.json")
            ?? throw new InvalidOperationException("documented-errors.json is not embedded in Plaid.Generated.Testing.");
        using var rows = JsonDocument.Parse(table);
        return rows.RootElement.EnumerateArray()
            .Select(row => new DocumentedError(
                row.GetProperty("error_code").GetString()!,
                row.GetProperty("error_type").GetString()!,
                (HttpStatusCode)row.GetProperty("status").GetInt32(),
                row.GetProperty("error_message").GetString()!,
                row.GetProperty("display_message").GetString()))
            .ToDictionary(error => error.Code, StringComparer.Ordinal);
    }
}

/// <summary>One documented error: what the fake puts in the error object and which status it answers with.</summary>
internal sealed record DocumentedError(string Code, PlaidErrorType Type, HttpStatusCode Status, string Message, string? DisplayMessage = null);
