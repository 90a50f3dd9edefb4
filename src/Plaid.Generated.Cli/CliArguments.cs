using System.Globalization;

namespace Plaid.Generated.Cli;

/// <summary>The parsed command line. Flags take their value as the next argument or after <c>=</c>.</summary>
internal sealed record CliArguments
{
    public const string Synopsis = """
        Usage: plaid-balance [--processor-token TOKEN] [--env sandbox|production] [--base-url URL]
                             [--min-last-updated ISO-8601] [--json] [--timeout SECONDS]
        """;

    public const string Usage = Synopsis + "\n" + """

        Sends POST /processor/balance/get and prints the account's balances.

          --processor-token TOKEN       processor-<environment>-<id>; optional with the offline fake
          --env sandbox|production      Plaid environment (default: sandbox)
          --base-url URL                another host (a proxy, a local fake); overrides --env
          --min-last-updated ISO-8601   options.min_last_updated_datetime, e.g. 2024-01-02T03:04:05Z
          --json                        print the response (or error) JSON exactly as received
          --timeout SECONDS             limit on the whole call (default: 30)

        Credentials come from PLAID_CLIENT_ID and PLAID_SECRET. Without them and without
        --base-url, an offline fake of Plaid answers (no network); the token
        processor-sandbox-error-<ERROR_CODE> makes it answer with that error.

        Exit codes: 0 success, 1 Plaid error, 2 usage error, 3 transport or response failure.
        """;

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    public string? ProcessorToken { get; private init; }

    public PlaidEnvironment Environment { get; private init; } = PlaidEnvironment.Sandbox;

    public Uri? BaseUrl { get; private init; }

    public DateTimeOffset? MinLastUpdated { get; private init; }

    public bool Json { get; private init; }

    public TimeSpan Timeout { get; private init; } = TimeSpan.FromSeconds(30);

    public bool Help { get; private init; }

    /// <exception cref="UsageException">An unknown flag, a missing or invalid value.</exception>
    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inlineValue) = Split(args[i]);
            string Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{flag} needs a value."));
            parsed = flag switch
            {
                "--processor-token" => parsed with { ProcessorToken = Value() },
                "--env" => parsed with { Environment = ParseEnvironment(Value()) },
                "--base-url" => parsed with { BaseUrl = ParseUrl(Value()) },
                "--min-last-updated" => parsed with { MinLastUpdated = ParseDate(Value()) },
                "--timeout" => parsed with { Timeout = ParseTimeout(Value()) },
                "--json" when inlineValue is null => parsed with { Json = true },
                "--help" or "-h" when inlineValue is null => parsed with { Help = true },
                _ => throw new UsageException($"Unknown argument '{args[i]}'."),
            };
        }

        return parsed;
    }

    private static (string Flag, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static PlaidEnvironment ParseEnvironment(string value) => value.ToLowerInvariant() switch
    {
        "sandbox" => PlaidEnvironment.Sandbox,
        "production" => PlaidEnvironment.Production,
        _ => throw new UsageException($"--env must be sandbox or production, not '{value}'."),
    };

    private static Uri ParseUrl(string value) =>
        Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out var uri) && PlaidClientOptions.CheckBaseUri(uri) is { } problem
            ? throw new UsageException($"--base-url {problem}")
            : uri ?? throw new UsageException($"--base-url must be a URL, not '{value}'.");

    private static DateTimeOffset ParseDate(string value) =>
        DateTimeOffset.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : throw new UsageException($"--min-last-updated must be an ISO 8601 date-time such as 2024-01-02T03:04:05Z, not '{value}'.");

    private static TimeSpan ParseTimeout(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"--timeout must be a number of seconds between 0 and 3600, not '{value}'.");
}
