using System.CommandLine;
using System.CommandLine.Invocation;

namespace ContractDiff;

/// <summary>
/// The command line (System.CommandLine: generated <c>--help</c>, a suggestion for a misspelt flag):
/// <c>--old A --new B</c> judges a change for breaking clients; <c>drift</c> checks a fragment against the spec it
/// was cut from; <c>extract</c> cuts a fragment out of the full spec (<see cref="Extract.ExtractCommand"/>);
/// <c>sync</c> follows a new upstream spec (<see cref="Sync.SyncCommand"/>).
/// </summary>
public static class ContractDiffCommand
{
    public const int NoBreakingChange = 0;
    public const int BreakingChange = 1;
    public const int InvalidInput = 2;

    private const string RootDescription = """
        Judges a change of an OpenAPI contract from the side of a client built against the old one.
        Exit codes: 0 no breaking change, 1 breaking change, 2 unreadable or invalid input (the message names the file).
        """;

    private const string DriftDescription = """
        Checks a fragment against what extract cuts from the upstream spec for the same operations.
        Exit codes: 0 no disagreement (or the upstream file is absent outside CI=true), 1 disagreement, 2 invalid input.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Build(stdout, stderr).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The parser's report: each error, and for a misspelt flag the flags it may have meant.
            if (parsed.Action is ParseErrorAction report)
            {
                report.ShowHelp = false;
                report.ShowTypoCorrections = true;
            }

            await parsed.InvokeAsync(new InvocationConfiguration { Output = stderr, Error = stderr, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
            await stderr.WriteLineAsync($"ContractDiff: run '{HelpCommand(parsed.CommandResult.Command)}' for the flags").ConfigureAwait(false);
            return InvalidInput;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
    }

    /// <summary>The help command as typed from the repository root: ContractDiff is not on the PATH; sync has its script.</summary>
    internal static string HelpCommand(Command command) => command switch
    {
        RootCommand => "dotnet run --project build/ContractDiff -- --help",
        { Name: "sync" } => "bash build/sync-spec.sh --help",
        _ => $"dotnet run --project build/ContractDiff -- {command.Name} --help",
    };

    private static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var old = new Option<string>("--old") { Description = "the spec the client was built against", HelpName = "spec", Required = true };
        var @new = new Option<string>("--new") { Description = "the spec to judge", HelpName = "spec", Required = true };
        var format = FormatOption("text, json, markdown or changelog (a draft CHANGELOG.md entry for --library-version)");
        var nswag = NswagOption();
        var libraryVersion = new Option<string?>("--library-version") { Description = "the version a changelog entry is headed with", HelpName = "X.Y.Z" };
        var root = new RootCommand(RootDescription)
        {
            old, @new, format, nswag, libraryVersion,
            DriftCommand(stdout, stderr),
            Extract.ExtractCommand.Create(stdout, stderr),
            Sync.SyncCommand.Create(stdout, stderr),
        };
        root.SetAction((result, _) => JudgeAsync(stdout, stderr, result.GetRequiredValue(@new), result.GetValue(nswag), result.GetValue(format),
            result.GetValue(libraryVersion), types => DiffAsync(result.GetRequiredValue(old), result.GetRequiredValue(@new), types)));
        return root;
    }

    private static Command DriftCommand(TextWriter stdout, TextWriter stderr)
    {
        var fragment = new Option<string>("--fragment") { Description = "the project's fragment", HelpName = "spec", Required = true };
        var upstream = new Option<string>("--upstream") { Description = "the full spec it was cut from", HelpName = "spec", Required = true };
        var format = FormatOption("text, json or markdown");
        var nswag = NswagOption();
        var drift = new Command("drift", DriftDescription) { fragment, upstream, format, nswag };
        drift.SetAction(async (result, _) =>
        {
            var upstreamPath = result.GetRequiredValue(upstream);
            if (File.Exists(upstreamPath))
            {
                var fragmentPath = result.GetRequiredValue(fragment);
                return await JudgeAsync(stdout, stderr, fragmentPath, result.GetValue(nswag), result.GetValue(format), null,
                    types => DriftCheck.RunAsync(fragmentPath, upstreamPath, types)).ConfigureAwait(false);
            }

            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                await stderr.WriteLineAsync($"ContractDiff: cannot read {upstreamPath}: it is absent, and under CI=true the drift check must run").ConfigureAwait(false);
                return InvalidInput;
            }

            await stdout.WriteLineAsync($"Upstream drift: skipped, {upstreamPath} is absent (nothing is downloaded).").ConfigureAwait(false);
            return NoBreakingChange;
        });
        return drift;
    }

    private static Option<OutputFormat> FormatOption(string formats) => new("--format")
    {
        Description = formats,
        HelpName = "text|json|markdown|changelog",
        DefaultValueFactory = _ => OutputFormat.Text,
        CustomParser = argument =>
        {
            var value = argument.Tokens.Count > 0 ? argument.Tokens[0].Value : "";
            if (Enum.TryParse<OutputFormat>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            {
                return parsed;
            }

            argument.AddError($"--format must be text, json, markdown or changelog, not '{value}'");
            return default;
        },
    };

    private static Option<string?> NswagOption() => new("--nswag")
    {
        Description = "the NSwag settings (and through their templateDirectory, Class.liquid) that decide the generated C# types; "
            + "default: nswag.json next to or above the judged spec",
        HelpName = "nswag.json",
    };

    /// <summary>Loads the generated types, runs a judgement and prints its report; exit 1 when it fails, 2 on unreadable input.</summary>
    private static async Task<int> JudgeAsync(
        TextWriter stdout, TextWriter stderr, string judgedPath, string? nswagPath, OutputFormat format, string? libraryVersion, Func<GeneratedTypes, Task<Report>> judge)
    {
        try
        {
            var nswag = nswagPath ?? GeneratedTypes.Find(judgedPath);
            var report = await judge(nswag is null ? GeneratedTypes.Default : GeneratedTypes.Load(nswag)).ConfigureAwait(false);
            ReportWriter.Write(stdout, report, format, libraryVersion);
            return report.Fails ? BreakingChange : NoBreakingChange;
        }
        catch (Exception exception) when (exception is SpecLoadException or Extract.ExtractException)
        {
            await stderr.WriteLineAsync($"ContractDiff: {exception.Message}").ConfigureAwait(false);
            return InvalidInput;
        }
        catch (SchemaLimitException exception)
        {
            await stderr.WriteLineAsync($"ContractDiff: cannot compare the specs ({judgedPath}): {exception.Message}").ConfigureAwait(false);
            return InvalidInput;
        }
    }

    internal static async Task<Report> DiffAsync(string oldPath, string newPath, GeneratedTypes types)
    {
        var oldDocument = await SpecLoader.LoadAsync(oldPath).ConfigureAwait(false);
        var newDocument = await SpecLoader.LoadAsync(newPath).ConfigureAwait(false);
        return Report.OfChanges($"Contract diff: {oldPath} -> {newPath}", SpecComparer.Compare(oldDocument, newDocument, types)) with
        {
            SpecVersions = (oldDocument.Info?.Version, newDocument.Info?.Version),
        };
    }
}
