using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Plaid.Generated.Cli;

/// <summary>
/// <c>plaid-balance sandbox [--institution ins_109508] [--json]</c>: creates a Sandbox Item and its processor token with
/// the user's keys (<c>POST /sandbox/processor_token/create</c>), then prints that account's balance: from keys to a real
/// balance in one command. Without keys (and without --base-url) the same two calls go to the offline fake.
/// </summary>
internal static partial class SandboxCommand
{
    /// <summary>First Platypus Bank, Plaid's Sandbox institution for non-OAuth test Items.</summary>
    public const string DefaultInstitution = "ins_109508";

    private const string HelpHint = "Run 'plaid-balance sandbox --help' for the flags.";

    private const string HelpFooter = """
        Credentials come from PLAID_CLIENT_ID and PLAID_SECRET (Sandbox keys). Without them and
        without --base-url, FakePlaidHandler answers both calls in-process (no network).
        The new Item signs in with Plaid's Sandbox test user (user_good / pass_good).

        Exit codes: 0 success, 1 Plaid error, 2 usage error, 3 transport or response failure.
        """;

    private static readonly Option<string?> Institution = new("--institution")
    {
        Description = $"the institution of the new Sandbox Item (default: {DefaultInstitution}, First Platypus Bank)",
        HelpName = "ins_ID",
        CustomParser = ParseInstitution,
    };

    private static readonly Option<bool> Json = new("--json")
    {
        Description = "print one JSON object: processor_token, institution_id, and the balance response exactly as received",
    };

    private static readonly Option<Uri?> BaseUrl = new("--base-url")
    {
        Description = "another host (a proxy, a local mock of Plaid's spec) instead of https://sandbox.plaid.com",
        HelpName = "URL",
        CustomParser = PlaidBalanceCommand.ParseBaseUrl,
    };

    private static readonly Option<TimeSpan?> Timeout = new("--timeout")
    {
        Description = $"limit on each of the two calls, in seconds (default: {PlaidBalanceCommand.DefaultTimeout.TotalSeconds})",
        HelpName = "SECONDS",
        CustomParser = PlaidBalanceCommand.ParseTimeout,
    };

    /// <summary>Runs the command; the parameters are <see cref="PlaidBalanceCli.RunAsync"/>'s, <paramref name="args"/> starting with <c>sandbox</c>.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment,
        HttpMessageHandler? transport, TimeProvider? timeProvider)
    {
        var parsed = Parser().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            PlaidBalanceCli.WriteParseErrors(parsed, stderr, "plaid-balance sandbox");
            stderr.WriteLine(HelpHint);
            return ExitCodes.Usage;
        }

        if (parsed.Action is not null)
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }

        var baseUrl = parsed.GetValue(BaseUrl);
        Credentials? credentials;
        try
        {
            credentials = Credentials.From(environment);
            if (baseUrl is not null && credentials is null)
            {
                throw new UsageException($"--base-url needs credentials: set {Credentials.ClientIdVariable} and {Credentials.SecretVariable}.");
            }
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"plaid-balance sandbox: {e.Message}");
            stderr.WriteLine(HelpHint);
            return ExitCodes.Usage;
        }

        var institution = parsed.GetValue(Institution) ?? DefaultInstitution;
        var json = parsed.GetValue(Json);
        var timeout = parsed.GetValue(Timeout) ?? PlaidBalanceCommand.DefaultTimeout;
        // The library's retries stay on: it retries the token creation, which is not safe to repeat, only when the
        // request provably never reached Plaid.
        var options = ClientCall.Options(credentials, PlaidEnvironment.Sandbox, baseUrl, timeout, timeProvider);
        var capture = new RawResponseCapture(options.MaxResponseBytes)
        {
            InnerHandler = ClientCall.Transport(offline: credentials is null, transport, options.TimeProvider),
        };
        using var http = new HttpClient(capture) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var client = new PlaidClient(http, options);

        var exitCode = await ClientCall.RunAsync(
            async () =>
            {
                var created = await client.SandboxProcessorTokenCreateAsync(
                    new SandboxProcessorTokenCreateRequest { InstitutionId = institution }).ConfigureAwait(false);
                stderr.WriteLine($"plaid-balance sandbox: created a Sandbox Item at {institution}, processor token {created.ProcessorToken}.");
                var balance = await client.ProcessorBalanceGetAsync(
                    new ProcessorBalanceGetRequest { ProcessorToken = created.ProcessorToken }).ConfigureAwait(false);
                if (json)
                {
                    WriteJson(stdout, created.ProcessorToken, institution, capture.Body);
                }
                else
                {
                    stdout.WriteLine($"PROCESSOR TOKEN  {TerminalText.Clean(created.ProcessorToken)}");
                    stdout.WriteLine($"INSTITUTION      {institution}");
                    stdout.WriteLine();
                    BalanceTable.Write(stdout, balance);
                }
            },
            stderr,
            timeout,
            onPlaidError: json ? () => ClientCall.WriteRaw(stdout, capture.Body) : null).ConfigureAwait(false);

        if (credentials is null && exitCode != ExitCodes.Usage)
        {
            stderr.WriteLine($"plaid-balance sandbox: {ClientCall.OfflineNotice}");
        }

        return exitCode;
    }

    private static RootCommand Parser()
    {
        var sandbox = new Command("sandbox", "Creates a Sandbox Item and its processor token, then prints that account's balance.")
        {
            Institution, Json, BaseUrl, Timeout,
        };
        var root = new RootCommand("plaid-balance") { sandbox };
        root.HelpName = "plaid-balance";
        foreach (var option in sandbox.Options.Concat(root.Options))
        {
            if (option is HelpOption { Action: HelpAction help })
            {
                option.Action = new HelpWithFooterAction(help, HelpFooter);
            }
        }

        return root;
    }

    private static void WriteJson(TextWriter stdout, string processorToken, string institution, byte[]? balanceBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("processor_token", processorToken);
            writer.WriteString("institution_id", institution);
            writer.WritePropertyName("balance");
            writer.WriteRawValue(balanceBody ?? "null"u8.ToArray());
            writer.WriteEndObject();
        }

        ClientCall.WriteRaw(stdout, buffer.ToArray());
    }

    private static string? ParseInstitution(ArgumentResult result) =>
        InstitutionId().IsMatch(PlaidBalanceCommand.Value(result))
            ? PlaidBalanceCommand.Value(result)
            : PlaidBalanceCommand.Invalid<string>(result, $"--institution must be a Plaid institution id such as {DefaultInstitution}, not '{PlaidBalanceCommand.Value(result)}'.");

    [GeneratedRegex("^ins_[0-9]+$")]
    private static partial Regex InstitutionId();
}
