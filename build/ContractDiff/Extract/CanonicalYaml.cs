using System.Text;

namespace ContractDiff.Extract;

/// <summary>
/// Writes a <see cref="YamlTree"/> in one canonical form, so the same tree always gives the same bytes and a
/// spec update is a small diff: two-space indentation, sequences indented under their key, OpenAPI keywords
/// in a fixed order, names (paths, schemas, responses...) sorted, properties in the order given (it is the
/// order of the generated C# members and of a request's JSON members), data (examples, enums, required
/// lists) in its own order, long text folded at 100 columns, LF line ends.
/// </summary>
internal static class CanonicalYaml
{
    private const int Width = 100;

    /// <summary>Keyword order inside an OpenAPI object; keys not listed follow, sorted.</summary>
    private static readonly string[] KeywordOrder =
    [
        "openapi", "info", "servers", "security", "paths", "components",
        "tags", "title", "version", "summary",
        "type", "format", "nullable", "in", "name", "scheme", "bearerFormat", "openIdConnectUrl", "flows",
        "description", "url",
        "operationId", "deprecated", "readOnly", "writeOnly", "parameters", "requestBody",
        "allOf", "oneOf", "anyOf", "not", "discriminator", "propertyName", "mapping",
        "additionalProperties", "properties", "items",
        "enum", "default", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
        "required", "style", "explode", "allowReserved", "allowEmptyValue",
        "schema", "content", "example", "examples", "value", "externalValue", "encoding", "headers", "links",
        "responses", "callbacks", "securitySchemes", "schemas", "requestBodies", "variables",
    ];

    /// <summary>Keys whose value maps names to objects: written sorted by name.</summary>
    private static readonly HashSet<string> NamedMaps = new(StringComparer.Ordinal)
    {
        "paths", "schemas", "securitySchemes", "responses", "content", "examples", "headers",
        "requestBodies", "links", "callbacks", "variables", "encoding", "mapping", "patternProperties",
    };

    /// <summary>Keys whose value is data, written exactly in its own order.</summary>
    private static readonly HashSet<string> DataKeys = new(StringComparer.Ordinal)
    {
        "example", "default", "enum", "const", "value", "security",
    };

    public static string Write(YamlMap document, string headerComment)
    {
        var output = new StringBuilder();
        foreach (var line in headerComment.Split('\n'))
        {
            output.Append("# ").Append(line).Append('\n');
        }

        WriteMapEntries(output, document, Context.Keyword, indent: 0, firstLinePrefix: null);
        return output.ToString();
    }

    /// <summary>What a value is, from its parent: an OpenAPI object (keywords), a map of names to objects, or data.</summary>
    internal enum Context
    {
        Keyword,
        Named,
        Properties,
        Data,
    }

    private static IEnumerable<KeyValuePair<string, YamlTree>> Ordered(YamlMap map, Context context) => context switch
    {
        Context.Keyword => map.Entries
            .OrderBy(entry => Array.IndexOf(KeywordOrder, entry.Key) is var rank and >= 0 ? rank : KeywordOrder.Length)
            .ThenBy(entry => entry.Key, StringComparer.Ordinal),
        Context.Named => map.Entries.OrderBy(entry => entry.Key, StringComparer.Ordinal),
        _ => map.Entries,
    };

    internal static Context ChildContext(Context parent, string key) => parent switch
    {
        Context.Data => Context.Data,
        Context.Named or Context.Properties => Context.Keyword,
        _ when key == "properties" => Context.Properties,
        _ when DataKeys.Contains(key) => Context.Data,
        _ when NamedMaps.Contains(key) => Context.Named,
        _ => Context.Keyword,
    };

    private static void WriteMapEntries(StringBuilder output, YamlMap map, Context context, int indent, string? firstLinePrefix)
    {
        var first = true;
        foreach (var (key, value) in Ordered(map, context))
        {
            var prefix = first && firstLinePrefix is not null ? firstLinePrefix : new string(' ', indent);
            first = false;
            output.Append(prefix).Append(Scalar(key)).Append(':');
            WriteValue(output, value, ChildContext(context, key), indent);
        }
    }

