using Plaid.Generated.Tests;

namespace ContractDiff.Tests;

/// <summary>
/// Following Plaid from its spec of 2025-11-12 (2020-09-14_1.673.1) to the current one (2020-09-14_1.697.4),
/// as a maintainer would: the list of changes below was written by reading both files. Both operations of the fragment
/// are extracted, as sync does.
/// </summary>
public sealed class PlaidHistoryTests
{
    private const string Operation = "POST /processor/balance/get";
    private const string Success = $"{Operation} 200 response";
    private const string Error = $"{Operation} default response";
    private const string SandboxError = "POST /sandbox/processor_token/create default response";

    /// <summary>The fragment's operations, as sync extracts them; both answer errors with PlaidError, so its changes show on each.</summary>
    internal static readonly string[] Operations = [Operation, "POST /sandbox/processor_token/create"];

    internal static readonly string Current = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "plaid-openapi", "2020-09-14.yml"));
    internal static readonly string Older = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "plaid-openapi", "history", "2020-09-14_1.673.1.yml"));
    internal static readonly string Fragment = Path.Combine(RepositoryRoot.Path, "openapi", "processor-balance-get.yaml");

    private static readonly Finding[] ExpectedBreaking =
    [
        new("response.enum-value-removed", Error + ": error_type", "error_type: enum value \"IDENTITY_ERROR\" was removed"),
        new("response.enum-value-removed", SandboxError + ": error_type", "error_type: enum value \"IDENTITY_ERROR\" was removed"),
    ];

    private static readonly Finding[] ExpectedNonBreaking =
    [
        .. new[] { "fhsa", "limited purpose checking", "qshr", "roth 403B", "roth 457b", "roth pension", "roth profit sharing plan", "roth thrift savings plan" }
            .Select(subtype => new Finding("response.enum-value-added", Success + ": account.subtype", $"account.subtype: enum value \"{subtype}\" was added")),
        .. new[] { Error, SandboxError }.SelectMany(error => new Finding[]
        {
            new("response.enum-value-added", error + ": error_type", "error_type: enum value \"BASE_REPORT_ERROR\" was added"),
            new("response.property-added", error + ": provided_account_subtypes", "optional property provided_account_subtypes was added"),
            new("response.property-added", error + ": required_account_subtypes", "optional property required_account_subtypes was added"),
        }),
    ];

    [Test]
    public async Task From_1_673_1_to_1_697_4_the_operation_changes_exactly_so_and_calls_for_a_major_version()
    {
        RequireShared();
        using var files = new TemporaryFolder();
        var older = await ExtractAsync(Older, Path.Combine(files.Path, "1.673.1.yaml"));
        var current = await ExtractAsync(Current, Path.Combine(files.Path, "1.697.4.yaml"));

        var json = await SpecPair.RunAsync("--old", older, "--new", current, "--format", "json", "--nswag", SpecPair.RepositoryNswagJson);
        var text = await SpecPair.RunAsync("--old", older, "--new", current, "--nswag", SpecPair.RepositoryNswagJson);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.Breaking, Is.EqualTo(ExpectedBreaking), json.ToString());
            Assert.That(json.NonBreaking, Is.EquivalentTo(ExpectedNonBreaking), json.ToString());
            Assert.That(json.ExitCode, Is.EqualTo(ContractDiffCommand.BreakingChange));
            Assert.That(text.Stdout, Does.Contain("Version bump: major"));
        }
    }

    [Test]
    public async Task Going_back_from_1_697_4_to_1_673_1_reverses_every_change()
    {
        RequireShared();
        using var files = new TemporaryFolder();
        var older = await ExtractAsync(Older, Path.Combine(files.Path, "1.673.1.yaml"));

        var result = await SpecPair.RunAsync("--old", Fragment, "--new", older, "--format", "json", "--nswag", SpecPair.RepositoryNswagJson);

        using (Assert.EnterMultipleScope())
        {
            // Nine values and two members disappear (breaking), BASE_REPORT_ERROR and the two members from the token's error
            // answer too; IDENTITY_ERROR comes back on both (non-breaking).
            Assert.That(result.Breaking.Select(finding => finding.Rule), Has.Exactly(10).EqualTo("response.enum-value-removed").And.Exactly(4).EqualTo("response.property-removed"));
            Assert.That(result.Breaking, Has.Count.EqualTo(14));
            Assert.That(result.NonBreaking, Is.EqualTo(new[]
            {
                new Finding("response.enum-value-added", Error + ": error_type", "error_type: enum value \"IDENTITY_ERROR\" was added"),
                new Finding("response.enum-value-added", SandboxError + ": error_type", "error_type: enum value \"IDENTITY_ERROR\" was added"),
            }));
        }
    }

    [Test]
    public async Task The_changelog_draft_names_the_spec_versions_and_groups_the_changes()
    {
        RequireShared();
        using var files = new TemporaryFolder();
        var older = await ExtractAsync(Older, Path.Combine(files.Path, "1.673.1.yaml"));

        var result = await SpecPair.RunAsync("--old", older, "--new", Fragment, "--format", "changelog", "--library-version", "2.0.0");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stdout, Does.StartWith("## 2.0.0\n\nGenerated from Plaid's spec `2020-09-14_1.697.4` (was `2020-09-14_1.673.1`).\n"));
            Assert.That(result.Stdout, Does.Contain("### Breaking\n\n- error_type: enum value \"IDENTITY_ERROR\" was removed (POST /processor/balance/get default response)\n"));
            Assert.That(result.Stdout, Does.Contain("### Added\n\n- account.subtype: enum value \"fhsa\" was added (POST /processor/balance/get 200 response)\n"));
            Assert.That(result.Stdout, Does.Not.Contain("### Changed"));
        }
    }

    internal static void RequireShared()
    {
        if (File.Exists(Current) && File.Exists(Older))
        {
            return;
        }

        var message = $"Plaid's published specs are not at {Current} and {Older} (../shared is absent here)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{message}; CI=true requires them.");
        }

        Assert.Ignore(message);
    }

    private static async Task<string> ExtractAsync(string upstream, string output)
    {
        var result = await SpecPair.RunAsync(
            ["extract", "--upstream", upstream, .. Operations.SelectMany(operation => new[] { "--operation", operation }), "--out", output, "--descriptions-from", Fragment]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return output;
    }
}
