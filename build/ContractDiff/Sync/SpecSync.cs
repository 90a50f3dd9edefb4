using System.Text.RegularExpressions;
using ContractDiff.Extract;

namespace ContractDiff.Sync;

/// <summary>
/// Follows Plaid's spec in one run, in a repository of this project: extracts the operations the fragment has into it
/// (keeping its descriptions and each operation's x-idempotent), regenerates and builds the client, then prints the contract diff against the released
/// baseline, the version bump it calls for and whether <c>&lt;Version&gt;</c> satisfies it, the public API diff, the
/// members that need a description and a draft CHANGELOG.md entry. Each step's failure is typed: what a person must
/// do is a reason of <see cref="SyncOutcome.NeedsPerson"/>, a step that cannot run ends in <see cref="SyncOutcome.StepFailed"/>.
/// With a <paramref name="reportPath"/>, the same findings are also written there as Markdown (<see cref="SyncReport"/>),
/// whatever the outcome.
/// </summary>
internal sealed partial class SpecSync(string repositoryPath, bool noRestore, TextWriter stdout, TextWriter stderr, string? reportPath = null)
{
    private const string Spec = "openapi/processor-balance-get.yaml";
    private const string Baseline = "build/contract-baseline/processor-balance-get.yaml";
    private const string BaselineVersion = "build/contract-baseline/VERSION";
    private const string Project = "src/Plaid.Generated/Plaid.Generated.csproj";
    private const string Tests = "tests/Plaid.Generated.Tests";
    private const string ApprovedApi = "tests/Plaid.Generated.Tests/PublicApi/Plaid.Generated.approved.txt";
    private const string ReapproveCommand = "PLAID_APPROVE_PUBLIC_API=1 dotnet test tests/Plaid.Generated.Tests --filter FullyQualifiedName~PublicApiTests";

    private readonly string _repository = Path.GetFullPath(repositoryPath);

    private readonly List<string> _needsPerson = [];

    private readonly SyncReport _report = new();

    public async Task<SyncResult> RunAsync(string upstreamPath)
    {
        var result = await SyncAsync(upstreamPath).ConfigureAwait(false);
        if (reportPath is not null)
        {
            await using var file = new StreamWriter(reportPath) { NewLine = "\n" };
            _report.Write(file, result);
            stdout.WriteLine($"sync: report written to {reportPath}");
        }

        return result;
    }

    private async Task<SyncResult> SyncAsync(string upstreamPath)
    {
        try
        {
            var upstream = Shown(Path.GetFullPath(upstreamPath));
            _report.Upstream = upstream;
            _report.FragmentVersion = FragmentVersion().Match(File.Exists(InRepository(Spec)) ? File.ReadAllText(InRepository(Spec)) : "") is { Success: true } match
                ? match.Groups[1].Value
                : null;
            var extraction = await ExtractAsync(upstream).ConfigureAwait(false);
            if (extraction is not null)
            {
                await BuildClientAsync().ConfigureAwait(false);
                var report = await CompareAsync().ConfigureAwait(false);
                var release = await CheckVersionAsync(report.Bump ?? throw new SyncStepException("the contract diff called for no version bump")).ConfigureAwait(false);
                await CheckPublicApiAsync().ConfigureAwait(false);
                ListUndescribed(extraction);
                ListUndecided(extraction);
                DraftChangelog(report, release);
            }
        }
        catch (Exception exception) when (exception is SyncStepException or SpecLoadException or ExtractException or SchemaLimitException)
        {
            await stderr.WriteLineAsync($"sync: {exception.Message}").ConfigureAwait(false);
            return new SyncResult(SyncOutcome.StepFailed, [exception.Message]);
        }

        stdout.WriteLine("==");
        if (_needsPerson.Count == 0)
        {
            stdout.WriteLine($"sync: done, nothing needs a person (review the diff of {Spec} and commit it with the CHANGELOG entry)");
            return new SyncResult(SyncOutcome.NothingToDo, []);
        }

        stdout.WriteLine("sync: needs a person:");
        _needsPerson.ForEach(reason => stdout.WriteLine($"  - {reason}"));
        return new SyncResult(SyncOutcome.NeedsPerson, [.. _needsPerson]);
    }

