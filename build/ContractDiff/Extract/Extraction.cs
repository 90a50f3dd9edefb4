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

    /// <summary>Any spec tree written the way extract writes it, so two trees compare as text.</summary>
    public static string Canonical(YamlMap document) => CanonicalYaml.Write(document, Header.TrimEnd('\n'));

    /// <summary>The operations a fragment holds, as <c>--operation</c> names them ("POST /processor/balance/get").</summary>
    public static IReadOnlyList<string> OperationsOf(YamlMap fragment) =>
        [.. ((fragment["paths"] as YamlMap)?.Entries ?? [])
            .SelectMany(path => ((path.Value as YamlMap)?.Entries ?? [])
                .Where(entry => FragmentExtractor.IsMethod(entry.Key))
                .Select(entry => $"{entry.Key.ToUpperInvariant()} {path.Key}"))];
}
