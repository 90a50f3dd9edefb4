namespace ContractDiff.Tests;

public sealed partial class SpecSyncTests
{
    [Test]
    public void Syncing_to_1_673_1_and_back_gives_the_committed_fragment_and_the_client_passes_its_tests_at_both()
    {
        var committed = File.ReadAllText(PlaidHistoryTests.Fragment);

        var (backExit, back) = _copy.Sync(PlaidHistoryTests.Older);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(backExit, Is.EqualTo(1), back);
            Assert.That(File.ReadAllText(_copy.Fragment), Does.Contain("version: 2020-09-14_1.673.1").And.Contain("- IDENTITY_ERROR\n"));
            Assert.That(back, Does.Contain("Version bump: major").And.Contain("The public API of Plaid.Generated changed."));
            Assert.That(back, Does.Contain("sync: needs a person:").And.Contain("the public API changed"));
            Assert.That(back, Does.Contain(Reapprove), "the re-approve command");
            Assert.That(back, Does.Contain("== Draft CHANGELOG.md entry\n## "));
        }

        AssertClientTestsPass("1.673.1");

        var (forwardExit, forward) = _copy.Sync(PlaidHistoryTests.Current);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(_copy.Fragment), Is.EqualTo(committed), "back at 1.697.4 the fragment is the committed one, byte for byte");
            Assert.That(forward, Does.Contain("Members that need a description").And.Contain("public API: equal to the approved file"));
            Assert.That(forward, Does.Contain("Breaking changes: none").And.Contain("Non-breaking changes: none"));
            Assert.That(forwardExit, Is.Zero, forward);
        }

        AssertClientTestsPass("1.697.4");
    }

    [Test]
    public void A_client_that_does_not_build_is_a_step_that_cannot_run_shown_with_the_compilers_first_error()
    {
        var broken = Path.Combine(_copy.Path, "src", "Plaid.Generated", "Broken.cs");
        File.WriteAllText(broken, "namespace Plaid.Generated;\n\ninternal static class Broken\n{\n    internal const int Value = \"text\";\n}\n");
        try
        {
            var (exitCode, output) = _copy.Sync(PlaidHistoryTests.Current);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(exitCode, Is.EqualTo(2), output);
                Assert.That(output, Does.Contain("sync: the client does not build from the new spec; the first error: "
                    + "src/Plaid.Generated/Broken.cs(5,32): error CS0029: Cannot implicitly convert type 'string' to 'int'\n"));
                Assert.That(output, Does.Not.Contain("== Contract diff"), "no later step runs");
            }
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
