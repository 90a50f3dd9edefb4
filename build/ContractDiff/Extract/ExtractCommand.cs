using System.CommandLine;
using System.Text;

namespace ContractDiff.Extract;

/// <summary>
/// <c>extract --upstream FILE --operation "POST /path" [--operation ...] --out FILE [--descriptions-from OLD]</c>:
/// writes the fragment in canonical form and lists the members that need a description.
/// </summary>
internal static class ExtractCommand
{
    public const string UndescribedPrefix = "new, write a description: ";

    public const string UndecidedPrefix = "new, decide whether it is safe to repeat (x-idempotent: true or false): ";

    private const string Description = """
        Cuts a self-contained, canonically formatted fragment out of the full spec: the operations, everything they
        reach, and the schemas the hand-written code is built on (PlaidError). Descriptions, summaries and titles come
        from --descriptions-from; members new upstream are listed as "new, write a description: <place>". So does
        each operation's x-idempotent (this project's own key: safe to repeat or not); an operation without one is
        listed as "new, decide whether it is safe to repeat (x-idempotent: true or false): <place>".
        When upstream lacks one of those schemas, a warning says so (the client would not build from the fragment).
        Exit codes: 0 written, 2 invalid input.
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var upstream = new Option<string>("--upstream") { Description = "the full spec", HelpName = "spec", Required = true };
        var operations = new Option<string[]>("--operation")
        {
            Description = "\"METHOD /path\", e.g. \"POST /processor/balance/get\" (repeatable)",
            HelpName = "operation",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out") { Description = "the fragment to write", HelpName = "fragment", Required = true };
        var describedBy = new Option<string[]>("--descriptions-from")
        {
            Description = "a fragment whose descriptions are kept (repeatable: the first that has the member wins)",
            HelpName = "fragment",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("extract", Description) { upstream, operations, output, describedBy };
        command.SetAction((result, _) => RunAsync(
            result.GetRequiredValue(upstream), result.GetRequiredValue(operations), result.GetRequiredValue(output), result.GetValue(describedBy) ?? [], stdout, stderr));
        return command;
    }

    private static async Task<int> RunAsync(
        string upstreamPath, IReadOnlyList<string> operations, string outPath, IReadOnlyList<string> describedBy, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var (text, result) = Extraction.Run(upstreamPath, YamlTree.Load(upstreamPath), operations, [.. describedBy.Select(YamlTree.Load)]);
            await WriteCheckedAsync(outPath, text).ConfigureAwait(false);
            if (result.Absent.Count > 0)
            {
                // Not a failure of extract: any spec can be cut. sync, which builds the client, stops here instead.
                await stderr.WriteLineAsync($"ContractDiff: warning: {Extraction.AbsentReason(upstreamPath, result)}").ConfigureAwait(false);
            }

            await stdout.WriteLineAsync(Extraction.Summary(upstreamPath, outPath, operations.Count, result)).ConfigureAwait(false);
            foreach (var place in result.Undescribed)
            {
                await stdout.WriteLineAsync(UndescribedPrefix + place).ConfigureAwait(false);
            }

            foreach (var place in result.Undecided)
            {
                await stdout.WriteLineAsync(UndecidedPrefix + place).ConfigureAwait(false);
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
    internal static async Task WriteCheckedAsync(string outPath, string text)
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
