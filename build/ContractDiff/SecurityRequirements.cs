using Microsoft.OpenApi;

namespace ContractDiff;

/// <summary>
/// The credentials an operation requires, named by where they travel (<c>header:PLAID-SECRET</c>), so that
/// renaming a scheme's key without changing its header is no change, and renaming the header is one.
/// </summary>
internal static class SecurityRequirements
{
    /// <summary>Credentials required by every alternative of the operation's (or else the document's) security.</summary>
    public static SortedSet<string> RequiredBy(OpenApiDocument document, OpenApiOperation operation)
    {
        var alternatives = operation.Security ?? document.Security ?? [];
        SortedSet<string>? required = null;
        foreach (var alternative in alternatives)
        {
            var credentials = alternative.Keys.Select(scheme => Describe(document, scheme)).ToHashSet(StringComparer.Ordinal);
            if (required is null)
            {
                required = new SortedSet<string>(credentials, StringComparer.Ordinal);
            }
            else
            {
                required.IntersectWith(credentials);
            }
        }

        return required ?? new SortedSet<string>(StringComparer.Ordinal);
    }

    /// <summary>Whether two credentials travel in the same kind of place (both headers, both queries...).</summary>
    public static bool SamePlace(string credential, string other) =>
        string.Equals(credential[..credential.IndexOf(':', StringComparison.Ordinal)], other[..other.IndexOf(':', StringComparison.Ordinal)], StringComparison.Ordinal);

    private static string Describe(OpenApiDocument document, OpenApiSecuritySchemeReference reference)
    {
        var id = reference.Reference.Id ?? "";
        IOpenApiSecurityScheme? scheme = reference.Target;
        if (scheme is null && document.Components?.SecuritySchemes is { } schemes)
        {
            schemes.TryGetValue(id, out scheme);
        }

        return scheme switch
        {
            { Type: SecuritySchemeType.ApiKey } => $"{scheme.In?.ToString().ToLowerInvariant()}:{scheme.Name}",
            { Type: SecuritySchemeType.Http } => $"http:{scheme.Scheme?.ToLowerInvariant()}",
            { Type: { } type } => $"{type.ToString().ToLowerInvariant()}:{id}",
            _ => $"undefined:{id}",
        };
    }
}
