using ContractDiff.Sync;
using Plaid.Generated.Tests;

namespace ContractDiff.Tests;

/// <summary>
/// <c>sync --report FILE</c>, the spec watch's pull request body, against eras of Plaid's spec in ../shared, without
/// building a repository copy: a sync from 1.40.3 (it stops before building) end to end, and the report of the
/// findings a sync to 1.673.1 makes (the real contract diff of the fragment against that era's extract).
/// </summary>
public sealed class SyncReportTests
{
    private const string Operation = "POST /processor/balance/get";

    [Test]
    public async Task From_1_40_3_the_report_says_what_needs_a_person_and_which_steps_were_not_reached()
    {
        PlaidHistoryTests.RequireShared();
        using var copy = new RepositoryCopy(); // files only: this sync stops before restoring or building
        var upstream = copy.Upstream(Path.Combine(RepositoryRoot.Path, "..", "shared", "plaid-openapi", "history", "2020-09-14_1.40.3.yml.gz"));
        using var files = new TemporaryFolder();
        var reportPath = Path.Combine(files.Path, "contract-report.md");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await ContractDiffCommand.RunAsync(["sync", upstream, "--repository", copy.Path, "--report", reportPath], stdout, stderr);

        var report = File.ReadAllText(reportPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo((int)SyncOutcome.NeedsPerson), stdout.ToString() + stderr);
            Assert.That(stdout.ToString(), Does.Contain($"sync: report written to {reportPath}"));
            Assert.That(report, Does.StartWith("## Follow Plaid's spec `2020-09-14_1.40.3` (was `2020-09-14_1.697.4`)\n\n"
                + "`ContractDiff sync` of `../shared/2020-09-14_1.40.3.yml` into `openapi/processor-balance-get.yaml`: exit 1, a person is needed.\n\n"
                + "### What needs a person\n\n"
                + "- [ ] ../shared/2020-09-14_1.40.3.yml (2020-09-14_1.40.3) has no components/schemas/PlaidError, which the hand-written code"));
            Assert.That(report, Does.Contain("### Version bump\n\nNot reached (see above).\n"));
            Assert.That(report, Does.Contain("### Contract diff\n\nNot reached (see above).\n"));
            Assert.That(report, Does.Contain("### Public API of Plaid.Generated\n\nNot reached (see above).\n"));
            Assert.That(report, Does.Not.Contain("### Draft CHANGELOG.md entry"));
            Assert.That(File.ReadAllText(copy.Fragment), Is.EqualTo(File.ReadAllText(PlaidHistoryTests.Fragment)), "the fragment is left as it was");
        }
    }

    [Test]
    public async Task Following_1_673_1_the_report_lists_each_change_the_bump_and_what_needs_a_person()
    {
        PlaidHistoryTests.RequireShared();
        using var files = new TemporaryFolder();
        var synced = Path.Combine(files.Path, "processor-balance-get.yaml");
        var extract = await SpecPair.RunAsync(["extract", "--upstream", PlaidHistoryTests.Older,
            .. PlaidHistoryTests.Operations.SelectMany(operation => new[] { "--operation", operation }), "--out", synced,
            "--descriptions-from", PlaidHistoryTests.Fragment]);
        Assert.That(extract.ExitCode, Is.Zero, extract.ToString());

        // What SpecSync records on the way, for a repository released at 1.0.0 (its baseline the current fragment).
        var contract = await ContractDiffCommand.DiffAsync(PlaidHistoryTests.Fragment, synced, GeneratedTypes.Load(SpecPair.RepositoryNswagJson));
        using var draft = new StringWriter { NewLine = "\n" };
        ReportWriter.Write(draft, contract, OutputFormat.Changelog, "3.0.0");
        var sync = new SyncReport
        {
            Upstream = "../shared/plaid-openapi/history/2020-09-14_1.673.1.yml",
            FragmentVersion = "2020-09-14_1.697.4",
            UpstreamVersion = "2020-09-14_1.673.1",
            Contract = contract,
            Released = ReleaseVersion.Parse("1.0.0", "VERSION"),
            Current = ReleaseVersion.Parse("3.0.0", "<Version>"),
            VersionSatisfied = true,
            PublicApiChange = ["The public API of Plaid.Generated changed.", "- public static Plaid.Generated.AccountSubtype Fhsa { get; }"],
            Undescribed = [],
            Changelog = draft.ToString(),
        };
        using var output = new StringWriter { NewLine = "\n" };

        sync.Write(output, new SyncResult(SyncOutcome.NeedsPerson, ["the public API changed: review the diff above and re-approve it"]));

        var report = output.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report, Does.StartWith("## Follow Plaid's spec `2020-09-14_1.673.1` (was `2020-09-14_1.697.4`)\n"));
            Assert.That(report, Does.Contain("### What needs a person\n\n- [ ] the public API changed: review the diff above and re-approve it\n"));
            Assert.That(report, Does.Contain("### Version bump\n\n**major**: breaking changes over the released 1.0.0 (`build/contract-baseline/VERSION`) "
                + "call for at least 2.0.0; `<Version>` is 3.0.0: satisfied.\n"));
            // Nine account subtypes and two error members are gone, and BASE_REPORT_ERROR and the same two members from the
            // token's error answer (breaking); IDENTITY_ERROR is back on both (non-breaking).
            Assert.That(report, Does.Contain("### Breaking changes: 14\n\n| Rule | Location | Change |\n|---|---|---|\n"));
            Assert.That(report, Does.Contain($"| `response.enum-value-removed` | `{Operation} 200 response: account.subtype` | account.subtype: enum value \"fhsa\" was removed |"));
            Assert.That(report, Does.Contain($"| `response.property-removed` | `{Operation} default response: required_account_subtypes` |"));
            Assert.That(report, Does.Contain($"### Non-breaking changes: 2\n\n| Rule | Location | Change |\n|---|---|---|\n"
                + $"| `response.enum-value-added` | `{Operation} default response: error_type` | error_type: enum value \"IDENTITY_ERROR\" was added |\n"
                + "| `response.enum-value-added` | `POST /sandbox/processor_token/create default response: error_type` | error_type: enum value \"IDENTITY_ERROR\" was added |\n"));
            Assert.That(report, Does.Contain("### Public API of Plaid.Generated\n\nChanged: re-approve it if intended.\n\n```\nThe public API of Plaid.Generated changed.\n"));
            Assert.That(report, Does.Contain("### Members that need a description\n\nNone.\n"));
            Assert.That(report, Does.Contain("### Draft CHANGELOG.md entry\n\n```markdown\n## 3.0.0\n\nGenerated from Plaid's spec `2020-09-14_1.673.1` (was `2020-09-14_1.697.4`).\n"));
            Assert.That(report, Does.EndWith("```\n"));
        }
    }
}
