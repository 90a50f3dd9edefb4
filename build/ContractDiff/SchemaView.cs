using System.Globalization;
using Microsoft.OpenApi;

namespace ContractDiff;

/// <summary>
/// A schema as a client sees it: references resolved, <c>allOf</c> merged, <c>nullable</c> split from the
/// type, enum values as canonical JSON. Comparing views, not text, makes reordering, rewording and
/// swapping a <c>$ref</c> for an identical inline schema invisible.
/// </summary>
internal sealed class SchemaView
{
    private SchemaView(IOpenApiSchema schema)
    {
        Identity = schema is OpenApiSchemaReference { Target: { } target } ? target : schema;
    }

    /// <summary>The resolved schema object, to notice recursion through references.</summary>
    public object Identity { get; }

    public JsonSchemaType? Type { get; private set; }

    public bool Nullable { get; private set; }

    public string? Format { get; private set; }

    public SortedSet<string>? Enum { get; private set; }

    public Dictionary<string, IOpenApiSchema> Properties { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    public IOpenApiSchema? Items { get; private set; }

    public IOpenApiSchema? AdditionalProperties { get; private set; }

    public bool AdditionalPropertiesAllowed { get; private set; } = true;

    public IList<IOpenApiSchema> OneOf { get; private set; } = [];

    public IList<IOpenApiSchema> AnyOf { get; private set; } = [];

    public int? MaxLength { get; private set; }

    public int? MinLength { get; private set; }

    public string? Pattern { get; private set; }

    public decimal? Minimum { get; private set; }

    public decimal? Maximum { get; private set; }

    public int? MaxItems { get; private set; }

    public int? MinItems { get; private set; }

    public string TypeName => Type is { } type ? type.ToString().ToLowerInvariant() : "any";

    public static SchemaView Of(IOpenApiSchema schema)
    {
        var view = new SchemaView(schema);
        view.Merge(schema, depth: 0);
        if (schema.AllOf is { Count: > 0 } parts && (schema.Type & JsonSchemaType.Null) == 0)
        {
            // allOf: [ $ref ] with nullable beside it is the 3.0 way to say "a nullable X";
            // without it, the merged schema is nullable only when every part is.
            view.Nullable = parts.All(part => Of(part).Nullable);
        }

        return view;
    }

    private void Merge(IOpenApiSchema schema, int depth)
    {
        if (depth > SchemaLimits.MaxAllOfDepth)
        {
            // SpecLoader rejects such documents with the file and the place; this guards the merge itself.
            throw new SchemaLimitException($"allOf nests deeper than {SchemaLimits.MaxAllOfDepth} levels");
        }

        if (schema.Type is { } type)
        {
            Nullable |= (type & JsonSchemaType.Null) != 0;
            var withoutNull = type & ~JsonSchemaType.Null;
            if (withoutNull != 0)
            {
                Type ??= withoutNull;
            }
        }

        Format ??= schema.Format;
        Pattern ??= schema.Pattern;
        MaxLength ??= schema.MaxLength;
        MinLength ??= schema.MinLength;
        MaxItems ??= schema.MaxItems;
        MinItems ??= schema.MinItems;
        Minimum ??= ParseNumber(schema.Minimum);
        Maximum ??= ParseNumber(schema.Maximum);
        Items ??= schema.Items;
        AdditionalProperties ??= schema.AdditionalProperties;
        AdditionalPropertiesAllowed &= schema.AdditionalPropertiesAllowed;
        if (schema.OneOf is { Count: > 0 } oneOf)
        {
            OneOf = oneOf;
        }

        if (schema.AnyOf is { Count: > 0 } anyOf)
        {
            AnyOf = anyOf;
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            // A null among the values belongs to the nullable type, not to the generated enum's members.
            Enum ??= new SortedSet<string>(
                values.Where(value => value is not null && !JsonNullSentinel.IsJsonNullSentinel(value)).Select(value => value!.ToJsonString()),
                StringComparer.Ordinal);
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            Properties.TryAdd(name, property);
        }

        Required.UnionWith(schema.Required ?? new HashSet<string>());
        foreach (var part in schema.AllOf ?? [])
        {
            Merge(part, depth + 1);
        }
    }

    private static decimal? ParseNumber(string? value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
