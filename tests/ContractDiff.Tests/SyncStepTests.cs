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
