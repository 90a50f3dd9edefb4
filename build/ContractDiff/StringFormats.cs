namespace ContractDiff;

/// <summary>
/// A string's <c>format</c> judged by the text on the wire: which text a format admits, which text a property of the
/// generated C# type sends, and which it reads. A request's format change breaks clients unless the text they send
/// stays valid under the new format; a response's, unless the generated type still reads every value of it.
/// </summary>
internal static class StringFormats
{
    // The formats that restrict the text (JSON Schema's and OpenAPI's), each with a sample for messages. Any other
    // format, or none, admits any string (password, a vendor's name for a hint).
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["date-time"] = "2024-01-01T00:00:00Z",
        ["date"] = "2024-01-01",
        ["time"] = "00:00:00Z",
        ["duration"] = "P1D",
        ["email"] = "a@example.com",
        ["hostname"] = "example.com",
        ["ipv4"] = "192.0.2.1",
        ["ipv6"] = "2001:db8::1",
        ["uri"] = "https://example.com/a",
        ["uri-reference"] = "/a",
        ["uuid"] = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
        ["byte"] = "AQID",
    };

    // (a, b): every text format a admits, format b admits too.
    private static readonly HashSet<(string Narrow, string Wide)> Within = [("uri", "uri-reference")];

    /// <summary>Why the client's text may be refused under the new format, or null when it stays valid.</summary>
    public static string? RequestProblem(string generatedType, string? oldFormat, string? newFormat)
    {
        var sent = Sent(generatedType, oldFormat);
        return Admits(newFormat, sent) ? null
            : $"the generated {generatedType} sends {(sent is null ? "any text its caller gives" : $"text like {Samples[sent]}")}, which format {newFormat} refuses";
    }

    /// <summary>Why the generated type may not read a value of the new format, or null when it reads every one.</summary>
    public static string? ResponseProblem(string generatedType, string? oldFormat, string? newFormat)
    {
        var read = Read(generatedType, oldFormat);
        return read is null || (Restricts(newFormat) && read.Any(format => Admits(format, newFormat))) ? null
            : $"the generated {generatedType} reads {string.Join(" or ", read)} text, and the server may now send {(Restricts(newFormat) ? $"text like {Samples[newFormat!]}" : "any text")}";
    }

    private static bool Restricts(string? format) => format is not null && Samples.ContainsKey(format);

    /// <summary>Whether every text of format <paramref name="text"/> (null: any string) is valid under <paramref name="format"/>.</summary>
    private static bool Admits(string? format, string? text) =>
        !Restricts(format) || (text is not null && (text == format || Within.Contains((text, format!))));

    /// <summary>
    /// The format of the text a property of the generated type sends (null: any string): the client's converter fixes a
    /// DateTimeOffset's (the generated writer writes <c>yyyy-MM-ddTHH:mm:ssZ</c> whatever the format),
    /// Newtonsoft.Json a Guid's and a byte[]'s (base64); a string carries what its caller gives, valid under the format it was built against.
    /// </summary>
    private static string? Sent(string generatedType, string? oldFormat) => generatedType switch
    {
        "System.DateTimeOffset" => "date-time",
        "System.Guid" => "uuid",
        "byte[]" => "byte",
        _ => Restricts(oldFormat) ? oldFormat : null,
    };

    /// <summary>
    /// The formats whose text a property of the generated type reads (null: any string): a DateTimeOffset's converter
    /// reads with DateTimeOffset.TryParse (a date-time or a date), Newtonsoft.Json a Guid and a byte[] (base64) only as
    /// such; other parsed types read the format they were built for.
    /// </summary>
    private static IReadOnlyList<string>? Read(string generatedType, string? oldFormat) => generatedType switch
    {
        "string" => null,
        "System.DateTimeOffset" => ["date-time", "date"],
        "System.Guid" => ["uuid"],
        "byte[]" => ["byte"],
        _ => Restricts(oldFormat) ? [oldFormat!] : null,
    };
}