    private string InRepository(string relativePath) => Path.Combine(_repository, relativePath);

    /// <summary>A path as messages show it: relative to the repository when it is in it or beside it (../shared/...), else in full.</summary>
    private string Shown(string fullPath)
    {
        var relative = Path.GetRelativePath(_repository, fullPath);
        return relative.StartsWith($"..{Path.DirectorySeparatorChar}..", StringComparison.Ordinal) ? fullPath : relative;
    }

    /// <returns>The extraction, or null when upstream lacks what the hand-written code needs (the fragment is left as it was).</returns>
    private async Task<FragmentExtractor.Result?> ExtractAsync(string upstream)
    {
        FragmentExtractor.Result result;
        string text;
        IReadOnlyList<string> operations;
        try
        {
            var current = YamlTree.Load(InRepository(Spec));
            operations = current is YamlMap fragment ? Extraction.OperationsOf(fragment) : [];
            if (operations.Count == 0)
            {
                throw new ExtractException($"{Spec} names no operation to follow (its paths are empty or unreadable)");
            }

            stdout.WriteLine($"== Extract {string.Join(", ", operations)} from {upstream}");
            (text, result) = Extraction.Run(upstream, YamlTree.Load(InRepository(upstream)), operations,
                [current, YamlTree.Load(InRepository(Baseline))]);
            _report.UpstreamVersion = result.Version;
            if (result.Absent.Count > 0)
            {
                _needsPerson.Add($"{Extraction.AbsentReason(upstream, result)}. {Spec} is left as it was");
                return null;
            }

            var before = File.ReadAllText(InRepository(Spec));
            await ExtractCommand.WriteCheckedAsync(InRepository(Spec), text).ConfigureAwait(false);
            if (DroppedComments(stdout, before, text, Spec) is { } dropped)
            {
                _needsPerson.Add(dropped);
            }
        }
        catch (Exception exception) when (exception is SpecLoadException or ExtractException)
        {
            throw new SyncStepException($"extract failed, {Spec} is unchanged: {exception.Message.Replace(_repository + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)}");
        }

        stdout.WriteLine(Extraction.Summary(upstream, Spec, operations.Count, result));
        result.Undescribed.ToList().ForEach(place => stdout.WriteLine(ExtractCommand.UndescribedPrefix + place));
        result.Undecided.ToList().ForEach(place => stdout.WriteLine(ExtractCommand.UndecidedPrefix + place));
        var (gitExit, diffStat) = await DotnetProcess.RunAsync(_repository, "git", "--no-pager", "diff", "--stat", "--", Spec).ConfigureAwait(false);
        if (gitExit == 0)
        {
            stdout.Write(diffStat); // outside a git clone (a copy of the repository) there is no diff to show
        }

        return result;
    }

    private async Task BuildClientAsync()
    {
        stdout.WriteLine($"== Regenerate and build {Project}");
        await BuildAsync(Project, "the client does not build from the new spec").ConfigureAwait(false);
        stdout.WriteLine("built (src/Plaid.Generated/obj/Generated/PlaidClient.g.cs regenerated)");
    }

