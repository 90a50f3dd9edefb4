using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Plaid.Generated.Cli;

/// <summary>The command line of <c>plaid-balance</c>: its options, how each value is read, and its help and version output.</summary>
internal sealed class PlaidBalanceCommand
{
    /// <summary>The client's own default total timeout: one default for every way of calling Plaid.</summary>
    public static readonly TimeSpan DefaultTimeout = new PlaidResilienceOptions().TotalTimeout;

    private const string HelpFooter = """
        Credentials come from PLAID_CLIENT_ID and PLAID_SECRET. Without them and without
        --base-url, FakePlaidHandler answers in-process (no network); the token
        processor-sandbox-error-<ERROR_CODE> makes it answer with that error.

        Arguments can also come from a response file: plaid-balance @flags.rsp

        Many tokens within Plaid's rate limits, resumable: plaid-balance batch --help
        From Sandbox keys to a balance, no token needed: plaid-balance sandbox --help

        Exit codes: 0 success, 1 Plaid error, 2 usage error, 3 transport or response failure.
        """;

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    private readonly Option<string?> _processorToken = new("--processor-token")
    {
        Description = "processor-<environment>-<id>; optional with the offline fake",
        HelpName = "TOKEN",
    };

    // Defaults are applied in Read and named in the description: the help would print the .NET values (Sandbox, 00:00:30).
    private readonly Option<PlaidEnvironment?> _environment = new("--env")
    {
        Description = "Plaid environment (default: sandbox)",
        HelpName = "sandbox|production",
        CustomParser = ParseEnvironment,
    };

    private readonly Option<Uri?> _baseUrl = new("--base-url")
    {
        Description = "another host (a proxy, a local fake); overrides --env",
        HelpName = "URL",
        CustomParser = ParseBaseUrl,
    };

    private readonly Option<DateTimeOffset?> _minLastUpdated = new("--min-last-updated")
    {
        Description = "options.min_last_updated_datetime, e.g. 2024-01-02T03:04:05Z",
        HelpName = "ISO-8601",
        CustomParser = ParseDate,
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "print the response (or error) JSON exactly as received",
    };

    private readonly Option<TimeSpan?> _timeout = new("--timeout")
    {
        Description = $"limit on the whole call, in seconds (default: {DefaultTimeout.TotalSeconds})",
        HelpName = "SECONDS",
        CustomParser = ParseTimeout,
    };

    public PlaidBalanceCommand()
    {
        // Only the spellings the tool documents, not the enum's own names.
        _environment.CompletionSources.Clear();
        _environment.CompletionSources.Add("sandbox", "production");
        Root = new RootCommand("Sends POST /processor/balance/get and prints the account's balances.")
        {
            _processorToken, _environment, _baseUrl, _minLastUpdated, _json, _timeout,
        };
        // The tool's name, not the host's: in-process runs would otherwise show testhost or dotnet.
        Root.HelpName = "plaid-balance";

        foreach (var option in Root.Options)
        {
            option.Action = option switch
            {
                HelpOption { Action: HelpAction help } => new HelpWithFooterAction(help, HelpFooter),
                VersionOption => new VersionAction(),
                _ => option.Action,
            };
        }
    }

    public RootCommand Root { get; }

    public BalanceArguments Read(ParseResult result) => new(
        result.GetValue(_processorToken),
        result.GetValue(_environment) ?? PlaidEnvironment.Sandbox,
        result.GetValue(_baseUrl),
        result.GetValue(_minLastUpdated),
        result.GetValue(_json),
        result.GetValue(_timeout) ?? DefaultTimeout);

    /// <summary>The one place the CLI turns <c>--base-url</c> into a URI, by the library's one BaseUri rule.</summary>
    public static Uri? ParseBaseUrl(ArgumentResult result) =>
        Uri.TryCreate(Value(result), UriKind.RelativeOrAbsolute, out var uri) && PlaidClientOptions.CheckBaseUri(uri) is { } problem
            ? Invalid<Uri>(result, $"--base-url {problem}")
            : uri ?? Invalid<Uri>(result, $"--base-url must be a URL, not '{Value(result)}'.");

    private static PlaidEnvironment? ParseEnvironment(ArgumentResult result) => Value(result).ToLowerInvariant() switch
    {
        "sandbox" => PlaidEnvironment.Sandbox,
        "production" => PlaidEnvironment.Production,
        _ => Invalid<PlaidEnvironment?>(result, $"--env must be sandbox or production, not '{Value(result)}'."),
    };

    private static DateTimeOffset? ParseDate(ArgumentResult result) =>
        DateTimeOffset.TryParseExact(Value(result), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : Invalid<DateTimeOffset?>(result, $"--min-last-updated must be an ISO 8601 date-time such as 2024-01-02T03:04:05Z, not '{Value(result)}'.");

    public static TimeSpan? ParseTimeout(ArgumentResult result) =>
        double.TryParse(Value(result), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0.01 && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : Invalid<TimeSpan?>(result, $"--timeout must be a number of seconds between 0.01 and 3600, not '{Value(result)}'.");

    public static string Value(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";

    public static T? Invalid<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}

/// <summary>The values of one command line, after parsing.</summary>
internal sealed record BalanceArguments(
    string? ProcessorToken, PlaidEnvironment Environment, Uri? BaseUrl, DateTimeOffset? MinLastUpdated, bool Json, TimeSpan Timeout);
