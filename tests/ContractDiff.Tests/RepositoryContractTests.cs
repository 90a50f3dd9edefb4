using Plaid.Generated.Tests;

namespace ContractDiff.Tests;

/// <summary>The tool applied to this repository's own contract files.</summary>
public sealed class RepositoryContractTests
{
    private static readonly string Fragment = Path.Combine(RepositoryRoot.Path, "openapi", "processor-balance-get.yaml");
    private static readonly string Baseline = Path.Combine(RepositoryRoot.Path, "build", "contract-baseline", "processor-balance-get.yaml");
    private static readonly string Upstream = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "plaid-openapi", "2020-09-14.yml"));
    private static readonly string[] Operations = [.. PlaidHistoryTests.Operations.SelectMany(operation => new[] { "--operation", operation })];

    [Test]
    public async Task The_fragment_matches_Plaids_published_spec_member_for_member()
    {
        RequireUpstream();

        var result = await SpecPair.RunAsync("drift", "--fragment", Fragment, "--upstream", Upstream, "--format", "json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Disagreements, Is.Empty, "the fragment contradicts upstream");
            Assert.That(result.Omissions, Is.Empty, "the fragment leaves out members upstream has");
        }
    }

    [Test]
    public async Task Extracting_Plaids_spec_with_our_descriptions_gives_the_committed_fragment_byte_for_byte()
    {
        RequireUpstream();
        using var files = new TemporaryFolder();
        var output = Path.Combine(files.Path, "fragment.yaml");

        var result = await SpecPair.RunAsync(["extract", "--upstream", Upstream, .. Operations, "--out", output, "--descriptions-from", Fragment]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Stdout, Does.Not.Contain("new, write a description"), "every member of the fragment has our description");
            Assert.That(result.Stdout, Does.Not.Contain("new, decide"), "every operation of the fragment says whether it is safe to repeat");
            Assert.That(await File.ReadAllTextAsync(output), Is.EqualTo(await File.ReadAllTextAsync(Fragment)));
        }
    }

    [Test]
    public async Task Extracting_Plaids_spec_without_descriptions_gives_the_committed_structure()
    {
        RequireUpstream();
        using var files = new TemporaryFolder();
        var output = Path.Combine(files.Path, "fragment.yaml");
        await SpecPair.RunAsync(["extract", "--upstream", Upstream, .. Operations, "--out", output]);

        var result = await SpecPair.RunAsync("--old", Fragment, "--new", output, "--format", "json", "--nswag", SpecPair.RepositoryNswagJson);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Breaking, Is.Empty, result.ToString());
            Assert.That(result.NonBreaking, Is.Empty, result.ToString());
            Assert.That(await File.ReadAllTextAsync(output), Does.Not.Contain("Plaid's unique identifier"), "no upstream prose");
        }
    }

    [Test]
    public async Task Against_the_released_baseline_the_token_operation_is_a_minor_change_listed_as_added()
    {
        var text = await SpecPair.RunAsync("--old", Baseline, "--new", Fragment, "--nswag", SpecPair.RepositoryNswagJson);
        var changelog = await SpecPair.RunAsync("--old", Baseline, "--new", Fragment, "--format", "changelog", "--library-version", "3.0.0");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.ExitCode, Is.EqualTo(ContractDiffCommand.NoBreakingChange), text.ToString());
            Assert.That(text.Stdout, Does.Contain("Breaking changes: none\nNon-breaking changes: 1\n  [path.added] /sandbox/processor_token/create\n"));
            Assert.That(text.Stdout, Does.Contain("Version bump: minor"));
            Assert.That(changelog.Stdout, Does.Contain("### Added\n\n- path /sandbox/processor_token/create was added").And.Not.Contain("### Changed"));
        }
    }

    [Test]
    public async Task Removing_account_id_from_the_fragment_is_breaking_and_says_where()
    {
        var spec = await File.ReadAllTextAsync(Fragment);
        var withoutAccountId = SpecPair.Edit(
            spec,
            ("        account_id:\n          type: string\n          description: Plaid's identifier of the account.\n", ""),
            ("        - account_id\n", ""));

        var result = await SpecPair.DiffAsync(spec, withoutAccountId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ContractDiffCommand.BreakingChange));
            Assert.That(result.Breaking, Does.Contain(new Finding(
                "response.property-removed",
                "POST /processor/balance/get 200 response: account.account_id",
                "property account.account_id was removed")));
        }
    }

    [Test]
    public async Task The_fragment_has_no_breaking_change_against_the_released_baseline()
    {
        var result = await SpecPair.RunAsync("--old", Baseline, "--new", Fragment, "--format", "json");

        Assert.That(result.Breaking, Is.Empty, result.ToString());
    }

    [Test]
    public void The_tools_readme_lists_every_rule_as_the_tool_judges_it()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "build", "ContractDiff", "README.md"));

        Assert.Multiple(() =>
        {
            foreach (var (_, rule) in Rules.All)
            {
                Assert.That(readme, Does.Contain($"| `{rule.Name}` | {(rule.Breaking ? "breaking" : "non-breaking")} |"));
            }
        });
    }

    /// <summary>Skips without ../shared, except in CI, where its absence is a failure rather than a pass.</summary>
    private static void RequireUpstream()
    {
        if (File.Exists(Upstream))
        {
            return;
        }

        var message = $"Plaid's published spec is not at {Upstream} (../shared is absent here)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{message}; CI=true requires it.");
        }

        Assert.Ignore($"{message}; the comparison with upstream is skipped.");
    }
}
