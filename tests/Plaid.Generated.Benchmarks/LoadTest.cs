using System.Diagnostics;
using System.Globalization;

namespace Plaid.Generated.Benchmarks;

/// <summary>
/// <c>--load [calls] [inFlight] [plaid|vanilla|floor]</c>: many concurrent calls through one shared
/// client against the loopback Kestrel fake; prints throughput, latency percentiles, errors and the
/// TCP connections the server accepted.
/// </summary>
internal static class LoadTest
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args is [var c, ..] ? int.Parse(c, CultureInfo.InvariantCulture) : 20_000;
        var inFlight = args is [_, var f, ..] ? int.Parse(f, CultureInfo.InvariantCulture) : 64;
        var clientName = args is [_, _, var name, ..] ? name : "plaid";

        await using var server = await FakePlaidServer.StartAsync().ConfigureAwait(false);
        using var clients = new Clients(new SocketsHttpHandler(), server.BaseUri);
        Func<Task> call = clientName switch
        {
            "plaid" => () => clients.Plaid.ProcessorBalanceGetAsync(Clients.PlaidRequest()),
            "vanilla" => () => clients.Vanilla.ProcessorBalanceGetAsync(Clients.VanillaRequest()),
            "floor" => () => clients.Floor.ProcessorBalanceGetAsync(Clients.FloorRequest()),
            _ => throw new ArgumentException($"Unknown client '{clientName}'; expected plaid, vanilla or floor.", nameof(args)),
        };

        var latencies = new double[calls];
        var next = -1;
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                var callStarted = Stopwatch.GetTimestamp();
                try
                {
                    await call().ConfigureAwait(false);
                }
                catch (Exception e) when (e is PlaidApiException or HttpRequestException or Vanilla.ApiException or FloorApiException)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        Console.Error.WriteLine(e);
                    }
                }

                latencies[i] = Stopwatch.GetElapsedTime(callStarted).TotalMilliseconds;
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);

        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"""
            Load: {clientName}, {calls} calls, {inFlight} in flight, one shared client, Kestrel on {server.BaseUri}
            | Throughput | p50 | p99 | Max | Errors | TCP connections opened |
            |---:|---:|---:|---:|---:|---:|
            | {calls / elapsed.TotalSeconds:F0} calls/s | {Percentile(latencies, 0.50):F3} ms | {Percentile(latencies, 0.99):F3} ms | {latencies[^1]:F3} ms | {errors} | {server.ConnectionsOpened} |
            """));
        return errors == 0 && server.ConnectionsOpened <= inFlight ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
