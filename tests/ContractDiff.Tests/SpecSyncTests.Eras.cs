using System.Text.RegularExpressions;
using Plaid.Generated.Tests;

namespace ContractDiff.Tests;

/// <summary>
/// Syncs from three older eras of Plaid's spec, none of which gives the operation an error response. From 1.496.0 and
/// 1.627.4 the client builds (PlaidError is carried anyway) and the round trip's checks pass, but for the client's
/// tests that use members the era lacks (named below); 1.40.3 has no PlaidError, and sync says so before building.
/// </summary>
public sealed partial class SpecSyncTests
{
    // The draft entry is for <Version> when it makes the major bump these eras call for: the one the repository sets.
    private static string RepositoryVersion =>
        Regex.Match(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

    [TestCase("1.496.0", new[]
    {
        // account.holder_category (AccountHolderCategory) and verification_insights.name_match_score came later.
        "PlaidClientTests.Parsing.cs: Unknown_enum_values_are_values_not_errors",
        "PlaidClientTests.Parsing.cs: Verification_insights_parse",
        "PlaidClientTests.StrictJson.cs: Integer_and_boolean_members_take_only_their_own_json_type",
    })]
    [TestCase("1.627.4", new string[0])]
    public void From_an_older_era_the_client_builds_and_passes_its_tests_but_those_using_members_the_era_lacks(string version, string[] lacking)
    {
        var upstream = _copy.Upstream(Era(version));

        var (firstExit, first) = _copy.Sync(upstream);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(_copy.Fragment), Does.Contain($"version: 2020-09-14_{version}\n").And.Contain("\n    PlaidError:\n"));
            Assert.That(first, Does.Contain("built (src/Plaid.Generated/obj/Generated/PlaidClient.g.cs regenerated)"), "the client builds");
            if (lacking.Length > 0)
            {
                Assert.That(firstExit, Is.EqualTo(1), first);
                Assert.That(first, Does.Contain("tests/Plaid.Generated.Tests does not compile against the new client").And.Contain(": error CS"));
                Assert.That(first, Does.Contain("the repository's own tests do not compile after the sync"));
                Assert.That(first, Does.Contain("== Draft CHANGELOG.md entry"), "the rest of the report is written");
            }
        }

        var removed = TestsLackingMembers.Remove(_copy);
        Assert.That(removed, Is.EquivalentTo(lacking), "the client's tests that use members this era lacks");

        var (exitCode, output) = lacking.Length > 0 ? _copy.Sync(upstream) : (firstExit, first);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("Version bump: major").And.Contain("The public API of Plaid.Generated changed."));
            Assert.That(output, Does.Contain("sync: needs a person:").And.Contain("the public API changed"));
            Assert.That(output, Does.Contain(Reapprove), "the re-approve command");
            Assert.That(output, Does.Contain($"== Draft CHANGELOG.md entry\n## {RepositoryVersion}\n\nGenerated from Plaid's spec `2020-09-14_{version}`"));
        }

        AssertClientTestsPass(version);
    }

    [Test]
    public void From_1_40_3_which_calls_the_error_object_Error_sync_exits_1_saying_so_and_leaves_the_fragment()
    {
        var upstream = _copy.Upstream(Era("1.40.3"));

        var (exitCode, output) = _copy.Sync(upstream);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("sync: needs a person:\n  - ../shared/2020-09-14_1.40.3.yml (2020-09-14_1.40.3) has no components/schemas/PlaidError, "
                + "which the hand-written code in src/Plaid.Generated is built on (PlaidApiException.cs, PlaidClient.Errors.cs)"));
            Assert.That(output, Does.Contain("Upstream's error object is named Error there: to follow this spec, rename PlaidError to it"));
            Assert.That(output, Does.Not.Contain("== Regenerate and build").And.Not.Contain("error CS"), "no build, so no compiler error");
            Assert.That(File.ReadAllText(_copy.Fragment), Is.EqualTo(File.ReadAllText(PlaidHistoryTests.Fragment)), "the fragment is left as it was");
        }
    }

    private static string Era(string version)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "plaid-openapi", "history", $"2020-09-14_{version}.yml.gz"));
        if (!File.Exists(path))
        {
            PlaidHistoryTests.RequireShared(); // fails under CI=true, else skips, when ../shared is absent
            Assert.Fail($"{path} is missing from ../shared");
        }

        return path;
    }
}
