using Context = ContractDiff.Extract.CanonicalYaml.Context;

namespace ContractDiff.Extract;

/// <summary>An input that cannot be extracted from: the message names the file and the problem.</summary>
public sealed class ExtractException(string message) : Exception(message);

/// <summary>
/// Cuts a self-contained OpenAPI fragment out of a full spec: <c>openapi</c>, <c>info</c> (upstream's version),
/// <c>servers</c>, the listed operations of their path items, the security they require and every
/// <c>components</c> entry reachable by <c>$ref</c>, transitively, plus the schemas the hand-written code is built on
/// (<see cref="HandWrittenCodeNeeds"/>) and what they reach, whether or not the operations do. Upstream's prose is not carried:
/// descriptions, summaries and titles come from the previous fragment when it has the member, and a member
/// it does not have gets none and is listed. Links into Plaid's docs (<c>externalDocs</c>) and upstream's vendor
/// extensions (<c>x-*</c>) are left out; this project's own <see cref="IdempotentKey"/> is carried from the previous
/// fragment the same way, and an operation it does not decide is listed.
/// </summary>
internal sealed class FragmentExtractor
{
    /// <summary>
    /// The generated types src/Plaid.Generated's hand-written partials name (PlaidApiException.cs and
    /// PlaidClient.Errors.cs read <c>PlaidError</c>): carried whenever upstream has them, even in the many versions
    /// of Plaid's spec where the operation declares no error response, so that the client always builds.
    /// </summary>
    public static readonly IReadOnlyList<string> HandWrittenCodeNeeds = ["PlaidError"];

    /// <summary>
    /// This project's own operation-level key (Plaid's spec has no such marker): <c>true</c> when sending the request twice
    /// does no more than sending it once. build/templates/Client.Class.liquid generates it into the client's retries; an
    /// operation without it counts as not safe to repeat. Carried from the previous fragment like a description.
    /// </summary>
    public const string IdempotentKey = "x-idempotent";

    private static readonly string[] ProseKeys = ["description", "summary", "title"];
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly string _upstreamPath;
    private readonly YamlMap _upstream;
    private readonly YamlMap _components = new();
    private readonly HashSet<string> _reached = new(StringComparer.Ordinal);
    private readonly Queue<string> _toVisit = new();
    private readonly List<AbsentSchema> _absent = [];

    private readonly IReadOnlyList<YamlMap> _previous;

    private FragmentExtractor(string upstreamPath, YamlMap upstream, IReadOnlyList<YamlMap> previous)
    {
        _upstreamPath = upstreamPath;
        _upstream = upstream;
        _previous = previous;
    }

    /// <summary>
    /// The fragment, the members that need a description written (new upstream), the schemas of
    /// <see cref="HandWrittenCodeNeeds"/> upstream does not have (the client cannot build from this fragment), and the
    /// operations no previous fragment says are safe to repeat or not (<see cref="IdempotentKey"/>).
    /// </summary>
    public sealed record Result(
        YamlMap Fragment, string Version, IReadOnlyList<string> Undescribed, IReadOnlyList<AbsentSchema> Absent, IReadOnlyList<string> Undecided);

    /// <summary>A schema the hand-written code needs that upstream lacks, and upstream's schemas with the same members.</summary>
    public sealed record AbsentSchema(string Name, IReadOnlyList<string> LookAlikes);

    /// <param name="upstreamPath">For messages.</param>
    /// <param name="upstream">The full spec.</param>
    /// <param name="operations">"POST /processor/balance/get", one or more.</param>
    /// <param name="previous">
    /// The fragments whose descriptions, summaries and titles are kept, the first that has a member winning
    /// (the current fragment, then the released one, so a member removed and added back keeps its words).
    /// </param>
    public static Result Extract(string upstreamPath, YamlTree upstream, IReadOnlyList<string> operations, IReadOnlyList<YamlTree> previous)
    {
        if (upstream is not YamlMap document || document.Text("openapi") is not { } openapi || !openapi.StartsWith("3.", StringComparison.Ordinal))
        {
            throw new ExtractException($"cannot read {upstreamPath}: not an OpenAPI 3 document (no openapi: 3.x at the top)");
        }

        if (document["paths"] is not YamlMap || document["info"] is not YamlMap info || info.Text("version") is not { } version)
        {
            throw new ExtractException($"cannot read {upstreamPath}: an OpenAPI document needs info.version and paths");
        }

        var extractor = new FragmentExtractor(upstreamPath, document, [.. previous.OfType<YamlMap>()]);
        var fragment = extractor.Cut(openapi, version, operations);
        var undescribed = new List<string>();
        ProseFrom(previous.OfType<YamlMap>(), fragment, info, undescribed);
        DescribeReferencingProperties(fragment, undescribed);
        var undecided = IdempotencyFrom(previous.OfType<YamlMap>().ToList(), fragment);
        return new Result(fragment, version, undescribed, extractor._absent, undecided);
    }

