using BenchmarkDotNet.Running;
using Plaid.Generated.Benchmarks;

// --cold / --cold-once and --load are this program's own modes; anything else goes to BenchmarkDotNet.
return args switch
{
    ["--cold-once", var client] => await ColdStart.RunOnceAsync(client).ConfigureAwait(false),
    ["--cold", .. var rest] => await ColdStart.RunAsync(rest).ConfigureAwait(false),
    ["--load", .. var rest] => await LoadTest.RunAsync(rest).ConfigureAwait(false),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(ClientBenchmarks).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
