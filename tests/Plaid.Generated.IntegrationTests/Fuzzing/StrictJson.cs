using System.Text;
using System.Text.Json;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>
/// The oracle's own parse: System.Text.Json's <see cref="JsonDocument"/> (RFC 8259, no comments or
/// trailing commas), plus what it leaves to the caller: a name twice in one object (I-JSON), invalid
/// UTF-8 in strings, and the client's documented limits (depth 64, <see cref="PlaidClientOptions.MaxResponseBytes"/>).
/// A UTF-8 byte order mark is skipped, as RFC 8259 section 8.1 allows.
/// </summary>
internal static class StrictJson
{
    private static readonly int MaxResponseBytes = new PlaidClientOptions().MaxResponseBytes;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <summary>The parsed document, or null with the reason the body is not strict JSON.</summary>
    public static JsonDocument? Parse(byte[] body, out string? problem)
    {
        if (body.Length > MaxResponseBytes)
        {
            problem = $"{body.Length} bytes, over MaxResponseBytes";
            return null;
        }

        var utf8 = body.AsMemory();
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException exception)
        {
            problem = exception.Message;
            return null;
        }

        problem = Check(document.RootElement);
        if (problem is null)
        {
            return document;
        }

        document.Dispose();
        return null;
    }

    private static string? Check(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var member in element.EnumerateObject())
                    {
                        if (!names.Add(member.Name))
                        {
                            return $"'{member.Name}' twice in one object";
                        }

                        if (Check(member.Value) is { } problem)
                        {
                            return problem;
                        }
                    }

                    return null;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(Check).FirstOrDefault(problem => problem is not null);
                case JsonValueKind.String:
                    _ = element.GetString();
                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException exception)
        {
            return $"not valid UTF-8 text: {exception.Message}";
        }
    }
}