    private async Task BuildAsync(string project, string failure)
    {
        var (exitCode, output) = await DotnetProcess.RunAsync(_repository, "dotnet", ["build", project, .. RestoreArguments, "-v:q", "-nologo"]).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new SyncStepException($"{failure}; the first error: {DotnetProcess.FirstError(output, _repository)}");
        }
    }

    private IEnumerable<string> RestoreArguments => noRestore ? ["--no-restore"] : [];

    private async Task<Report> CompareAsync()
    {
        var released = File.ReadAllText(InRepository(BaselineVersion)).Trim();
        stdout.WriteLine($"== Contract diff: released {released} -> {Spec}");
        var report = await ContractDiffCommand.DiffAsync(InRepository(Baseline), InRepository(Spec), GeneratedTypes.Load(InRepository("nswag.json"))).ConfigureAwait(false);
        ReportWriter.Write(stdout, report with { Title = $"Contract diff: {Baseline} -> {Spec}" }, OutputFormat.Text);
        _report.Contract = report;
        return report;
    }

    /// <returns>The version the changelog entry is for: <c>&lt;Version&gt;</c> when it makes the bump, else the least that does.</returns>
    private async Task<ReleaseVersion> CheckVersionAsync(VersionBump bump)
    {
        var released = ReleaseVersion.Parse(File.ReadAllText(InRepository(BaselineVersion)), BaselineVersion);
        var (exitCode, output) = await DotnetProcess.RunAsync(_repository, "dotnet", "msbuild", Project, "-getProperty:Version", "-nologo").ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new SyncStepException($"cannot read <Version> of {Project}: {DotnetProcess.FirstError(output, _repository)}");
        }

        var current = ReleaseVersion.Parse(output, $"<Version> of {Project}");
        var next = released.Next(bump);
        var satisfied = released.IsSatisfiedBy(current, bump);
        (_report.Released, _report.Current, _report.VersionSatisfied) = (released, current, satisfied);
        var bumpName = bump.ToString().ToLowerInvariant();
        stdout.WriteLine($"== Version: the changes call for a {bumpName} bump over {released} (at least {next}); <Version> is {current}: "
            + (satisfied ? "satisfied" : "NOT satisfied, raise it in src/Directory.Build.props"));
        if (!satisfied && bump == VersionBump.Major)
        {
            _needsPerson.Add($"a breaking change without a major version: raise <Version> to {next}");
        }

        return satisfied ? current : next;
    }

    private async Task CheckPublicApiAsync()
    {
        stdout.WriteLine($"== Public API: Plaid.Generated vs {ApprovedApi}");
        var (buildExit, buildOutput) = await DotnetProcess.RunAsync(_repository, "dotnet", ["build", Tests, .. RestoreArguments, "-v:q", "-nologo"]).ConfigureAwait(false);
        if (buildExit != 0)
        {
            var errors = DotnetProcess.CompilerErrorsByFile(buildOutput, _repository);
            if (errors.Count == 0)
            {
                throw new SyncStepException($"the public API test does not build; the first error: {DotnetProcess.FirstError(buildOutput, _repository)}");
            }

            // The client built: what broke is this repository's code that uses it (a member removed or retyped upstream).
            _needsPerson.Add(TestsDoNotCompile(stdout, errors, Tests));
            return;
        }

        var (exitCode, output) = await DotnetProcess.RunAsync(_repository, "dotnet",
            "test", Tests, "--no-build", "--filter", "FullyQualifiedName~PublicApiTests", "-nologo", "--logger", "console;verbosity=normal").ConfigureAwait(false);
        if (exitCode == 0)
        {
            stdout.WriteLine("public API: equal to the approved file");
            _report.PublicApiChange = [];
            return;
        }

        var message = output.Split('\n').SkipWhile(line => !line.Contains("Error Message:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(line => !line.Contains("Stack Trace:", StringComparison.Ordinal)).ToList();
        if (message.Count == 0)
        {
            throw new SyncStepException($"the public API test could not run (exit {exitCode}): {DotnetProcess.FirstError(output, _repository)}");
        }

        message.ForEach(line => stdout.WriteLine(line.TrimEnd('\r')));
        _report.PublicApiChange = [.. message.Select(line => line.TrimEnd('\r'))];
        if (!message.Exists(line => line.Contains(ReapproveCommand, StringComparison.Ordinal)))
        {
            stdout.WriteLine($"If the change is intended, re-approve with:\n  {ReapproveCommand}");
        }

        _needsPerson.Add("the public API changed: review the diff above and re-approve it");
    }

    /// <summary>Every compiler error, grouped by file, and the reason a person is needed; the public API test cannot run until they are fixed.</summary>
    internal static string TestsDoNotCompile(TextWriter stdout, IReadOnlyList<(string File, IReadOnlyList<string> Errors)> errors, string tests)
    {
        var count = errors.Sum(file => file.Errors.Count);
        stdout.WriteLine($"{tests} does not compile against the new client ({count} error(s) in {errors.Count} file(s)); "
            + "the public API diff is shown once they are fixed:");
        foreach (var (file, fileErrors) in errors)
        {
            stdout.WriteLine($"  {file}");
            foreach (var error in fileErrors)
            {
                stdout.WriteLine($"    {error}");
            }
        }

        return $"the repository's own tests do not compile after the sync ({count} error(s) in {errors.Count} file(s), listed under == Public API): "
            + "update or remove the code that uses what changed, then run the sync again";
    }

    /// <summary>
    /// The fragment is the tool's output: a comment a maintainer wrote in it is not carried over (only descriptions,
    /// summaries and titles are). Says so, with the lines, so nothing is lost without a word.
    /// </summary>
    internal static string? DroppedComments(TextWriter stdout, string before, string after, string spec)
    {
        var kept = after.Split('\n').Select(line => line.Trim()).ToHashSet(StringComparer.Ordinal);
        var dropped = before.Split('\n').Select(line => line.Trim())
            .Where(line => line.StartsWith('#') && !kept.Contains(line)).Distinct(StringComparer.Ordinal).ToList();
        if (dropped.Count == 0)
        {
            return null;
        }

        stdout.WriteLine($"{dropped.Count} comment line(s) of {spec} were not kept: the fragment is this tool's output, and only its "
            + "descriptions, summaries and titles carry over. Put other notes in build/ContractDiff/README.md, nswag.json or a partial class:");
        dropped.ForEach(line => stdout.WriteLine($"  {line}"));
        return $"{dropped.Count} hand-written comment line(s) of {spec} were dropped by the cut (listed above): move them out of the fragment";
    }

    private void ListUndescribed(FragmentExtractor.Result extraction)
    {
        stdout.WriteLine($"== Members that need a description (write them in {Spec})");
        _report.Undescribed = extraction.Undescribed;
        stdout.WriteLine(extraction.Undescribed.Count == 0 ? "  none" : string.Join('\n', extraction.Undescribed.Select(place => $"  {place}")));
        if (extraction.Undescribed.Count > 0)
        {
            _needsPerson.Add($"{extraction.Undescribed.Count} member(s) new upstream have no description");
        }
    }

    /// <summary>An operation no fragment decides is treated as not safe to repeat; a person says which it is.</summary>
    private void ListUndecided(FragmentExtractor.Result extraction)
    {
        if (extraction.Undecided.Count > 0)
        {
            _needsPerson.Add($"{extraction.Undecided.Count} operation(s) do not say whether they are safe to repeat: write "
                + $"{FragmentExtractor.IdempotentKey}: true or false on {string.Join(", ", extraction.Undecided)} in {Spec} "
                + "(until then the client retries them only when the request provably was not sent)");
        }
    }

    private void DraftChangelog(Report report, ReleaseVersion release)
    {
        stdout.WriteLine("== Draft CHANGELOG.md entry");
        ReportWriter.Write(stdout, report, OutputFormat.Changelog, release.ToString());
        using var draft = new StringWriter { NewLine = "\n" };
        ReportWriter.Write(draft, report, OutputFormat.Changelog, release.ToString());
        _report.Changelog = draft.ToString();
    }

    [GeneratedRegex(@"^  version: (\S+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FragmentVersion();
}
