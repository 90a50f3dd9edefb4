using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Plaid.Generated.Conformance;

/// <summary>What a member of a schema holds, as the spec types it.</summary>
public enum SpecKind
{
    Any,
    String,
    DateTime,
    Number,
    Integer,
    Boolean,
    Object,
    Array,
}

/// <summary>
/// One member of a schema, read from an OpenAPI document with references resolved. <see cref="Members"/> are an
/// object's members, <see cref="Items"/> an array's item (its name is "[]"); <see cref="IsEnum"/> when the spec
/// lists its values. Shared by build/Conformance and the fuzz oracle of Plaid.Generated.IntegrationTests (both reference this project).
/// </summary>
public sealed record SpecMember(
    string Name, SpecKind Kind, bool Required, bool Nullable, bool IsEnum, IReadOnlyList<SpecMember> Members, SpecMember? Items)
{
    public SpecMember? Member(string name) => Members.FirstOrDefault(member => member.Name == name);
}

/// <summary>Reads the members of a component schema from an OpenAPI 3 document (YAML or JSON) on disk.</summary>
public static class SpecSchema
{
    private const int MaxDepth = 32;

    public static async Task<OpenApiDocument> LoadAsync(string path)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader();
        await using var stream = File.OpenRead(path);
        var result = await OpenApiDocument.LoadAsync(stream, "yaml", settings).ConfigureAwait(false);
        if (result.Document is null || result.Diagnostic?.Errors is { Count: > 0 })
        {
            var problems = string.Join("; ", result.Diagnostic?.Errors.Take(3).Select(error => error.ToString()) ?? []);
            throw new InvalidDataException($"{path} is not a readable OpenAPI document: {problems}");
        }

        return result.Document;
    }

    /// <summary>The component schema <paramref name="name"/> as a member named "(root)".</summary>
    public static SpecMember Component(OpenApiDocument document, string name) =>
        document.Components?.Schemas is { } schemas && schemas.TryGetValue(name, out var schema)
            ? Read("(root)", schema, required: true, depth: 0)
            : throw new InvalidDataException($"the spec has no component schema '{name}'");

    private static SpecMember Read(string name, IOpenApiSchema schema, bool required, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"the schema of '{name}' nests deeper than {MaxDepth} levels");
        }

        var type = schema.Type ?? 0;
        var kind = (type & ~JsonSchemaType.Null) switch
        {
            JsonSchemaType.String when schema.Format == "date-time" => SpecKind.DateTime,
            JsonSchemaType.String => SpecKind.String,
            JsonSchemaType.Number => SpecKind.Number,
            JsonSchemaType.Integer => SpecKind.Integer,
            JsonSchemaType.Boolean => SpecKind.Boolean,
            JsonSchemaType.Object => SpecKind.Object,
            JsonSchemaType.Array => SpecKind.Array,
            _ when schema.Properties is { Count: > 0 } => SpecKind.Object,
            _ => SpecKind.Any,
        };
        var requiredNames = schema.Required ?? new HashSet<string>();
        var members = (schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            .Select(property => Read(property.Key, property.Value, requiredNames.Contains(property.Key), depth + 1))
            .ToArray();
        var items = kind == SpecKind.Array && schema.Items is { } itemSchema ? Read("[]", itemSchema, required: true, depth + 1) : null;
        return new SpecMember(name, kind, required, (type & JsonSchemaType.Null) != 0, schema.Enum is { Count: > 0 }, members, items);
    }
}
