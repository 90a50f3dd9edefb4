namespace ContractDiff;

/// <summary>
/// The command line: <c>--old A --new B [--format text|json|markdown]</c> judges a change for breaking clients;
/// <c>drift --fragment F --upstream U [--format ...]</c> checks a fragment against the spec it was cut from;
/// <c>extract</c> cuts a fragment out of the full spec (<see cref="Extract.ExtractCommand"/>).
/// </summary>
public static class ContractDiffCommand
{
    public const int NoBreakingChange = 0;
    public const int BreakingChange = 1;
    public const int InvalidInput = 2;

    public const string Usage = """
        usage: ContractDiff --old <spec> --new <spec> [--format text|json|markdown|changelog] [--nswag nswag.json]
                            [--library-version X.Y.Z]
               ContractDiff drift --fragment <spec> --upstream <spec> [--format text|json|markdown] [--nswag nswag.json]
               ContractDiff extract --upstream <spec> --operation "POST /processor/balance/get" [--operation ...]
                                    --out <fragment> [--descriptions-from <old fragment> ...]
        extract writes a self-contained, canonically formatted fragment and lists members new upstream as
        "new, write a description: <place>"; descriptions, summaries and titles come from --descriptions-from
        (repeatable: the first fragment that has the member wins).
        --format changelog: a draft CHANGELOG.md entry (Breaking / Added / Changed) for --library-version.
        --nswag: the NSwag settings that decide the generated C# types (default: nswag.json next to or above
        the new spec).
        exit codes: 0 no breaking change (drift: no disagreement; extract: written), 1 breaking change
                    (drift: disagreement), 2 unreadable or invalid input (the message names the file)
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count > 0 && args[0] == "extract")
        {
            return await Extract.ExtractCommand.RunAsync([.. args.Skip(1)], stdout, stderr).ConfigureAwait(false);
        }

        var drift = args.Count > 0 && args[0] == "drift";
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = drift ? 1 : 0; i < args.Count; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
                return NoBreakingChange;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                return await UsageError(stderr, $"unexpected argument '{args[i]}'").ConfigureAwait(false);
            }

            options[args[i]] = args[++i];
        }

        var allowed = drift ? new[] { "--fragment", "--upstream", "--format", "--nswag" } : ["--old", "--new", "--format", "--nswag", "--library-version"];
        if (options.Keys.FirstOrDefault(name => !allowed.Contains(name)) is { } unknown)
        {
            return await UsageError(stderr, $"unknown option {unknown}").ConfigureAwait(false);
        }

        if (!Enum.TryParse<OutputFormat>(options.GetValueOrDefault("--format", "text"), ignoreCase: true, out var format)
            || !Enum.IsDefined(format))
        {
            return await UsageError(stderr, $"--format must be text, json, markdown or changelog, not '{options["--format"]}'").ConfigureAwait(false);
        }

        var (first, second) = drift ? ("--upstream", "--fragment") : ("--old", "--new");
        if (!options.TryGetValue(first, out var firstPath) || !options.TryGetValue(second, out var secondPath))
        {
            return await UsageError(stderr, $"both {first} and {second} are required").ConfigureAwait(false);
        }

        if (drift && !File.Exists(firstPath))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                await stderr.WriteLineAsync($"ContractDiff: cannot read {firstPath}: it is absent, and under CI=true the drift check must run").ConfigureAwait(false);
                return InvalidInput;
            }

            await stdout.WriteLineAsync($"Upstream drift: skipped, {firstPath} is absent (nothing is downloaded).").ConfigureAwait(false);
            return NoBreakingChange;
        }

        try
        {
            var nswag = options.GetValueOrDefault("--nswag") ?? GeneratedTypes.Find(secondPath);
            var types = nswag is null ? GeneratedTypes.Default : GeneratedTypes.Load(nswag);
            var report = drift
                ? await DriftCheck.RunAsync(secondPath, firstPath, types).ConfigureAwait(false)
                : await DiffAsync(firstPath, secondPath, types).ConfigureAwait(false);
            ReportWriter.Write(stdout, report, format, options.GetValueOrDefault("--library-version"));
            return report.Fails ? BreakingChange : NoBreakingChange;
        }
        catch (Exception exception) when (exception is SpecLoadException or Extract.ExtractException)
        {
            await stderr.WriteLineAsync($"ContractDiff: {exception.Message}").ConfigureAwait(false);
            return InvalidInput;
        }
        catch (SchemaLimitException exception)
        {
            await stderr.WriteLineAsync($"ContractDiff: cannot compare {firstPath} with {secondPath}: {exception.Message}").ConfigureAwait(false);
            return InvalidInput;
        }
    }

    private static async Task<Report> DiffAsync(string oldPath, string newPath, GeneratedTypes types)
    {
        var oldDocument = await SpecLoader.LoadAsync(oldPath).ConfigureAwait(false);
        var newDocument = await SpecLoader.LoadAsync(newPath).ConfigureAwait(false);
        return Report.OfChanges($"Contract diff: {oldPath} -> {newPath}", SpecComparer.Compare(oldDocument, newDocument, types)) with
        {
            SpecVersions = (oldDocument.Info?.Version, newDocument.Info?.Version),
        };
    }

    internal static async Task<int> UsageError(TextWriter stderr, string problem)
    {
        await stderr.WriteLineAsync($"ContractDiff: {problem}").ConfigureAwait(false);
        await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
        return InvalidInput;
    }
}
