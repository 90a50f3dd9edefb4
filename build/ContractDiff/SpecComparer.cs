using Microsoft.OpenApi;

namespace ContractDiff;

/// <summary>
/// Walks two OpenAPI documents side by side (servers, paths, operations, parameters, bodies, responses,
/// security, and every schema they reach) and lists the differences a client could notice.
/// Descriptions, summaries and examples are never compared.
/// </summary>
public sealed partial class SpecComparer
{
    private const string JsonMediaType = "application/json";

    private readonly OpenApiDocument _old;
    private readonly OpenApiDocument _new;
    private readonly GeneratedTypes _types;
    private readonly List<Difference> _differences = [];
    private readonly HashSet<(object Old, object New)> _schemasInProgress = [];

    private SpecComparer(OpenApiDocument oldDocument, OpenApiDocument newDocument, GeneratedTypes types)
    {
        _old = oldDocument;
        _new = newDocument;
        _types = types;
    }

    /// <summary>Everything that differs between <paramref name="oldDocument"/> and <paramref name="newDocument"/>.</summary>
    /// <param name="oldDocument">The contract clients were built against.</param>
    /// <param name="newDocument">The contract they will meet.</param>
    /// <param name="types">The C# types NSwag generates, which decide whether a format change matters.</param>
    public static IReadOnlyList<Difference> Compare(
        OpenApiDocument oldDocument, OpenApiDocument newDocument, GeneratedTypes? types = null)
    {
        var comparer = new SpecComparer(oldDocument, newDocument, types ?? GeneratedTypes.Default);
        comparer.CompareServers();
        comparer.ComparePaths();
        return comparer._differences;
    }

    private void Add(DifferenceKind kind, string location, string message) =>
        _differences.Add(new Difference(kind, location, message));

    private void CompareServers()
    {
        var oldUrls = (_old.Servers ?? []).Select(server => server.Url ?? "").ToHashSet(StringComparer.Ordinal);
        var newUrls = (_new.Servers ?? []).Select(server => server.Url ?? "").ToHashSet(StringComparer.Ordinal);
        foreach (var url in oldUrls.Except(newUrls).Order(StringComparer.Ordinal))
        {
            Add(DifferenceKind.ServerRemoved, "servers", $"server {url} was removed");
        }

        foreach (var url in newUrls.Except(oldUrls).Order(StringComparer.Ordinal))
        {
            Add(DifferenceKind.ServerAdded, "servers", $"server {url} was added");
        }
    }

    private void ComparePaths()
    {
        var oldPaths = _old.Paths ?? [];
        var newPaths = _new.Paths ?? [];
        foreach (var (path, oldItem) in oldPaths.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            if (newPaths.TryGetValue(path, out var newItem))
            {
                ComparePathItem(path, oldItem, newItem);
            }
            else
            {
                Add(DifferenceKind.PathRemoved, path, $"path {path} was removed");
            }
        }

        foreach (var path in newPaths.Keys.Where(path => !oldPaths.ContainsKey(path)).Order(StringComparer.Ordinal))
        {
            Add(DifferenceKind.PathAdded, path, $"path {path} was added");
        }
    }

    private void ComparePathItem(string path, IOpenApiPathItem oldItem, IOpenApiPathItem newItem)
    {
        var oldOperations = oldItem.Operations ?? [];
        var newOperations = newItem.Operations ?? [];
        var removed = oldOperations.Keys.Where(method => !newOperations.ContainsKey(method)).OrderBy(Name).ToList();
        var added = newOperations.Keys.Where(method => !oldOperations.ContainsKey(method)).OrderBy(Name).ToList();

        var changed = Math.Min(removed.Count, added.Count);
        for (var i = 0; i < changed; i++)
        {
            Add(DifferenceKind.OperationMethodChanged, path, $"{Name(removed[i])} {path} became {Name(added[i])} {path}");
        }

        foreach (var method in removed.Skip(changed))
        {
            Add(DifferenceKind.OperationRemoved, $"{Name(method)} {path}", $"operation {Name(method)} {path} was removed");
        }

        foreach (var method in added.Skip(changed))
        {
            Add(DifferenceKind.OperationAdded, $"{Name(method)} {path}", $"operation {Name(method)} {path} was added");
        }

        foreach (var (method, oldOperation) in oldOperations.OrderBy(entry => Name(entry.Key)))
        {
            if (newOperations.TryGetValue(method, out var newOperation))
            {
                var operation = new OperationComparison(this, $"{Name(method)} {path}");
                operation.Compare(oldItem, oldOperation, newItem, newOperation);
            }
        }
    }

    private static string Name(HttpMethod method) => method.Method.ToUpperInvariant();

    private enum Side
    {
        Request,
        Response,
    }
}
