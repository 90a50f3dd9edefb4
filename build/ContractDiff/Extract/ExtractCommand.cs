using System.Text;

namespace ContractDiff.Extract;

/// <summary>
/// <c>extract --upstream FILE --operation "POST /path" [--operation ...] --out FILE [--descriptions-from OLD]</c>:
/// writes the fragment in canonical form and lists the members that need a description.
/// </summary>
internal static class ExtractCommand
{
    public const string UndescribedPrefix = "new, write a description: ";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var operations = new List<string>();
        var describedBy = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                await stdout.WriteLineAsync(ContractDiffCommand.Usage).ConfigureAwait(false);
                return ContractDiffCommand.NoBreakingChange;
            }

            if (args[i] is not ("--upstream" or "--operation" or "--out" or "--descriptions-from"))
            {
                return await ContractDiffCommand.UsageError(stderr, args[i].StartsWith("--", StringComparison.Ordinal)
                    ? $"unknown option {args[i]}" : $"unexpected argument '{args[i]}'").ConfigureAwait(false);
            }

            if (i + 1 >= args.Count)
            {
                return await ContractDiffCommand.UsageError(stderr, $"{args[i]} needs a value").ConfigureAwait(false);
            }

            if (args[i] is "--operation" or "--descriptions-from")
            {
                (args[i] == "--operation" ? operations : describedBy).Add(args[++i]);
            }
            else
            {
                options[args[i]] = args[++i];
            }
        }

        if (!options.TryGetValue("--upstream", out var upstreamPath) || !options.TryGetValue("--out", out var outPath) || operations.Count == 0)
        {
            return await ContractDiffCommand.UsageError(stderr, "extract needs --upstream, --out and at least one --operation").ConfigureAwait(false);
        }

        try
        {
            var upstream = YamlTree.Load(upstreamPath);
            var previous = describedBy.Select(YamlTree.Load).ToList();
            var (text, result) = Extraction.Run(upstreamPath, upstream, operations, previous);
            await WriteCheckedAsync(outPath, text).ConfigureAwait(false);

            var components = (result.Fragment["components"] as YamlMap)?.Entries.Sum(entry => (entry.Value as YamlMap)?.Entries.Count ?? 0) ?? 0;
            await stdout.WriteLineAsync(
                $"extract: wrote {outPath} from {upstreamPath} (version {result.Version}): {operations.Count} operation(s), {components} component(s)").ConfigureAwait(false);
            foreach (var place in result.Undescribed)
            {
                await stdout.WriteLineAsync(UndescribedPrefix + place).ConfigureAwait(false);
            }

            return ContractDiffCommand.NoBreakingChange;
        }
        catch (Exception exception) when (exception is SpecLoadException or ExtractException)
        {
            await stderr.WriteLineAsync($"ContractDiff: {exception.Message}").ConfigureAwait(false);
            return ContractDiffCommand.InvalidInput;
        }
    }

    /// <summary>Checks the fragment reads back as valid OpenAPI before it replaces <paramref name="outPath"/>.</summary>
    private static async Task WriteCheckedAsync(string outPath, string text)
    {
        var draft = Path.Combine(Path.GetTempPath(), $"extract-{Guid.NewGuid():N}.yaml");
        try
        {
            await File.WriteAllTextAsync(draft, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)).ConfigureAwait(false);
            try
            {
                await SpecLoader.LoadAsync(draft).ConfigureAwait(false);
            }
            catch (SpecLoadException exception)
            {
                var problem = exception.Message.Replace(draft, outPath, StringComparison.Ordinal);
                throw new ExtractException($"the extracted fragment is not valid OpenAPI, {outPath} is left as it was ({problem})");
            }

            try
            {
                File.Copy(draft, outPath, overwrite: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new ExtractException($"cannot write {outPath}: {exception.Message}");
            }
        }
        finally
        {
            File.Delete(draft);
        }
    }
}
