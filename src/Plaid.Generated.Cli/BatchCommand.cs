using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Plaid.Generated.Testing;
using Spectre.Console;

namespace Plaid.Generated.Cli;

/// <summary>
/// <c>plaid-balance batch --tokens FILE|- --out FILE.jsonl</c>: one balance call per token, under the environment's
/// documented budgets (or the ones given), each answer appended to the output as one JSON line and flushed; a rerun with
/// the same output skips the tokens already answered. The input is checked whole before anything is sent.
/// Exit codes: 0 every token answered with a balance, 1 some answered with a Plaid error, 2 bad input or flags (nothing
/// sent), 3 some never got an answer (rerun to resume).
/// </summary>
internal static class BatchCommand
{
    private static readonly Option<string> Tokens = new("--tokens") { Description = "file of processor tokens, one per line, or - for stdin", HelpName = "FILE|-", Required = true };
    private static readonly Option<string> Out = new("--out") { Description = "JSON Lines output; an existing file is resumed", HelpName = "FILE.jsonl", Required = true };
    private static readonly Option<int> Concurrency = new("--concurrency") { Description = "calls in flight (default: 4)", HelpName = "N", DefaultValueFactory = _ => 4 };
    private static readonly Option<string> Env = new("--env") { Description = "sandbox or production (default: sandbox)", HelpName = "sandbox|production", DefaultValueFactory = _ => "sandbox" };
    private static readonly Option<string?> BaseUrl = new("--base-url") { Description = "another host (a proxy, a local fake)", HelpName = "URL" };
    private static readonly Option<double> Timeout = new("--timeout") { Description = "seconds per call, besides the wait for the budget (default: 60)", HelpName = "SECONDS", DefaultValueFactory = _ => 60 };
    private static readonly Option<int?> PerItem = new("--per-item") { Description = "requests per Item per window (default: the environment's documented limit; 0: off)", HelpName = "N" };
    private static readonly Option<int?> PerClient = new("--per-client") { Description = "requests per client per window (default: the environment's documented limit; 0: off)", HelpName = "N" };
    private static readonly Option<double> Window = new("--window") { Description = "the budgets' window in seconds (default: 60, Plaid's)", HelpName = "SECONDS", DefaultValueFactory = _ => 60 };
    private static readonly Option<string?> Redis = new("--redis") { Description = "share the budgets with other processes through Redis (e.g. 127.0.0.1:6379)", HelpName = "HOST:PORT" };
    private static readonly Option<string?> Progress = new("--progress") { Description = "auto (default), bar or plain", HelpName = "auto|bar|plain" };

    public static Command Create()
    {
        var command = new Command("batch", "Gets the balance of every processor token in a file, within Plaid's rate limits; resumable.")
        {
            Tokens, Out, Concurrency, Env, BaseUrl, Timeout, PerItem, PerClient, Window, Redis, Progress,
        };
        return command;
    }

