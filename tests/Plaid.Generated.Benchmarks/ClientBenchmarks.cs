using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Plaid.Generated.Benchmarks;

/// <summary>
/// One call per operation through each client over the same in-memory stub: the client's own cost
/// (build the request as a caller would, serialize, headers, send through HttpClient, read, deserialize),
/// with Floor as the baseline of each category.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[Config(typeof(BaselineConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ClientBenchmarks : IDisposable
{
    private const string Success = "Success";
    private const string Error = "Error";
    private const string WithOptions = "WithOptions";

    private readonly Clients _ok = Clients.InMemory(HttpStatusCode.OK, Payloads.Success);
    private readonly Clients _failing = Clients.InMemory(HttpStatusCode.BadRequest, Payloads.Error);

    [Benchmark(Baseline = true), BenchmarkCategory(Success)]
    public Task<FloorResponse> Floor() => _ok.Floor.ProcessorBalanceGetAsync(Clients.FloorRequest());

    [Benchmark, BenchmarkCategory(Success)]
    public Task<FloorResponse> FloorSystemTextJson() => _ok.SystemTextJsonFloor.ProcessorBalanceGetAsync(Clients.FloorRequest());

    [Benchmark, BenchmarkCategory(Success)]
    public Task<Vanilla.ProcessorBalanceGetResponse> VanillaNSwag() => _ok.Vanilla.ProcessorBalanceGetAsync(Clients.VanillaRequest());

    [Benchmark, BenchmarkCategory(Success)]
    public Task PlaidGenerated() => _ok.Plaid.ProcessorBalanceGetAsync(Clients.PlaidRequest());

    [Benchmark(Baseline = true), BenchmarkCategory(WithOptions)]
    public Task<FloorResponse> FloorWithOptions() => _ok.Floor.ProcessorBalanceGetAsync(Clients.FloorRequestWithOptions());

    [Benchmark, BenchmarkCategory(WithOptions)]
    public Task<FloorResponse> FloorSystemTextJsonWithOptions() => _ok.SystemTextJsonFloor.ProcessorBalanceGetAsync(Clients.FloorRequestWithOptions());

    [Benchmark, BenchmarkCategory(WithOptions)]
    public Task PlaidGeneratedWithOptions() => _ok.Plaid.ProcessorBalanceGetAsync(Clients.PlaidRequestWithOptions());

    [Benchmark(Baseline = true), BenchmarkCategory(Error)]
    public Task<int> FloorError() =>
        StatusOf<FloorApiException>(_failing.Floor.ProcessorBalanceGetAsync(Clients.FloorRequest()), static e => e.StatusCode);

    [Benchmark, BenchmarkCategory(Error)]
    public Task<int> FloorSystemTextJsonError() =>
        StatusOf<FloorApiException>(_failing.SystemTextJsonFloor.ProcessorBalanceGetAsync(Clients.FloorRequest()), static e => e.StatusCode);

    [Benchmark, BenchmarkCategory(Error)]
    public Task<int> VanillaNSwagError() =>
        StatusOf<Vanilla.ApiException>(_failing.Vanilla.ProcessorBalanceGetAsync(Clients.VanillaRequest()), static e => e.StatusCode);

    [Benchmark, BenchmarkCategory(Error)]
    public Task<int> PlaidGeneratedError() =>
        StatusOf<PlaidApiException>(_failing.Plaid.ProcessorBalanceGetAsync(Clients.PlaidRequest()), static e => e.StatusCode);

    /// <summary>
    /// Not a client: one exception thrown in an async method and caught by its awaiter, which every
    /// error path above pays. It shows how much of an error path no client can avoid.
    /// </summary>
    [Benchmark, BenchmarkCategory(Error)]
    public Task<int> ThrowThroughAwaitOnly() => StatusOf<InvalidOperationException>(ThrowAsync(), static e => e.HResult);

    public void Dispose()
    {
        _ok.Dispose();
        _failing.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task ThrowAsync()
    {
        await Task.CompletedTask.ConfigureAwait(false);
        throw new InvalidOperationException("HTTP 400 INVALID_REQUEST/INVALID_FIELD");
    }

    private static async Task<int> StatusOf<TException>(Task call, Func<TException, int> status)
        where TException : Exception
    {
        try
        {
            await call.ConfigureAwait(false);
            return 0;
        }
        catch (TException e)
        {
            return status(e);
        }
    }
}
