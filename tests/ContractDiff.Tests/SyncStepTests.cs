using ContractDiff.Sync;

namespace ContractDiff.Tests;

/// <summary>The sync's typed steps that need no build: the version a change calls for, and the compiler's first error.</summary>
public sealed class SyncStepTests
{
    [TestCase("1.4.2", VersionBump.Major, "2.0.0", "2.0.0", true)]
    [TestCase("1.4.2", VersionBump.Major, "1.9.0", "2.0.0", false)]
    [TestCase("1.4.2", VersionBump.Minor, "1.5.0", "1.5.0", true)]
    [TestCase("1.4.2", VersionBump.Minor, "1.4.9", "1.5.0", false)]
    [TestCase("1.4.2", VersionBump.Minor, "2.0.0-beta.1", "1.5.0", true)]
    [TestCase("1.4.2", VersionBump.Patch, "1.4.3", "1.4.3", true)]
    [TestCase("1.4.2", VersionBump.Patch, "1.4.2", "1.4.3", false)]
    [TestCase("1.4.2-rc.1", VersionBump.Patch, "1.4.2", "1.4.3", true)]
    public void The_version_a_bump_calls_for_and_whether_Version_makes_it(string released, VersionBump bump, string current, string next, bool satisfied)
    {
        var baseline = ReleaseVersion.Parse(released, "VERSION");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(baseline.Next(bump).ToString(), Is.EqualTo(next));
            Assert.That(baseline.IsSatisfiedBy(ReleaseVersion.Parse(current, "<Version>"), bump), Is.EqualTo(satisfied));
        }
    }

    [TestCase("")]
    [TestCase("2.0")]
    [TestCase("v2.0.0")]
    [TestCase("2.0.0.1")]
    public void A_version_that_is_not_MAJOR_MINOR_PATCH_is_a_step_that_cannot_run(string text)
    {
        var error = Assert.Throws<SyncStepException>(() => ReleaseVersion.Parse(text, "<Version> of src/X.csproj"));

        Assert.That(error!.Message, Is.EqualTo($"<Version> of src/X.csproj is '{text}', not a version MAJOR.MINOR.PATCH"));
    }

    [Test]
    public void A_build_failure_shows_the_compilers_first_error_relative_to_the_repository()
    {
        const string Output = """
              Determining projects to restore...
            /repo/src/Plaid.Generated/PlaidApiException.cs(12,20): error CS0246: The type or namespace name 'PlaidError' could not be found [/repo/src/Plaid.Generated/Plaid.Generated.csproj]
            /repo/src/Plaid.Generated/PlaidClient.Errors.cs(8,9): error CS0246: The type or namespace name 'PlaidError' could not be found [/repo/src/Plaid.Generated/Plaid.Generated.csproj]
            """;

        Assert.That(DotnetProcess.FirstError(Output, "/repo"),
            Is.EqualTo("src/Plaid.Generated/PlaidApiException.cs(12,20): error CS0246: The type or namespace name 'PlaidError' could not be found"));
    }
}

/// <summary>The report's parts a maintainer reads when the sync needs them: compiler errors by file, dropped comments, the help command.</summary>
public sealed class SyncNeedsPersonTests
{
    private const string TestBuildOutput = """
          Determining projects to restore...
        /repo/tests/Plaid.Generated.Tests/PlaidClientTests.Parsing.cs(40,31): error CS0117: 'Account' does not contain a definition for 'HolderCategory' [/repo/tests/Plaid.Generated.Tests/Plaid.Generated.Tests.csproj]
        /repo/tests/Plaid.Generated.Tests/PlaidClientTests.Parsing.cs(88,12): error CS0246: The type or namespace name 'AccountHolderCategory' could not be found [/repo/tests/Plaid.Generated.Tests/Plaid.Generated.Tests.csproj]
        /repo/tests/Plaid.Generated.Tests/PlaidClientTests.StrictJson.cs(12,5): error CS0117: 'VerificationInsights' does not contain a definition for 'NameMatchScore' [/repo/tests/Plaid.Generated.Tests/Plaid.Generated.Tests.csproj]
        /repo/tests/Plaid.Generated.Tests/PlaidClientTests.Parsing.cs(40,31): error CS0117: 'Account' does not contain a definition for 'HolderCategory' [/repo/tests/Plaid.Generated.Tests/Plaid.Generated.Tests.csproj]
        Build FAILED.
        """;

