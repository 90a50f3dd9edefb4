using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Plaid.Generated.Conformance;

/// <summary>
/// Compares what the client parsed with the raw body, read here by System.Text.Json and walked by the spec's
/// schema, not by the client's parser: every member the spec defines must hold the value the JSON holds, and
/// every other member must be kept, equal, in <c>AdditionalProperties</c>.
/// </summary>
internal static class BodyComparison
{
    /// <summary>The first difference, or null when <paramref name="parsed"/> equals <paramref name="raw"/> in every member.</summary>
    public static string? Difference(JsonElement raw, object? parsed, SpecMember schema) => Compare(raw, parsed, schema, "");

    private static string? Compare(JsonElement raw, object? parsed, SpecMember schema, string path)
    {
        if (raw.ValueKind == JsonValueKind.Null)
        {
            return parsed is null ? null : $"'{path}' is null in the body but {Show(parsed)} in the client";
        }

        if (parsed is null)
        {
            return $"'{path}' is {Shorten(raw.GetRawText())} in the body but null in the client";
        }

        bool equal;
        switch (schema.Kind)
        {
            case SpecKind.Object:
                return CompareObject(raw, parsed, schema, path);
            case SpecKind.Array:
                return CompareArray(raw, parsed, schema, path);
            case SpecKind.String:
                equal = raw.ValueKind == JsonValueKind.String && raw.GetString() == parsed.ToString();
                break;
            case SpecKind.DateTime:
                equal = raw.ValueKind == JsonValueKind.String && parsed is DateTimeOffset instant
                    && DateTimeOffset.TryParse(raw.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent)
                    && sent == instant;
                break;
            case SpecKind.Number:
                equal = raw.ValueKind == JsonValueKind.Number && raw.TryGetDecimal(out var number) && number == Convert.ToDecimal(parsed, CultureInfo.InvariantCulture);
                break;
            case SpecKind.Integer:
                equal = raw.ValueKind == JsonValueKind.Number && raw.TryGetInt64(out var integer) && integer == Convert.ToInt64(parsed, CultureInfo.InvariantCulture);
                break;
            case SpecKind.Boolean:
                equal = raw.ValueKind is JsonValueKind.True or JsonValueKind.False && raw.GetBoolean() == (bool)parsed;
                break;
            default:
                equal = SameJson(raw, parsed);
                break;
        }

        return equal ? null : $"'{path}' is {Shorten(raw.GetRawText())} in the body but {Show(parsed)} in the client";
    }

    private static string? CompareObject(JsonElement raw, object parsed, SpecMember schema, string path)
    {
        if (raw.ValueKind != JsonValueKind.Object)
        {
            return $"'{path}' is not an object in the body";
        }

        var properties = WireProperties(parsed.GetType());
        var additional = parsed.GetType().GetProperty("AdditionalProperties")?.GetValue(parsed) as IDictionary<string, object>;
        foreach (var member in schema.Members)
        {
            var memberPath = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            var present = raw.TryGetProperty(member.Name, out var value);
            if (properties.TryGetValue(member.Name, out var property))
            {
                var parsedValue = property.GetValue(parsed);
                var problem = present
                    ? Compare(value, parsedValue, member, memberPath)
                    : parsedValue is null ? null : $"'{memberPath}' is absent from the body but {Show(parsedValue)} in the client";
                if (problem is not null)
                {
                    return problem;
                }
            }
            else if (present && !KeptWhole(additional, member.Name, value))
            {
                return $"'{memberPath}', which the client was not generated with, is not kept in AdditionalProperties";
            }
        }

        foreach (var member in raw.EnumerateObject().Where(member => schema.Member(member.Name) is null))
        {
            if (!KeptWhole(additional, member.Name, member.Value))
            {
                return $"'{(path.Length == 0 ? member.Name : $"{path}.{member.Name}")}', a member the spec does not define, is not kept in AdditionalProperties";
            }
        }

        var extra = additional?.Keys.FirstOrDefault(name => !raw.TryGetProperty(name, out _));
        return extra is null ? null : $"'{path}' has '{extra}' in AdditionalProperties, which the body does not have";
    }

    private static string? CompareArray(JsonElement raw, object parsed, SpecMember schema, string path)
    {
        if (raw.ValueKind != JsonValueKind.Array || parsed is not IEnumerable items)
        {
            return $"'{path}' is an array in only one of the body and the client";
        }

        var parsedItems = items.Cast<object?>().ToList();
        if (parsedItems.Count != raw.GetArrayLength())
        {
            return $"'{path}' has {raw.GetArrayLength()} items in the body but {parsedItems.Count} in the client";
        }

        var index = 0;
        foreach (var item in raw.EnumerateArray())
        {
            if (Compare(item, parsedItems[index], schema.Items ?? schema with { Kind = SpecKind.Any }, $"{path}[{index}]") is { } problem)
            {
                return problem;
            }

            index++;
        }

        return null;
    }

    private static bool KeptWhole(IDictionary<string, object>? additional, string name, JsonElement value) =>
        additional is not null && additional.TryGetValue(name, out var kept) && SameJson(value, kept);

    // Newtonsoft's own writer turns what the client kept (JToken, string, long ...) back into JSON text.
    private static bool SameJson(JsonElement raw, object? parsed) =>
        JsonNode.DeepEquals(JsonNode.Parse(raw.GetRawText()), JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(parsed)));

    private static Dictionary<string, PropertyInfo> WireProperties(Type type) =>
        type.GetProperties()
            .Select(property => (property, name: property.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName))
            .Where(pair => pair.name is not null)
            .ToDictionary(pair => pair.name!, pair => pair.property, StringComparer.Ordinal);

    private static string Show(object? value) => value is null ? "null" : Shorten(Newtonsoft.Json.JsonConvert.SerializeObject(value));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
