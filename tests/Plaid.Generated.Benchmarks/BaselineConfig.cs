using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Plaid.Generated.Benchmarks;

/// <summary>
/// The jobs of a run: this build of the library, and, when <c>PLAID_BASELINE_DIR</c> names a folder that
/// build-baseline.sh filled, the same benchmarks compiled against the previous release's assembly, in the same run.
/// </summary>
internal sealed class BaselineConfig : ManualConfig
{
    public const string BaselineDirectoryVariable = "PLAID_BASELINE_DIR";

    public BaselineConfig()
    {
        // PLAID_BENCH_SHORT=1: BenchmarkDotNet's short run (3 iterations) for both jobs, for a quick look; the default otherwise.
        var job = Environment.GetEnvironmentVariable("PLAID_BENCH_SHORT") == "1" ? Job.ShortRun : Job.Default;
        AddJob(job.WithId("current"));
        if (Environment.GetEnvironmentVariable(BaselineDirectoryVariable) is { Length: > 0 } directory)
        {
            var name = Path.GetFileName(directory.TrimEnd('/'));
            AddJob(job.WithId($"release {name}").WithArguments([new MsBuildArgument($"/p:PlaidBaselineDirectory={directory}")]));
        }
    }
}
