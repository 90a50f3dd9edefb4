using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace ContractDiff;

/// <summary>
/// The C# type the build generates for a schema: NSwag's, from the settings in <c>nswag.json</c> (NJsonSchema's
/// defaults when there is none), then replaced as the <c>templateDirectory</c>'s <c>Class.liquid</c> replaces it
/// (this project's maps <c>double</c> to <c>decimal</c>); the template is read, so it stays the one place the mapping
/// is written. A type or format change is judged by this: <c>number</c> gaining <c>format: double</c> keeps the
/// same property type (no break), <c>string</c> gaining <c>format: date-time</c> turns <c>string</c> into
/// <c>DateTimeOffset</c> (a break for the regenerated client).
/// </summary>
public sealed class GeneratedTypes
{
    private const string EnumStruct = "enum struct";

    private static readonly HashSet<string> ValueTypes = new(StringComparer.Ordinal)
    {
        "bool", "int", "long", "float", "double", "decimal", "System.Guid", "System.DateTimeOffset", "System.DateTime",
        "System.TimeSpan", "System.DateOnly", "System.TimeOnly", EnumStruct,
    };

    /// <summary>The template's property-type replacements: <c>if propertyType == "double"</c> then <c>assign propertyType = "decimal"</c>.</summary>
    private static readonly Regex TemplateReplacement = new(
        @"(?:if|elsif)\s+propertyType\s*==\s*""(?<from>[^""]+)""\s*-?%\}\s*\{%-?\s*assign\s+propertyType\s*=\s*""(?<to>[^""]+)""",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly Dictionary<string, string> _settings;

    private readonly Dictionary<string, string> _templateReplacements;

    private GeneratedTypes(Dictionary<string, string> settings, bool optionalPropertiesAsNullable, Dictionary<string, string> templateReplacements)
    {
        _settings = settings;
        OptionalPropertiesAsNullable = optionalPropertiesAsNullable;
        _templateReplacements = templateReplacements;
    }

    /// <summary>NJsonSchema's defaults, for specs compared without an <c>nswag.json</c>.</summary>
    public static GeneratedTypes Default { get; } = new(
        new Dictionary<string, string>(StringComparer.Ordinal), optionalPropertiesAsNullable: false, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Whether an optional property is generated as <c>T?</c> (NSwag's <c>generateOptionalPropertiesAsNullable</c>).</summary>
    public bool OptionalPropertiesAsNullable { get; }

    /// <summary>Reads the C# client generator's settings of an <c>nswag.json</c>.</summary>
    /// <exception cref="SpecLoadException">The file is missing or not NSwag's JSON.</exception>
    public static GeneratedTypes Load(string nswagJsonPath)
    {
        JsonNode? settings;
        try
        {
            settings = JsonNode.Parse(File.ReadAllText(nswagJsonPath))?["codeGenerators"]?["openApiToCSharpClient"];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            throw new SpecLoadException(nswagJsonPath, exception.Message);
        }

        if (settings is not JsonObject generator)
        {
            throw new SpecLoadException(nswagJsonPath, "no codeGenerators.openApiToCSharpClient section");
        }

        var values = generator
            .Where(entry => entry.Value is JsonValue value && value.GetValueKind() is JsonValueKind.String)
            .ToDictionary(entry => entry.Key, entry => entry.Value!.GetValue<string>(), StringComparer.Ordinal);
        var optionalAsNullable = generator["generateOptionalPropertiesAsNullable"] is JsonValue flag
            && flag.GetValueKind() == JsonValueKind.True;
        return new GeneratedTypes(values, optionalAsNullable, TemplateReplacements(nswagJsonPath, values.GetValueOrDefault("templateDirectory")));
    }

    /// <summary>The property types <c>Class.liquid</c> in the settings' template directory replaces, if it has one.</summary>
    private static Dictionary<string, string> TemplateReplacements(string nswagJsonPath, string? templateDirectory)
    {
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(templateDirectory))
        {
            return replacements;
        }

        var template = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(nswagJsonPath))!, templateDirectory, "Class.liquid");
        if (!File.Exists(template))
        {
            return replacements; // NSwag falls back to its own Class.liquid, which replaces nothing
        }

        try
        {
            foreach (Match match in TemplateReplacement.Matches(File.ReadAllText(template)))
            {
                replacements.TryAdd(match.Groups["from"].Value, match.Groups["to"].Value);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SpecLoadException(template, exception.Message);
        }

        return replacements;
    }

    /// <summary>The <c>nswag.json</c> next to a spec or in a folder above it, or else in the working directory.</summary>
    public static string? Find(string specPath)
    {
        for (var directory = new FileInfo(specPath).Directory; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "nswag.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return File.Exists("nswag.json") ? Path.GetFullPath("nswag.json") : null;
    }

    /// <summary>The generated property type, without the <c>?</c> nullability adds.</summary>
    internal string Of(SchemaView view)
    {
        var type = NSwagTypeOf(view);
        return _templateReplacements.GetValueOrDefault(type, type);
    }

    // NSwag 14.7 generates double for a number of format double, float or none, whatever nswag.json's number types say.
    private string NSwagTypeOf(SchemaView view) => view.Type switch
    {
        JsonSchemaType.Boolean => "bool",
        JsonSchemaType.Integer => view.Format is "int64" or "long" ? "long" : "int",
        JsonSchemaType.Number => view.Format is "decimal" ? "decimal" : "double",
        JsonSchemaType.String when view.Enum is not null => EnumStruct,
        JsonSchemaType.String => view.Format switch
        {
            "date-time" => Setting("dateTimeType", "System.DateTimeOffset"),
            "date" => Setting("dateType", "System.DateTimeOffset"),
            "time" => Setting("timeType", "System.TimeSpan"),
            "duration" or "time-span" => Setting("timeSpanType", "System.TimeSpan"),
            "uuid" or "guid" => "System.Guid",
            "byte" or "binary" => "byte[]",
            "uri" => "System.Uri",
            _ => "string",
        },
        JsonSchemaType.Array => "collection",
        JsonSchemaType.Object => "class",
        _ => Setting("anyType", "object"),
    };

    /// <summary>Whether <c>?</c> changes the generated type (a value type), rather than being an annotation.</summary>
    internal static bool IsValueType(string type) => ValueTypes.Contains(type);

    /// <summary>The generated type as C# spells it, <c>?</c> included, for a property of the given presence.</summary>
    internal string Spell(SchemaView view, bool required)
    {
        var type = Of(view);
        var nullable = view.Nullable || (!required && OptionalPropertiesAsNullable);
        return nullable && IsValueType(type) ? $"{type}?" : type;
    }

    private string Setting(string name, string fallback) =>
        _settings.TryGetValue(name, out var value) && value.Length > 0 ? value : fallback;
}
