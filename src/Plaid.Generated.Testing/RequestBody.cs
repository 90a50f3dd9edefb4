using System.Text.Json;
using System.Text.Json.Nodes;

namespace Plaid.Generated.Testing;

/// <summary>How the fake reads any request as Plaid does: a JSON object body, string members, headers.</summary>
internal static class RequestBody
{
    public static JsonObject? ParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first member of <paramref name="json"/> not in <paramref name="known"/>, prefixed, or null.</summary>
    public static string? Unknown(JsonObject? json, string[] known, string prefix) =>
        json?.Select(member => member.Key).FirstOrDefault(name => !known.Contains(name, StringComparer.Ordinal)) is { } name ? prefix + name : null;

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;

    public static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value : null;
}