    private YamlMap Cut(string openapi, string version, IReadOnlyList<string> operations)
    {
        var fragment = new YamlMap();
        fragment.Set("openapi", YamlScalar.String(openapi));
        var info = new YamlMap();
        info.Set("version", YamlScalar.String(version));
        foreach (var key in ProseKeys.Where(key => (_upstream["info"] as YamlMap)?[key] is not null))
        {
            info.Set(key, ((YamlMap)_upstream["info"]!)[key]!); // replaced by the previous fragment's, or listed
        }

        fragment.Set("info", info);
        if (_upstream["servers"] is { } servers)
        {
            fragment.Set("servers", Clean(servers, Context.Keyword));
        }

        if (_upstream["security"] is { } security)
        {
            fragment.Set("security", Clean(security, Context.Data));
        }

        var paths = new YamlMap();
        foreach (var operation in operations)
        {
            var (method, path) = ParseOperation(operation);
            if ((_upstream["paths"] as YamlMap)?[path] is not YamlMap upstreamItem || upstreamItem[method] is not YamlMap upstreamOperation)
            {
                var there = ((_upstream["paths"] as YamlMap)?[path] as YamlMap)?.Entries.Select(entry => entry.Key).Where(Methods.Contains).Select(m => m.ToUpperInvariant()).ToList();
                var hint = there is { Count: > 0 } ? $" (the path has {string.Join(", ", there)})" : " (no such path)";
                throw new ExtractException($"{_upstreamPath} has no operation {operation}{hint}");
            }

            if (paths[path] is not YamlMap item)
            {
                item = new YamlMap();
                foreach (var (key, value) in upstreamItem.Entries.Where(entry => !Methods.Contains(entry.Key) && !IsLeftOut(entry.Key)))
                {
                    item.Set(key, Clean(value, Context.Keyword));
                }

                paths.Set(path, item);
            }

            var cut = (YamlMap)Clean(upstreamOperation, Context.Keyword);
            item.Set(method, cut);
            foreach (var scheme in SchemesRequired(cut))
            {
                Reach($"#/components/securitySchemes/{scheme}");
            }
        }

        fragment.Set("paths", paths);
        FindReferences(fragment);
        ReachHandWrittenCodeNeeds();
        while (_toVisit.TryDequeue(out var reference))
        {
            var (kind, name) = Split(reference);
            var target = ((_upstream["components"] as YamlMap)?[kind] as YamlMap)?[name]
                ?? throw new ExtractException($"cannot read {_upstreamPath}: $ref {reference} points to nothing");
            var copy = Clean(target, Context.Keyword);
            if (_components[kind] is not YamlMap entries)
            {
                entries = new YamlMap();
                _components.Set(kind, entries);
            }

            entries.Set(name, copy);
            FindReferences(copy);
        }

        if (_components.Entries.Count > 0)
        {
            fragment.Set("components", _components);
        }

        return fragment;
    }

    internal static bool IsMethod(string key) => Methods.Contains(key);

    private void ReachHandWrittenCodeNeeds()
    {
        var schemas = (_upstream["components"] as YamlMap)?["schemas"] as YamlMap;
        foreach (var name in HandWrittenCodeNeeds)
        {
            if (schemas?[name] is not null)
            {
                Reach($"#/components/schemas/{name}");
            }
            else
            {
                _absent.Add(new AbsentSchema(name, LookAlikes(name, schemas)));
            }
        }
    }

    /// <summary>
    /// Upstream's schemas most like the one the previous fragment holds under that name (sharing the most property
    /// names, at least half): the same object under another name, as in 2020-09-14_1.40.3, which calls PlaidError <c>Error</c>.
    /// </summary>
    private List<string> LookAlikes(string name, YamlMap? schemas)
    {
        var members = _previous.Select(document => ((document["components"] as YamlMap)?["schemas"] as YamlMap)?[name] as YamlMap)
            .Select(schema => (schema?["properties"] as YamlMap)?.Entries.Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal))
            .FirstOrDefault(properties => properties is { Count: > 0 });
        if (members is null || schemas is null)
        {
            return [];
        }