    [Test]
    public void Every_compiler_error_is_listed_once_grouped_by_file()
    {
        var errors = DotnetProcess.CompilerErrorsByFile(TestBuildOutput, "/repo");

        Assert.That(errors.Select(file => file.File), Is.EqualTo(new[]
        {
            "tests/Plaid.Generated.Tests/PlaidClientTests.Parsing.cs", "tests/Plaid.Generated.Tests/PlaidClientTests.StrictJson.cs",
        }));
        Assert.That(errors[0].Errors, Is.EqualTo(new[]
        {
            "(40,31): error CS0117: 'Account' does not contain a definition for 'HolderCategory'",
            "(88,12): error CS0246: The type or namespace name 'AccountHolderCategory' could not be found",
        }));
        Assert.That(errors[1].Errors, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_build_failure_without_compiler_errors_has_none_to_list()
    {
        Assert.That(DotnetProcess.CompilerErrorsByFile("error NU1101: Unable to find package X.\nBuild FAILED.", "/repo"), Is.Empty);
    }

    [Test]
    public void Tests_that_do_not_compile_need_a_person_and_the_report_lists_each_error_under_its_file()
    {
        using var report = new StringWriter();

        var reason = SpecSync.TestsDoNotCompile(report, DotnetProcess.CompilerErrorsByFile(TestBuildOutput, "/repo"), "tests/Plaid.Generated.Tests");

        Assert.That(reason, Does.StartWith("the repository's own tests do not compile after the sync (3 error(s) in 2 file(s)"));
        Assert.That(report.ToString().ReplaceLineEndings("\n"), Does.Contain("""
            tests/Plaid.Generated.Tests does not compile against the new client (3 error(s) in 2 file(s)); the public API diff is shown once they are fixed:
              tests/Plaid.Generated.Tests/PlaidClientTests.Parsing.cs
                (40,31): error CS0117: 'Account' does not contain a definition for 'HolderCategory'
                (88,12): error CS0246: The type or namespace name 'AccountHolderCategory' could not be found
              tests/Plaid.Generated.Tests/PlaidClientTests.StrictJson.cs
                (12,5): error CS0117: 'VerificationInsights' does not contain a definition for 'NameMatchScore'
            """));
    }

    [Test]
    public void A_needs_person_outcome_is_exit_code_1_and_a_step_that_could_not_run_is_2()
    {
        Assert.That((int)SyncOutcome.NeedsPerson, Is.EqualTo(1));
        Assert.That((int)SyncOutcome.StepFailed, Is.EqualTo(2));
    }

    [Test]
    public void A_maintainers_comment_dropped_by_the_cut_is_named_in_the_report()
    {
        const string Before = "# Cut from Plaid's spec\nopenapi: 3.0.0\npaths:\n  # keep this in step with the partial class\n  /processor/balance/get: {}\n";
        const string After = "# Cut from Plaid's spec\nopenapi: 3.0.0\npaths:\n  /processor/balance/get: {}\n";
        using var report = new StringWriter();

        var reason = SpecSync.DroppedComments(report, Before, After, "openapi/processor-balance-get.yaml");

        Assert.That(reason, Does.Contain("1 hand-written comment line(s) of openapi/processor-balance-get.yaml were dropped"));
        Assert.That(report.ToString(), Does.Contain("the fragment is this tool's output").And.Contain("  # keep this in step with the partial class"));
        Assert.That(report.ToString(), Does.Not.Contain("# Cut from Plaid's spec"), "the tool's own header is kept, not reported");
    }

    [Test]
    public void Comments_the_cut_keeps_are_not_reported()
    {
        using var report = new StringWriter();

        Assert.That(SpecSync.DroppedComments(report, "# a\nx: 1\n", "# a\nx: 2\n", "f.yaml"), Is.Null);
        Assert.That(report.ToString(), Is.Empty);
    }

    [TestCase("sync", "bash build/sync-spec.sh --help")]
    [TestCase("drift", "dotnet run --project build/ContractDiff -- drift --help")]
    public void The_usage_hint_names_a_command_that_runs_from_the_repository_root(string verb, string hint)
    {
        Assert.That(ContractDiffCommand.HelpCommand(new System.CommandLine.Command(verb)), Is.EqualTo(hint));
    }
}
