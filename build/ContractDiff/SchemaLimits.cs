using Microsoft.OpenApi;

namespace ContractDiff;

/// <summary>A schema the comparer will not merge (an allOf chain too deep, or one that refers back to itself).</summary>
public sealed class SchemaLimitException(string problem) : Exception(problem);

/// <summary>
/// Rejects, when a document is read, schemas the comparer cannot resolve: an <c>allOf</c> nested deeper than
/// <see cref="MaxAllOfDepth"/> levels, which is also how an <c>allOf</c> that includes itself shows.
/// </summary>
internal static class SchemaLimits
{
    public const int MaxAllOfDepth = 32;

    /// <exception cref="SpecLoadException">Names the file and the schema.</exception>
    public static void Check(string path, OpenApiDocument document)
    {
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var (place, schema) in Roots(document))
        {
            Walk(path, place, schema, seen);
        }
    }

    private static IEnumerable<(string Place, IOpenApiSchema Schema)> Roots(OpenApiDocument document)
    {
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            yield return ($"#/components/schemas/{name}", schema);
        }

        foreach (var (route, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var where = $"{method.Method.ToUpperInvariant()} {route}";
                foreach (var parameter in (item.Parameters ?? []).Concat(operation.Parameters ?? []))
                {
                    if (parameter.Schema is { } schema)
                    {
                        yield return ($"{where} parameter {parameter.Name}", schema);
                    }
                }

                foreach (var (mediaType, media) in operation.RequestBody?.Content ?? new Dictionary<string, IOpenApiMediaType>())
                {
                    if (media.Schema is { } schema)
                    {
                        yield return ($"{where} request {mediaType}", schema);
                    }
                }

                foreach (var (status, response) in operation.Responses ?? [])
                {
                    foreach (var (mediaType, media) in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
                    {
                        if (media.Schema is { } schema)
                        {
                            yield return ($"{where} {status} response {mediaType}", schema);
                        }
                    }
                }
            }
        }
    }

    private static void Walk(string path, string place, IOpenApiSchema schema, HashSet<IOpenApiSchema> seen)
    {
        var target = schema is OpenApiSchemaReference { Target: { } resolved } ? resolved : schema;
        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            place = $"#/components/schemas/{id}";
        }

        if (!seen.Add(target))
        {
            return;
        }

        if (AllOfDepth(target, 0) > MaxAllOfDepth)
        {
            throw new SpecLoadException(path, $"allOf nests deeper than {MaxAllOfDepth} levels (or includes itself) at {place}");
        }

        var children = (target.AllOf ?? []).Concat(target.OneOf ?? []).Concat(target.AnyOf ?? [])
            .Concat((target.Properties ?? new Dictionary<string, IOpenApiSchema>()).Values);
        foreach (var child in children.Append(target.Items).Append(target.AdditionalProperties).OfType<IOpenApiSchema>())
        {
            Walk(path, place, child, seen);
        }
    }

    private static int AllOfDepth(IOpenApiSchema schema, int depth)
    {
        if (depth > MaxAllOfDepth)
        {
            return depth;
        }

        var deepest = depth;
        foreach (var part in schema.AllOf ?? [])
        {
            deepest = Math.Max(deepest, AllOfDepth(part, depth + 1));
            if (deepest > MaxAllOfDepth)
            {
                break;
            }
        }

        return deepest;
    }
}
