namespace ContractDiff.Tests;

/// <summary>
/// <c>bash build/sync-spec.sh</c> in one copy of the repository, restored once and reset before each test: a round trip
/// between Plaid's last two specs, and syncs from three older eras of it.
/// </summary>
[NonParallelizable]
[Category("Slow")] // builds and tests a restored copy of the repository per era: the slow tier (README, "Tests in tiers")
public sealed partial class SpecSyncTests
{
    // The client's tests of what the spec shapes: the wire, parsing, errors, validation and the enums. The tests that
    // build further copies of the library (code generation, a second operation) are left to the client's own run.
    private const string ClientTests = "FullyQualifiedName~PlaidClient|FullyQualifiedName~ExtensibleEnumTests";

    private const string Reapprove = "PLAID_APPROVE_PUBLIC_API=1 dotnet test tests/Plaid.Generated.Tests";

    private RepositoryCopy _copy = null!;

    [OneTimeSetUp]
    public void CopyRepository()
    {
        PlaidHistoryTests.RequireShared();
        _copy = new RepositoryCopy();
        _copy.Restore();
    }

    [OneTimeTearDown]
    public void DeleteCopy() => _copy?.Dispose();

    [SetUp]
    public void ResetCopy() => _copy.Reset();

    private void AssertClientTestsPass(string version)
    {
        var (exitCode, log) = _copy.Run("dotnet", "test", "tests/Plaid.Generated.Tests", "--no-build", "-nologo", "--filter", ClientTests);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, $"the client's tests at {version}:\n{log}");
            Assert.That(log, Does.Match(@"Passed!\s+- Failed:\s+0, Passed:\s+[1-9][0-9]"), $"some of the client's tests ran at {version}:\n{log}");
        }
    }
}
