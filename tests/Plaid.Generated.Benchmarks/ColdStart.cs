using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Plaid.Generated.Benchmarks;

/// <summary>
/// First-call latency in a fresh process (type loading, JIT, contract resolution included):
/// <c>--cold [N]</c> spawns <c>dotnet &lt;this dll&gt; --cold-once &lt;client&gt;</c> N times per client,
/// interleaved, and prints the medians.
/// </summary>
internal static class ColdStart
{
    private static readonly string[] ClientNames = ["floor", "vanilla", "plaid"];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args is [var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 15;
        var firstCall = ClientNames.ToDictionary(c => c, _ => new List<double>());
        var process = ClientNames.ToDictionary(c => c, _ => new List<double>());
        for (var i = 0; i < runs; i++)
        {
            foreach (var client in ClientNames)
            {
                var started = Stopwatch.GetTimestamp();
                var output = await SpawnAsync(client).ConfigureAwait(false);
                process[client].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                firstCall[client].Add(double.Parse(output, CultureInfo.InvariantCulture));
            }
        }

        Console.WriteLine($"Cold start, {runs} fresh processes per client (median, min-max), ms:");
        Console.WriteLine("| Client | First call (in process) | Whole process (spawn to exit) |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var client in ClientNames)
        {
            Console.WriteLine($"| {client} | {Describe(firstCall[client])} | {Describe(process[client])} |");
        }

        return 0;
    }

    /// <summary>Builds the client and makes one call; prints the milliseconds that took.</summary>
    public static async Task<int> RunOnceAsync(string client)
    {
        var started = Stopwatch.GetTimestamp();
        using (var clients = Clients.InMemory(HttpStatusCode.OK, Payloads.Success))
        {
            _ = client switch
            {
                "floor" => (object)await clients.Floor.ProcessorBalanceGetAsync(Clients.FloorRequest()).ConfigureAwait(false),
                "vanilla" => await clients.Vanilla.ProcessorBalanceGetAsync(Clients.VanillaRequest()).ConfigureAwait(false),
                "plaid" => await clients.Plaid.ProcessorBalanceGetAsync(Clients.PlaidRequest()).ConfigureAwait(false),
                _ => throw new ArgumentException($"Unknown client '{client}'; expected floor, vanilla or plaid.", nameof(client)),
            };
        }

        Console.WriteLine(Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture));
        return 0;
    }

    private static async Task<string> SpawnAsync(string client)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ColdStart).Assembly.Location);
        start.ArgumentList.Add("--cold-once");
        start.ArgumentList.Add(client);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"--cold-once {client} exited with {process.ExitCode}: {output}");
    }

    private static string Describe(List<double> values)
    {
        values.Sort();
        var median = values.Count % 2 == 1
            ? values[values.Count / 2]
            : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"{median:F1} ({values[0]:F1}-{values[^1]:F1})");
    }
}
