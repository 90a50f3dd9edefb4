using System.Diagnostics;
using Plaid.Generated.Tests;

namespace ContractDiff.Tests;

/// <summary>
/// <c>bash build/sync-spec.sh</c> in a copy of the repository (only what the client, its tests and the sync need):
/// back to Plaid's spec of 2025-11-12 and forward again, building the client and running its tests at both.
/// </summary>
[NonParallelizable]
public sealed class SpecSyncRoundTripTests
{
    private static readonly string[] Files =
    [
        "Plaid.Generated.sln", "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "nswag.json",
        "build/Directory.Build.props", "build/Plaid.Generated.CodeGen.targets", "build/sync-spec.sh", "tests/Directory.Build.props",
        "tests/Directory.Build.targets", "src/Directory.Build.props", "src/Directory.Build.targets", "src/NetStandardApis.cs",
    ];

    private static readonly string[] Folders =
    [
        "openapi", "build/templates", "build/contract-baseline", "build/ContractDiff", "src/Plaid.Generated", "tests/Plaid.Generated.Tests",
    ];

    // The client's tests of what the spec shapes: the wire, parsing, errors, validation and the enums. The tests that
    // build further copies of the library (code generation, a second operation) are left to the client's own run.
    private const string ClientTests = "FullyQualifiedName~PlaidClient|FullyQualifiedName~ExtensibleEnumTests";

    private string _copy = null!;

    [OneTimeSetUp]
    public void CopyRepository()
    {
        PlaidHistoryTests.RequireShared();
        _copy = Directory.CreateTempSubdirectory("plaid-sync-").FullName;
        foreach (var file in Files.Where(file => File.Exists(Path.Combine(RepositoryRoot.Path, file))))
        {
            CopyFile(file);
        }

        foreach (var folder in Folders)
        {
            var root = Path.Combine(RepositoryRoot.Path, folder);
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                         .Where(file => !Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
            {
                CopyFile(Path.GetRelativePath(RepositoryRoot.Path, file));
            }
        }

        var (restore, output) = Run("dotnet", "restore", "tests/Plaid.Generated.Tests/Plaid.Generated.Tests.csproj", "-v:q", "-nologo");
        Assert.That(restore, Is.Zero, output);
    }

    [OneTimeTearDown]
    public void DeleteCopy()
    {
        if (_copy is not null && Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }

    [Test]
    public void Syncing_to_1_673_1_and_back_gives_the_committed_fragment_and_the_client_passes_its_tests_at_both()
    {
        var fragment = Path.Combine(_copy, "openapi", "processor-balance-get.yaml");
        var committed = File.ReadAllText(PlaidHistoryTests.Fragment);

        var (backExit, back) = Sync(PlaidHistoryTests.Older);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(backExit, Is.EqualTo(1), back);
            Assert.That(File.ReadAllText(fragment), Does.Contain("version: 2020-09-14_1.673.1").And.Contain("- IDENTITY_ERROR\n"));
            Assert.That(back, Does.Contain("Version bump: major").And.Contain("The public API of Plaid.Generated changed."));
            Assert.That(back, Does.Contain("sync: needs a person:").And.Contain("the public API changed"));
            Assert.That(back, Does.Contain("PLAID_APPROVE_PUBLIC_API=1 dotnet test tests/Plaid.Generated.Tests"), "the re-approve command");
            Assert.That(back, Does.Contain("== Draft CHANGELOG.md entry\n## "));
        }

        var (olderTests, olderLog) = Run("dotnet", "test", "tests/Plaid.Generated.Tests", "--no-build", "-nologo", "--filter", ClientTests);
        AssertClientTestsPassed(olderTests, olderLog, "1.673.1");

        var (forwardExit, forward) = Sync(PlaidHistoryTests.Current);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(fragment), Is.EqualTo(committed), "back at 1.697.4 the fragment is the committed one, byte for byte");
            Assert.That(forward, Does.Contain("Members that need a description").And.Contain("public API: equal to the approved file"));
            Assert.That(forward, Does.Contain("Breaking changes: none").And.Contain("Non-breaking changes: none"));
            Assert.That(forwardExit, Is.Zero, forward);
        }

        var (currentTests, currentLog) = Run("dotnet", "test", "tests/Plaid.Generated.Tests", "--no-build", "-nologo", "--filter", ClientTests);
        AssertClientTestsPassed(currentTests, currentLog, "1.697.4");
    }

    private static void AssertClientTestsPassed(int exitCode, string log, string version)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, $"the client's tests at {version}:\n{log}");
            Assert.That(log, Does.Match(@"Passed!\s+- Failed:\s+0, Passed:\s+[1-9][0-9]"), $"some of the client's tests ran at {version}:\n{log}");
        }
    }

    private (int ExitCode, string Output) Sync(string upstream)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "ContractDiff.dll");
        return Run("bash", ["build/sync-spec.sh", upstream], ("CONTRACT_DIFF_DLL", tool), ("SYNC_BUILD_ARGS", "--no-restore"));
    }

    private (int ExitCode, string Output) Run(string program, params string[] arguments) => Run(program, arguments, []);

    private (int ExitCode, string Output) Run(string program, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = _copy,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    private void CopyFile(string relativePath)
    {
        var target = Path.Combine(_copy, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(RepositoryRoot.Path, relativePath), target);
    }
}
