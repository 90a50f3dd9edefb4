using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Plaid.Generated.RateLimiting.Tests;

/// <summary>
/// The proofs, with real processes and sockets on loopback: <c>plaid-balance batch</c> processes (each its own client,
/// 8 callers) against a fake of Plaid that enforces a budget scaled to seconds and answers 429 past it. The client's
/// window is the fake's plus a margin of a second for the time between taking a permit and the request arriving (a cold
/// process's first requests take a few hundred ms, more on a busy machine), as 2 % of Plaid's minute is 1.2 s.
/// </summary>
[Category("Slow")]
public class FleetTests
{
    private const int Processes = 3;
    private const int CallsPerProcess = 80;
    private const int Limit = 40;
    private static readonly TimeSpan FakeWindow = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan BatchFakeWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    [Test]
    public async Task Three_processes_sharing_the_Redis_budget_get_no_429_and_take_as_long_as_the_budget_allows()
    {
        using var redis = await RedisServer.StartAsync();
        await using var plaid = await BudgetedPlaid.StartAsync(FakeWindow, perClient: Limit);

        var (elapsed, results) = await RunFleetAsync(plaid, p => Tokens($"p{p}", CallsPerProcess), "--per-client", $"{Limit}", "--per-item", "0", "--redis", redis.Configuration);

        TestContext.Out.WriteLine($"shared budget: {plaid.Answered200} x 200, {plaid.Answered429} x 429 in {elapsed.TotalSeconds:0.0} s");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plaid.Answered429, Is.Zero);
            Assert.That(plaid.Answered200, Is.EqualTo(Processes * CallsPerProcess));
            Assert.That(results.Select(r => r.Exit), Is.All.EqualTo(0), string.Join("\n", results.Select(r => r.Stderr)));
            Assert.That(results.Sum(r => r.Lines.Length), Is.EqualTo(Processes * CallsPerProcess));
            // 240 calls at 40 per 2 s: the last 40 cannot start before 5 windows have passed.
            Assert.That(elapsed, Is.GreaterThanOrEqualTo(((Processes * CallsPerProcess / Limit) - 1) * FakeWindow));
        }
    }

    [Test]
    public async Task The_same_run_with_per_process_budgets_only_gets_429s()
    {
        await using var plaid = await BudgetedPlaid.StartAsync(FakeWindow, perClient: Limit);

        var (elapsed, results) = await RunFleetAsync(plaid, p => Tokens($"p{p}", CallsPerProcess), "--per-client", $"{Limit}", "--per-item", "0");

        TestContext.Out.WriteLine($"per-process budgets: {plaid.Answered200} x 200, {plaid.Answered429} x 429 in {elapsed.TotalSeconds:0.0} s");
        Assert.That(plaid.Answered429, Is.GreaterThanOrEqualTo(1));
        Assert.That(results.Select(r => r.Exit), Has.Some.EqualTo(1), "a Plaid error (429) exits 1");
    }

    [TestCase(true, TestName = "Per-Item budget shared through Redis: no 429")]
    [TestCase(false, TestName = "Per-Item budget per process: 429s")]
    public async Task Per_Item_budgets_hold_the_same_way(bool shared)
    {
        using var redis = shared ? await RedisServer.StartAsync() : null;
        await using var plaid = await BudgetedPlaid.StartAsync(FakeWindow, perItem: 2);
        string[] extra = shared ? ["--redis", redis!.Configuration] : [];

        // Every process calls the same 8 Items: 3 calls per Item against 2 per window.
        var (elapsed, results) = await RunFleetAsync(plaid, _ => Tokens("item", 8), ["--per-item", "2", "--per-client", "0", .. extra]);

        TestContext.Out.WriteLine($"per-Item, shared={shared}: {plaid.Answered200} x 200, {plaid.Answered429} x 429 in {elapsed.TotalSeconds:0.0} s");
        if (shared)
        {
            Assert.That((plaid.Answered200, plaid.Answered429), Is.EqualTo((24, 0)));
            Assert.That(elapsed, Is.GreaterThanOrEqualTo(FakeWindow), "each Item's third call waits a window");
        }
        else
        {
            Assert.That(plaid.Answered429, Is.GreaterThanOrEqualTo(1));
        }
    }

    [Test]
    public async Task A_batch_of_500_tokens_gets_no_429_and_a_complete_output()
    {
        await using var plaid = await BudgetedPlaid.StartAsync(BatchFakeWindow, perClient: 100);
        using var dir = new TempDir();
        var tokens = dir.Write("tokens.txt", Tokens("b", 500));

        var clock = Stopwatch.StartNew();
        var result = await Cli.RunAsync("batch", "--tokens", tokens, "--out", dir.Path("out.jsonl"), "--concurrency", "8",
            "--base-url", plaid.BaseUrl, "--per-client", "100", "--per-item", "0", "--window", ClientWindow(BatchFakeWindow));
        clock.Stop();

        var lines = Lines(dir.Path("out.jsonl"));
        TestContext.Out.WriteLine($"batch of 500: {plaid.Answered200} x 200, {plaid.Answered429} x 429 in {clock.Elapsed.TotalSeconds:0.0} s");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Exit, Is.EqualTo(0), result.Stderr);
            Assert.That(plaid.Answered429, Is.Zero);
            Assert.That(lines.Select(Token).Order(), Is.EqualTo(File.ReadAllLines(tokens).Order()));
            Assert.That(lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("outcome").GetString()), Is.All.EqualTo("balance"));
            Assert.That(File.ReadAllText(dir.Path("out.jsonl")) + result.Stderr, Does.Not.Contain(Cli.Secret).And.Not.Contain(Cli.ClientId));
            Assert.That(result.Stderr, Does.Contain("500/500 called: 500 balances"));
        }
    }

    [Test]
    public async Task A_run_killed_mid_way_then_resumed_leaves_each_token_exactly_once()
    {
        // Through Redis: the resumed run knows what the killed one spent in the current window (a per-process budget
        // starts afresh and, resumed at once, may exceed the window: wait a window before resuming without --redis).
        using var redis = await RedisServer.StartAsync();
        await using var plaid = await BudgetedPlaid.StartAsync(BatchFakeWindow, perClient: 50);
        using var dir = new TempDir();
        var tokens = dir.Write("tokens.txt", Tokens("k", 500));
        var output = dir.Path("out.jsonl");
        string[] args = ["batch", "--tokens", tokens, "--out", output, "--concurrency", "8", "--base-url", plaid.BaseUrl, "--per-client", "50", "--per-item", "0", "--window", ClientWindow(BatchFakeWindow), "--redis", redis.Configuration];

        using (var first = Cli.Start(args))
        {
            while (!File.Exists(output) || Lines(output).Length < 100)
            {
                Assert.That(first.HasExited, Is.False, "the first run ended before it could be killed");
                await Task.Delay(50);
            }

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var before = Lines(output).Length;
        var resumed = await Cli.RunAsync(args);
        var lines = Lines(output);

        TestContext.Out.WriteLine($"killed after {before} lines; resumed: {resumed.Stderr.Split('\n').FirstOrDefault(l => l.Contains("already in"))}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.InRange(100, 499));
            Assert.That(resumed.Exit, Is.EqualTo(0), resumed.Stderr);
            Assert.That(lines.Select(Token).Order(), Is.EqualTo(File.ReadAllLines(tokens).Order()), "each token exactly once");
            Assert.That(plaid.Answered429, Is.Zero);
        }
    }

    private static async Task<(TimeSpan Elapsed, CliResult[] Results)> RunFleetAsync(BudgetedPlaid plaid, Func<int, string> tokens, params string[] budget)
    {
        using var dir = new TempDir();
        var runs = Enumerable.Range(0, Processes).Select(p =>
        {
            var file = dir.Write($"tokens{p}.txt", tokens(p));
            return (Func<Task<CliResult>>)(() => Cli.RunAsync(
                ["batch", "--tokens", file, "--out", dir.Path($"out{p}.jsonl"), "--concurrency", "8", "--base-url", plaid.BaseUrl, "--window", ClientWindow(FakeWindow), .. budget],
                dir.Path($"out{p}.jsonl")));
        }).ToArray();
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(runs.Select(run => run()));
        return (clock.Elapsed, results);
    }

    private static string Tokens(string prefix, int count) =>
        string.Join("\n", Enumerable.Range(0, count).Select(i => $"processor-sandbox-{prefix}-{i:D4}")) + "\n";

    private static string[] Lines(string path) => File.Exists(path) ? File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];

    private static string Token(string line) => JsonDocument.Parse(line).RootElement.GetProperty("processor_token").GetString()!;

    // The client's --window: the fake's window plus the margin.
    private static string ClientWindow(TimeSpan fakeWindow) => (fakeWindow + Margin).TotalSeconds.ToString(CultureInfo.InvariantCulture);
}
