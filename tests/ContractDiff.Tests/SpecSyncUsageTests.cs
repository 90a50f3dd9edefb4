using System.Diagnostics;
using Plaid.Generated.Tests;

namespace ContractDiff.Tests;

/// <summary><c>build/sync-spec.sh</c> (a wrapper of <c>ContractDiff sync</c>) refusing what it cannot run, before it touches the fragment.</summary>
public sealed class SpecSyncUsageTests
{
    [TestCase(new string[0], "Required argument 'UPSTREAM' missing for command: 'sync'.", TestName = "No upstream file given")]
    [TestCase(new[] { "../shared/x.yml", "--no-restor" }, "'--no-restor' was not matched. Did you mean one of the following?\n--no-restore", TestName = "A misspelt flag")]
    [TestCase(new[] { "/nonexistent/2020-09-14.yml" }, "sync: extract failed, openapi/processor-balance-get.yaml is unchanged: cannot read /nonexistent/2020-09-14.yml", TestName = "An upstream file that is not there")]
    public void A_step_that_cannot_run_exits_2_and_leaves_the_fragment_alone(string[] arguments, string message)
    {
        var fragment = Path.Combine(RepositoryRoot.Path, "openapi", "processor-balance-get.yaml");
        var before = File.ReadAllText(fragment);

        var (exitCode, stdout, stderr) = Sync(arguments);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(2), stdout + stderr);
            Assert.That(stderr.ReplaceLineEndings("\n"), Does.Contain(message));
            Assert.That(File.ReadAllText(fragment), Is.EqualTo(before));
        }
    }

    [Test]
    public void Help_is_ContractDiffs_sync_help()
    {
        var (exitCode, stdout, _) = Sync(["--help"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(stdout, Does.Contain("sync <UPSTREAM> [options]").And.Contain("--no-restore"));
        }
    }

    private static (int ExitCode, string Stdout, string Stderr) Sync(string[] arguments)
    {
        var start = new ProcessStartInfo("bash", ["build/sync-spec.sh", .. arguments])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CONTRACT_DIFF_DLL"] = Path.Combine(AppContext.BaseDirectory, "ContractDiff.dll");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
