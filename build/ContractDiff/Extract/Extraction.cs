namespace ContractDiff.Extract;

/// <summary>Extraction as <c>extract</c> and the drift check both run it: the fragment's canonical text.</summary>
internal static class Extraction
{
    public const string Header = """
        Cut from Plaid's published spec (version in info.version) by build/ContractDiff extract;
        follow Plaid with `bash build/sync-spec.sh UPSTREAM_FILE`. The structure is upstream's: edit only
        descriptions, summaries and titles, which are this project's own (Plaid's prose is never copied).
        """;

    public static (string Text, FragmentExtractor.Result Result) Run(
        string upstreamPath, YamlTree upstream, IReadOnlyList<string> operations, IReadOnlyList<YamlTree> describedBy)
    {
        var result = FragmentExtractor.Extract(upstreamPath, upstream, operations, describedBy);
        return (Canonical(result.Fragment), result);
    }

    /// <summary>What extract wrote, as it prints it.</summary>
    public static string Summary(string upstreamPath, string outPath, int operations, FragmentExtractor.Result result)
    {
        var components = (result.Fragment["components"] as YamlMap)?.Entries.Sum(entry => (entry.Value as YamlMap)?.Entries.Count ?? 0) ?? 0;
        return $"extract: wrote {outPath} from {upstreamPath} (version {result.Version}): {operations} operation(s), {components} component(s)";
    }

    /// <summary>Why no fragment is written: upstream lacks a schema the hand-written code needs, and what a person does.</summary>
    public static string AbsentReason(string upstreamPath, FragmentExtractor.Result result) => string.Join("; ", result.Absent.Select(absent =>
        $"{upstreamPath} ({result.Version}) has no components/schemas/{absent.Name}, which the hand-written code in src/Plaid.Generated is built on "
        + $"(PlaidApiException.cs, PlaidClient.Errors.cs), so the client would not build from it. "
        + (absent.LookAlikes.Count > 0
            ? $"Upstream's error object is named {string.Join(" or ", absent.LookAlikes)} there: to follow this spec, rename {absent.Name} to it in the hand-written code "
              + "and FragmentExtractor.HandWrittenCodeNeeds, or follow a newer spec that has " + absent.Name
            : $"To follow this spec, port the hand-written code to upstream's error object and name it in FragmentExtractor.HandWrittenCodeNeeds, or follow a newer spec that has {absent.Name}")));

    /// <summary>Any spec tree written the way extract writes it, so two trees compare as text.</summary>
    public static string Canonical(YamlMap document) => CanonicalYaml.Write(document, Header.TrimEnd('\n'));

    /// <summary>The operations a fragment holds, as <c>--operation</c> names them ("POST /processor/balance/get").</summary>
    public static IReadOnlyList<string> OperationsOf(YamlMap fragment) =>
        [.. ((fragment["paths"] as YamlMap)?.Entries ?? [])
            .SelectMany(path => ((path.Value as YamlMap)?.Entries ?? [])
                .Where(entry => FragmentExtractor.IsMethod(entry.Key))
                .Select(entry => $"{entry.Key.ToUpperInvariant()} {path.Key}"))];
}
