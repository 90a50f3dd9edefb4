using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContractDiff;

/// <summary>
/// The C# type NSwag generates for a schema, from the settings in <c>nswag.json</c> (NJsonSchema's defaults when
/// there is none). A type or format change is judged by this: <c>number</c> gaining <c>format: double</c> keeps
/// the same property type (no break), <c>string</c> gaining <c>format: date-time</c> turns <c>string</c> into
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

    private readonly Dictionary<string, string> _settings;

    private readonly string _numberType;

    private GeneratedTypes(Dictionary<string, string> settings, bool optionalPropertiesAsNullable, string numberType)
    {
        _settings = settings;
        OptionalPropertiesAsNullable = optionalPropertiesAsNullable;
        _numberType = numberType;
    }

    /// <summary>NJsonSchema's defaults, for specs compared without an <c>nswag.json</c>.</summary>
    public static GeneratedTypes Default { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), optionalPropertiesAsNullable: false, "double");

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
        // NSwag 14.7 generates double for a number with no format, double or float alike, and ignores the number-type
        // settings; this project's Class.liquid turns that double into decimal (money), so one type stands for all three.
        return new GeneratedTypes(values, optionalAsNullable, numberType: "decimal");
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
    internal string Of(SchemaView view) => view.Type switch
    {
        JsonSchemaType.Boolean => "bool",
        JsonSchemaType.Integer => view.Format is "int64" or "long" ? "long" : "int",
        JsonSchemaType.Number => view.Format switch
        {
            "decimal" => Setting("numberDecimalType", "decimal"),
            _ => Setting("numberType", _numberType),
        },
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