    public static async Task<int> RunAsync(
        ParseResult parsed, TextReader stdin, TextWriter stderr, Credentials? credentials, CredentialRedactor redactor, HttpMessageHandler? transport)
    {
        var environment = parsed.GetValue(Env)!.ToLowerInvariant() switch
        {
            "sandbox" => (PlaidEnvironment?)PlaidEnvironment.Sandbox,
            "production" => PlaidEnvironment.Production,
            _ => null,
        };
        var concurrency = parsed.GetValue(Concurrency);
        var window = parsed.GetValue(Window);
        var timeout = parsed.GetValue(Timeout);
        Uri? baseUrl = null;
        string? problem = environment is null ? "--env must be sandbox or production."
            : concurrency is < 1 or > 256 ? "--concurrency must be between 1 and 256."
            : window is < 0.1 or > 86400 ? "--window must be between 0.1 and 86400 seconds."
            : timeout is < 0.01 or > 3600 ? "--timeout must be between 0.01 and 3600 seconds."
            : parsed.GetValue(PerItem) < 0 || parsed.GetValue(PerClient) < 0 ? "--per-item and --per-client must not be negative."
            : parsed.GetValue(BaseUrl) is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out baseUrl) || PlaidClientOptions.CheckBaseUri(baseUrl) is not null)
                ? $"--base-url {(baseUrl is null ? "must be a URL." : PlaidClientOptions.CheckBaseUri(baseUrl))}"
            : baseUrl is not null && credentials is null ? $"--base-url needs credentials: set {Credentials.ClientIdVariable} and {Credentials.SecretVariable}."
            : parsed.GetValue(Progress) is { } p && p is not ("auto" or "bar" or "plain") ? "--progress must be auto, bar or plain."
            : null;
        if (problem is not null)
        {
            return Usage(stderr, problem);
        }

        // The whole input is checked before anything is sent: a bad line fails the run with nothing new written.
        var tokensPath = parsed.GetValue(Tokens)!;
        string[] lines;
        try
        {
            lines = tokensPath == "-" ? ReadLines(stdin) : File.ReadAllLines(tokensPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Usage(stderr, $"--tokens: no file '{tokensPath}'.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Usage(stderr, $"--tokens: cannot read '{tokensPath}': {e.Message}");
        }

        var tokens = new List<string>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var source = tokensPath == "-" ? "stdin" : tokensPath;
        for (var i = 0; i < lines.Length; i++)
        {
            var token = lines[i].Trim();
            if (token.Length == 0)
            {
                if (i == lines.Length - 1 && lines.Length > 1)
                {
                    continue; // a trailing newline
                }

                return Usage(stderr, $"{source} line {i + 1} is empty: one processor token per line.");
            }

            if (!IsTokenShape(token))
            {
                return Usage(stderr, $"{source} line {i + 1} is not a processor token (processor-<environment>-<identifier>, letters, digits, dashes and underscores).");
            }

            if (firstLine.TryGetValue(token, out var first))
            {
                return Usage(stderr, $"{source} line {i + 1} repeats the token of line {first}: each token is called once.");
            }

            firstLine[token] = i + 1;
            tokens.Add(token);
        }

        if (tokens.Count == 0)
        {
            return Usage(stderr, $"{source} has no processor tokens.");
        }

        var outPath = parsed.GetValue(Out)!;
        HashSet<string> answered;
        var erred = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            answered = ReadAnswered(outPath, erred);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return Usage(stderr, $"--out: cannot resume from '{outPath}': {e.Message}");
        }

        var pending = tokens.Where(t => !answered.Contains(t)).ToArray();
        var options = new PlaidClientOptions
        {
            ClientId = credentials?.ClientId ?? "offline-fake-client-id",
            Secret = credentials?.Secret ?? "offline-fake-secret",
            Environment = environment!.Value,
            BaseUri = baseUrl,
        };
        var budgets = PlaidRateLimitOptions.PlaidDefaults(environment.Value);
        budgets.PerItem.PermitLimit = parsed.GetValue(PerItem) ?? budgets.PerItem.PermitLimit;
        budgets.PerClient.PermitLimit = parsed.GetValue(PerClient) ?? budgets.PerClient.PermitLimit;
        budgets.PerItem.Window = budgets.PerClient.Window = TimeSpan.FromSeconds(window);
        if (parsed.GetValue(Redis) is { } redis)
        {
            budgets.UseRedis(redis);
        }

        options.RateLimits = budgets;
        // A call may wait up to about a window for its permit, then has --timeout for Plaid's answer.
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(timeout + (window * 1.2));
        var handler = credentials is null ? new FakePlaidHandler() : transport ?? new SocketsHttpHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var client = new PlaidClient(http, options);

        if (credentials is null && baseUrl is null)
        {
            stderr.WriteLine("plaid-balance: PLAID_CLIENT_ID and PLAID_SECRET are not set and there is no --base-url: answering from FakePlaidHandler, an offline fake of Plaid (no network).");
        }

        stderr.WriteLine(FormattableString.Invariant(
            $"plaid-balance batch: {tokens.Count} tokens, {answered.Count(tokens.Contains)} already in {outPath}, {pending.Length} to call; budgets per {window:0.###} s: {Describe(budgets.PerItem.PermitLimit)} per Item, {Describe(budgets.PerClient.PermitLimit)} per client{(budgets.LimiterFactory is null ? " (this process)" : " (shared through Redis)")}."));

        var counts = new Counts();
        using var output = new FileStream(outPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        var gate = new object();
        var clock = Stopwatch.StartNew();

        async Task CallAll(Action onEach)
        {
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (token, _) =>
            {
                var line = await CallOneAsync(client, token, counts, stderr, redactor).ConfigureAwait(false);
                if (line is not null)
                {
                    var bytes = Encoding.UTF8.GetBytes(redactor.Redact(line) + "\n");
                    lock (gate)
                    {
                        output.Write(bytes, 0, bytes.Length);
                        output.Flush();
                    }
                }

                onEach();
            }).ConfigureAwait(false);
        }

        var mode = parsed.GetValue(Progress) ?? "auto";
        if (mode == "bar" || (mode == "auto" && !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error)))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress().AutoClear(false).StartAsync(async context =>
            {
                var task = context.AddTask("balances", maxValue: pending.Length);
                await CallAll(() => task.Increment(1)).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            using var ticker = new Timer(_ => stderr.WriteLine(counts.Line(pending.Length, clock.Elapsed)), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
            await CallAll(() => { }).ConfigureAwait(false);
        }

        stderr.WriteLine(counts.Line(pending.Length, clock.Elapsed) + " done.");
        // The exit code speaks for every token of the input, those answered by an earlier run included.
        var earlierErrors = tokens.Count(erred.Contains);
        return counts.Unanswered > 0 ? ExitCodes.Transport : counts.PlaidErrors + earlierErrors > 0 ? ExitCodes.PlaidError : ExitCodes.Success;
    }

    private static async Task<string?> CallOneAsync(PlaidClient client, string token, Counts counts, TextWriter stderr, CredentialRedactor redactor)
    {
        try
        {
            var response = await client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = token }).ConfigureAwait(false);
            Interlocked.Increment(ref counts.Balances);
            return Line(token, writer =>
            {
                writer.WriteString("outcome", "balance");
                writer.WriteString("request_id", response.RequestId);
                writer.WriteString("account_id", response.Account.AccountId);
                var balances = response.Account.Balances;
                WriteNumber(writer, "current", balances.Current);
                WriteNumber(writer, "available", balances.Available);
                WriteNumber(writer, "limit", balances.Limit);
                writer.WriteString("iso_currency_code", balances.IsoCurrencyCode);
                writer.WriteString("unofficial_currency_code", balances.UnofficialCurrencyCode);
            });
        }
        catch (PlaidApiException e) when (e.Error is not null && !e.IsTransportFailure)
        {
            Interlocked.Increment(ref counts.PlaidErrors);
            if (e.IsRateLimited)
            {
                Interlocked.Increment(ref counts.RateLimited);
            }

            return Line(token, writer =>
            {
                writer.WriteString("outcome", "plaid_error");
                writer.WriteNumber("http_status", e.StatusCode);
                writer.WriteString("error_type", e.ErrorType?.ToString());
                writer.WriteString("error_code", e.ErrorCode);
                writer.WriteString("error_message", e.ErrorMessage);
                writer.WriteString("request_id", e.RequestId);
            });
        }
        catch (Exception e) when (e is PlaidApiException or TimeoutException or OperationCanceledException or HttpRequestException or ArgumentException
            or Plaid.Generated.RateLimiting.Redis.RedisBudgetUnavailableException)
        {
            Interlocked.Increment(ref counts.Unanswered);
            stderr.WriteLine($"plaid-balance batch: no answer for the token on its line ({redactor.Redact(e.Message)}); a rerun with the same --out calls it again.");
            return null;
        }
    }

    private static string Line(string token, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("processor_token", token);
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>The tokens already in the output. A last line cut off by a killed run is removed, so it is called again.</summary>
    private static HashSet<string> ReadAnswered(string path, HashSet<string> erred)
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return answered;
        }

        var bytes = File.ReadAllBytes(path);
        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (complete < bytes.Length)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.SetLength(complete);
        }

        foreach (var line in Encoding.UTF8.GetString(bytes, 0, complete).Split('\n'))
        {
            if (line.Length > 0)
            {
                using var document = JsonDocument.Parse(line);
                var token = document.RootElement.GetProperty("processor_token").GetString()!;
                answered.Add(token);
                if (document.RootElement.GetProperty("outcome").GetString() == "plaid_error")
                {
                    erred.Add(token);
                }
            }
        }

        return answered;
    }

    private static bool IsTokenShape(string token) =>
        token.StartsWith("processor-", StringComparison.Ordinal) && token.Length is > 12 and <= 200
        && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string[] ReadLines(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return [.. lines];
    }

    private static string Describe(int limit) => limit > 0 ? limit.ToString(CultureInfo.InvariantCulture) : "no limit";

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"plaid-balance batch: {message} Nothing was sent.");
        return ExitCodes.Usage;
    }

    private sealed class Counts
    {
        public int Balances;
        public int PlaidErrors;
        public int RateLimited;
        public int Unanswered;

        public string Line(int total, TimeSpan elapsed) => FormattableString.Invariant(
            $"plaid-balance batch: {Balances + PlaidErrors + Unanswered}/{total} called: {Balances} balances, {PlaidErrors} Plaid errors ({RateLimited} rate-limited), {Unanswered} unanswered, {elapsed.TotalSeconds:0.0} s.");
    }
}
