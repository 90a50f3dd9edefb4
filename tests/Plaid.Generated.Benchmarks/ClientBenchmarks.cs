using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Plaid.Generated.Benchmarks;

/// <summary>
/// One call per operation through each client over the same in-memory stub: the client's own cost
/// (serialize, headers, send through HttpClient, read, deserialize), with Floor as the baseline of each category.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ClientBenchmarks : IDisposable
{
    private const string Success = "Success";
    private const string Error = "Error";

    private readonly Clients _ok = Clients.InMemory(HttpStatusCode.OK, Payloads.Success);
    private readonly Clients _failing = Clients.InMemory(HttpStatusCode.BadRequest, Payloads.Error);
    private readonly FloorRequest _floorRequest = Clients.FloorRequest();
    private readonly Vanilla.ProcessorBalanceGetRequest _vanillaRequest = Clients.VanillaRequest();
    private readonly ProcessorBalanceGetRequest _plaidRequest = Clients.PlaidRequest();

    [Benchmark(Baseline = true), BenchmarkCategory(Success)]
    public Task<FloorResponse> Floor() => _ok.Floor.ProcessorBalanceGetAsync(_floorRequest);

    [Benchmark, BenchmarkCategory(Success)]
    public Task<Vanilla.ProcessorBalanceGetResponse> VanillaNSwag() => _ok.Vanilla.ProcessorBalanceGetAsync(_vanillaRequest);

    [Benchmark, BenchmarkCategory(Success)]
    public Task<ProcessorBalanceGetResponse> PlaidGenerated() => _ok.Plaid.ProcessorBalanceGetAsync(_plaidRequest);

    [Benchmark(Baseline = true), BenchmarkCategory(Error)]
    public async Task<int> FloorError()
    {
        try
        {
            await _failing.Floor.ProcessorBalanceGetAsync(_floorRequest).ConfigureAwait(false);
            return 0;
        }
        catch (FloorApiException e)
        {
            return e.StatusCode;
        }
    }

    [Benchmark, BenchmarkCategory(Error)]
    public async Task<int> VanillaNSwagError()
    {
        try
        {
            await _failing.Vanilla.ProcessorBalanceGetAsync(_vanillaRequest).ConfigureAwait(false);
            return 0;
        }
        catch (Vanilla.ApiException e)
        {
            return e.StatusCode;
        }
    }

    [Benchmark, BenchmarkCategory(Error)]
    public async Task<int> PlaidGeneratedError()
    {
        try
        {
            await _failing.Plaid.ProcessorBalanceGetAsync(_plaidRequest).ConfigureAwait(false);
            return 0;
        }
        catch (PlaidApiException e)
        {
            return e.StatusCode;
        }
    }

    /// <summary>
    /// Not a client: one exception thrown in an async method and caught by its awaiter, which every
    /// error path above pays. It shows how much of an error path no client can avoid.
    /// </summary>
    [Benchmark, BenchmarkCategory(Error)]
    public async Task<int> ThrowThroughAwaitOnly()
    {
        try
        {
            await ThrowAsync().ConfigureAwait(false);
            return 0;
        }
        catch (InvalidOperationException e)
        {
            return e.HResult;
        }
    }

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
}