        var shared = schemas.Entries
            .Select(entry => (entry.Key, Count: ((entry.Value as YamlMap)?["properties"] as YamlMap)?.Entries.Count(property => members.Contains(property.Key)) ?? 0))
            .Where(entry => entry.Count * 2 >= members.Count)
            .ToList();
        var most = shared.Count == 0 ? 0 : shared.Max(entry => entry.Count);
        return [.. shared.Where(entry => entry.Count == most).Select(entry => entry.Key)];
    }

    private static (string Method, string Path) ParseOperation(string operation)
    {
        var parts = operation.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Methods.Contains(parts[0].ToLowerInvariant()) || !parts[1].StartsWith('/'))
        {
            throw new ExtractException($"--operation must be \"METHOD /path\", e.g. \"POST /processor/balance/get\", not \"{operation}\"");
        }

        return (parts[0].ToLowerInvariant(), parts[1]);
    }

    /// <summary>The operation's security (or else the document's): the names of the schemes it requires.</summary>
    private IEnumerable<string> SchemesRequired(YamlMap operation) =>
        ((operation["security"] ?? _upstream["security"]) as YamlList)?.Items.OfType<YamlMap>().SelectMany(requirement => requirement.Entries.Select(entry => entry.Key)) ?? [];

    private void FindReferences(YamlTree tree)
    {
        switch (tree)
        {
            case YamlMap map:
                if (map.Text("$ref") is { } reference)
                {
                    Reach(reference);
                }

                foreach (var (_, value) in map.Entries)
                {
                    FindReferences(value);
                }

                break;
            case YamlList list:
                list.Items.ForEach(FindReferences);
                break;
        }
    }

    private void Reach(string reference)
    {
        _ = Split(reference); // refuses, at once, a reference outside #/components
        if (_reached.Add(reference))
        {
            _toVisit.Enqueue(reference);
        }
    }

    private (string Kind, string Name) Split(string reference)
    {
        var parts = reference.Split('/');
        if (parts is not ["#", "components", { Length: > 0 } kind, { Length: > 0 } name])
        {
            throw new ExtractException($"cannot read {_upstreamPath}: $ref {reference} is not a local #/components/<kind>/<name> reference");
        }

        return (kind, name.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
    }

    /// <summary>Links to Plaid's docs and vendor extensions, which a fragment leaves out.</summary>
    private static bool IsLeftOut(string key) => key.StartsWith("x-", StringComparison.Ordinal) || key == "externalDocs";

    /// <summary>A deep copy without links to Plaid's docs and vendor extensions (in OpenAPI objects, never in data).</summary>
    private static YamlTree Clean(YamlTree tree, Context context)
    {
        switch (tree)
        {
            case YamlMap map:
                var copy = new YamlMap();
                foreach (var (key, value) in map.Entries)
                {
                    if (context == Context.Keyword && IsLeftOut(key))
                    {
                        continue;
                    }

                    copy.Set(key, Clean(value, CanonicalYaml.ChildContext(context, key)));
                }

                return copy;
            case YamlList list:
                return new YamlList(list.Items.Select(item => Clean(item, context)));
            default:
                return tree;
        }
    }

    /// <summary>
    /// Replaces upstream's prose with the previous fragment's, member by member (a member is an OpenAPI object at
    /// the same place: a schema, a property, an operation, a response, a server...).
    /// </summary>
    private static void ProseFrom(IEnumerable<YamlMap> previous, YamlMap fragment, YamlMap upstreamInfo, List<string> undescribed)
    {
        var previousMembers = new Dictionary<string, YamlMap>(StringComparer.Ordinal);
        foreach (var (place, member) in previous.SelectMany(document => Members(document, "", Context.Keyword)))
        {
            previousMembers.TryAdd(place, member);
        }

        foreach (var (place, member) in Members(fragment, "", Context.Keyword).ToList())
        {
            var hadProse = ProseKeys.Any(member.Has);
            foreach (var key in ProseKeys)
            {
                member.Remove(key);
            }

            if (previousMembers.TryGetValue(place, out var old))
            {
                foreach (var key in ProseKeys)
                {
                    if (old[key] is { } prose)
                    {
                        member.Set(key, prose);
                    }
                }

                if (member["properties"] is YamlMap properties && old["properties"] is YamlMap oldProperties)
                {
                    member.Set("properties", InPreviousOrder(properties, oldProperties));
                }
            }
            else if (hadProse)
            {
                undescribed.Add(place.Length == 0 ? "(document)" : place);
            }

            if (IsResponse(place) && !member.Has("description"))
            {
                member.Set("description", YamlScalar.String("")); // required by OpenAPI: left for the maintainer to write
            }
        }

        // OpenAPI requires info.title: without a previous fragment, upstream's title stands in.
        if (fragment["info"] is YamlMap info && !info.Has("title"))
        {
            info.Set("title", YamlScalar.String(upstreamInfo.Text("title") ?? "fragment"));
        }
    }

    /// <summary>
    /// Each operation keeps the <see cref="IdempotentKey"/> of the first previous fragment that gives the operation one; an
    /// operation none of them decides is listed by its place (<c>paths/[/sandbox/processor_token/create]/post</c>).
    /// </summary>
    private static List<string> IdempotencyFrom(IReadOnlyList<YamlMap> previous, YamlMap fragment)
    {
        var undecided = new List<string>();
        foreach (var (path, item) in ((fragment["paths"] as YamlMap)?.Entries ?? []).Where(entry => entry.Value is YamlMap))
        {
            foreach (var (method, operation) in ((YamlMap)item).Entries.Where(entry => IsMethod(entry.Key) && entry.Value is YamlMap))
            {
                var decision = previous
                    .Select(document => (((document["paths"] as YamlMap)?[path] as YamlMap)?[method] as YamlMap)?[IdempotentKey])
                    .FirstOrDefault(value => value is not null);
                if (decision is null)
                {
                    undecided.Add(Join(Join("paths", path), method));
                }
                else
                {
                    ((YamlMap)operation).Set(IdempotentKey, decision);
                }
            }
        }

        return undecided;
    }

    /// <summary>
    /// Gives each property that is a <c>$ref</c> to a schema, and has no description of its own, the schema's description,
    /// written beside the <c>$ref</c>. NJsonSchema documents a generated property only from the property's own description
    /// (OpenAPI 3.0 ignores a <c>$ref</c>'s siblings, so the spec describes the schema once), and the build makes an
    /// undocumented public member an error (CS1591). Written into the committed fragment, the description is the
    /// property's own from then on: the previous fragment's wins on the next extract, like any other prose. A property
    /// listed as new for its upstream prose is not listed once it is described this way.
    /// </summary>
    private static void DescribeReferencingProperties(YamlMap fragment, List<string> undescribed)
    {
        const string Prefix = "#/components/schemas/";
        if ((fragment["components"] as YamlMap)?["schemas"] is not YamlMap schemas)
        {
            return;
        }

        foreach (var (place, member) in Members(fragment, "", Context.Keyword).ToList())
        {
            if (member["properties"] is not YamlMap properties)
            {
                continue;
            }

            foreach (var (name, value) in properties.Entries)
            {
                if (value is YamlMap property && !property.Has("description")
                    && property.Text("$ref") is { } reference && reference.StartsWith(Prefix, StringComparison.Ordinal)
                    && schemas[reference[Prefix.Length..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] is YamlMap schema
                    && schema["description"] is { } description)
                {
                    property.Set("description", description);
                    undescribed.Remove(Join(Join(place, "properties"), name));
                }
            }
        }
    }

    /// <summary>Properties the previous fragment had keep its order (the generated members' and the request's JSON order); new ones follow.</summary>
    private static YamlMap InPreviousOrder(YamlMap properties, YamlMap previous)
    {
        var ordered = new YamlMap();
        foreach (var (name, _) in previous.Entries.Where(entry => properties.Has(entry.Key)))
        {
            ordered.Set(name, properties[name]!);
        }

        foreach (var (name, value) in properties.Entries.Where(entry => !ordered.Has(entry.Key)))
        {
            ordered.Set(name, value);
        }

        return ordered;
    }

    private static bool IsResponse(string place) => place.Split('/') is [.., "responses", _];

    /// <summary>Every OpenAPI object of a document, by its place (<c>components/schemas/AccountBase/properties/mask</c>).</summary>
    private static IEnumerable<(string Place, YamlMap Member)> Members(YamlTree tree, string place, Context context)
    {
        switch (tree)
        {
            case YamlMap map:
                if (context == Context.Keyword)
                {
                    yield return (place, map);
                }

                if (context == Context.Data)
                {
                    yield break;
                }

                foreach (var (key, value) in map.Entries)
                {
                    foreach (var member in Members(value, Join(place, key), CanonicalYaml.ChildContext(context, key)))
                    {
                        yield return member;
                    }
                }

                break;
            case YamlList list when context != Context.Data:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    foreach (var member in Members(list.Items[i], Join(place, Identity(list.Items[i], i)), context))
                    {
                        yield return member;
                    }
                }

                break;
        }
    }

    /// <summary>A list item is named by what identifies it (a server's url, a parameter's place and name), else its index.</summary>
    internal static string Identity(YamlTree item, int index) => item switch
    {
        YamlMap map when map.Text("url") is { } url => url,
        YamlMap map when map.Text("name") is { } name && map.Text("in") is { } where => $"{where}:{name}",
        _ => index.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    internal static string Join(string place, string segment)
    {
        var shown = segment.Contains('/', StringComparison.Ordinal) ? $"[{segment}]" : segment;
        return place.Length == 0 ? shown : $"{place}/{shown}";
    }
}