    /// <summary>Writes a value after "key:" (or after "-"), at the indentation of its key.</summary>
    private static void WriteValue(StringBuilder output, YamlTree value, Context context, int indent)
    {
        switch (value)
        {
            case YamlMap { Entries.Count: 0 }:
                output.Append(" {}\n");
                break;
            case YamlList { Items.Count: 0 }:
                output.Append(" []\n");
                break;
            case YamlMap map:
                output.Append('\n');
                WriteMapEntries(output, map, context, indent + 2, firstLinePrefix: null);
                break;
            case YamlList list:
                output.Append('\n');
                WriteItems(output, list, context, indent + 2);
                break;
            case YamlScalar scalar:
                WriteScalarValue(output, scalar, indent);
                break;
        }
    }

    private static void WriteItems(StringBuilder output, YamlList list, Context context, int indent)
    {
        foreach (var item in list.Items)
        {
            switch (item)
            {
                case YamlMap { Entries.Count: > 0 } map:
                    WriteMapEntries(output, map, context, indent + 2, firstLinePrefix: new string(' ', indent) + "- ");
                    break;
                case YamlList { Items.Count: > 0 } nested:
                    output.Append(' ', indent).Append("-\n");
                    WriteItems(output, nested, context, indent + 2);
                    break;
                default:
                    output.Append(' ', indent).Append('-');
                    WriteValue(output, item, context, indent);
                    break;
            }
        }
    }

    private static void WriteScalarValue(StringBuilder output, YamlScalar scalar, int indent)
    {
        var text = scalar.Value;
        if (scalar.IsString && text.Contains('\n') && CanBeLiteral(text))
        {
            var chomp = text.EndsWith("\n\n", StringComparison.Ordinal) ? "+" : text.EndsWith('\n') ? "" : "-";
            output.Append(" |").Append(chomp).Append('\n');
            foreach (var line in text.TrimEnd('\n').Split('\n'))
            {
                AppendBlockLine(output, line, indent + 2);
            }

            for (var extra = text.Length - text.TrimEnd('\n').Length; chomp == "+" && extra > 1; extra--)
            {
                output.Append('\n');
            }

            return;
        }

        var inline = scalar.IsString ? Scalar(text) : text;
        if (scalar.IsString && indent + inline.Length + 2 > Width && CanBeFolded(text))
        {
            output.Append(" >-\n");
            foreach (var line in Fold(text, Width - indent - 2))
            {
                AppendBlockLine(output, line, indent + 2);
            }

            return;
        }

        output.Append(' ').Append(inline).Append('\n');
    }

    private static void AppendBlockLine(StringBuilder output, string line, int indent)
    {
        if (line.Length > 0)
        {
            output.Append(' ', indent).Append(line);
        }

        output.Append('\n');
    }

    private static IEnumerable<string> Fold(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        yield return line.ToString();
    }

    /// <summary>A folded block joins its lines with single spaces: safe for one line of words with single spaces between.</summary>
    private static bool CanBeFolded(string text) =>
        text.Length > 0 && !text.Contains("  ", StringComparison.Ordinal) && text.Trim() == text && text.All(IsPrintable);

    private static bool CanBeLiteral(string text)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        return !text.StartsWith(' ') && !text.StartsWith('\n') && text.All(c => c == '\n' || IsPrintable(c))
            && lines.All(line => line.Length == 0 || line.Trim().Length > 0);
    }

    private static bool IsPrintable(char c) => c >= ' ' && c != '\u007f' && c != '\uFEFF';

    /// <summary>A string on one line: plain when YAML reads it back as the same string, else quoted.</summary>
    private static string Scalar(string text)
    {
        if (IsPlainSafe(text))
        {
            return text;
        }

        if (text.All(IsPrintable) && !text.Contains('\n') && !text.Contains('\t'))
        {
            return $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
        }

        return System.Text.Json.JsonSerializer.Serialize(text);
    }

    private static bool IsPlainSafe(string text) =>
        text.Length > 0
        && text.Trim() == text
        && !"-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal)
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':')
        && !text.Contains('\t')
        && text.All(IsPrintable)
        && !YamlScalar.IsNonString(text);
}
