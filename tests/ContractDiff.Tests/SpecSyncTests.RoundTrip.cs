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
            // The released baseline (1.0.0) predates the token operation: its path is the one change, non-breaking.
            Assert.That(forward, Does.Contain("Breaking changes: none").And.Contain(
                "Non-breaking changes: 1\n  [path.added] /sandbox/processor_token/create\n      path /sandbox/processor_token/create was added\nVersion bump: minor\n"));
            Assert.That(forward, Does.Contain("### Added\n\n- path /sandbox/processor_token/create was added"));
            Assert.That(forwardExit, Is.Zero, forward);
        }

        AssertClientTestsPass("1.697.4");
    }

    [Test]
    public void Sync_follows_every_operation_of_the_fragment_and_one_without_x_idempotent_needs_a_person()
    {
        var committed = File.ReadAllText(PlaidHistoryTests.Fragment);
        File.WriteAllText(_copy.Fragment, committed.Replace("      x-idempotent: false\n", "", StringComparison.Ordinal));

        var (exitCode, output) = _copy.Sync(PlaidHistoryTests.Current);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("== Extract POST /processor/balance/get, POST /sandbox/processor_token/create from "));
            Assert.That(output, Does.Contain("2 operation(s)"));
            Assert.That(output, Does.Contain(
                "new, decide whether it is safe to repeat (x-idempotent: true or false): paths/[/sandbox/processor_token/create]/post\n"));
            Assert.That(output, Does.Contain("sync: needs a person:\n  - 1 operation(s) do not say whether they are safe to repeat: write x-idempotent: "
                + "true or false on paths/[/sandbox/processor_token/create]/post in openapi/processor-balance-get.yaml"));
            Assert.That(File.ReadAllText(_copy.Fragment), Does.Contain("      x-idempotent: true\n").And.Not.Contain("x-idempotent: false"),
                "the balance keeps its decision; the token's is the person's to write");
        }
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
