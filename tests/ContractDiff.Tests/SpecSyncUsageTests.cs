using System.Diagnostics;
using Plaid.Generated.Tests;

namespace ContractDiff.Tests;

/// <summary><c>build/sync-spec.sh</c> refusing what it cannot run, before it touches the fragment.</summary>
public sealed class SpecSyncUsageTests
{
    [TestCase(new string[0], "usage: bash build/sync-spec.sh UPSTREAM_FILE", TestName = "No upstream file given")]
    [TestCase(new[] { "/nonexistent/2020-09-14.yml" }, "sync: extract failed, openapi/processor-balance-get.yaml is unchanged", TestName = "An upstream file that is not there")]
    public void A_step_that_cannot_run_exits_2_and_leaves_the_fragment_alone(string[] arguments, string message)
    {
        var fragment = Path.Combine(RepositoryRoot.Path, "openapi", "processor-balance-get.yaml");
        var before = File.ReadAllText(fragment);
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

        using (Assert.EnterMultipleScope())
        {
            Assert.That(process.ExitCode, Is.EqualTo(2), stdout.Result + stderr);
            Assert.That(stderr, Does.Contain(message));
            Assert.That(File.ReadAllText(fragment), Is.EqualTo(before));
        }
    }
}
