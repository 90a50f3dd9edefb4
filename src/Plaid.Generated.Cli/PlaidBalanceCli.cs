using System.CommandLine;
using System.CommandLine.Invocation;

namespace Plaid.Generated.Cli;

/// <summary><c>plaid-balance</c>: everything but the process boundary, so tests can run it in-process.</summary>
internal static class PlaidBalanceCli
{
    private const string HelpHint = "Run 'plaid-balance --help' for the flags.";

    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where the table or JSON goes.</param>
    /// <param name="stderr">Where diagnostics go.</param>
    /// <param name="environment">Reads <c>PLAID_CLIENT_ID</c> and <c>PLAID_SECRET</c>.</param>
    /// <param name="transport">Replaces the network (not the offline fake); null means sockets.</param>
    /// <param name="timeProvider">The client's clock, behind <c>--timeout</c>, and the offline fake's (the date of its balance).</param>
    /// <param name="stdin">The batch command's <c>--tokens -</c>; null means the console's.</param>
    /// <returns>The exit code, see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        IReadOnlyDictionary<string, string?> environment,
        HttpMessageHandler? transport = null,
        TimeProvider? timeProvider = null,
        TextReader? stdin = null)
    {
        if (args is ["batch", ..])
        {
            // Batch output is a file, appended line by line, and progress goes to stderr as it happens: nothing is held.
            var batchRedactor = new CredentialRedactor(environment.GetValueOrDefault(Credentials.ClientIdVariable), environment.GetValueOrDefault(Credentials.SecretVariable));
            var batch = new RootCommand("plaid-balance") { BatchCommand.Create() };
            var parsedBatch = batch.Parse(args.ToArray());
            if (parsedBatch.Errors.Count > 0 || parsedBatch.Action is not null && parsedBatch.CommandResult.Command.Name != "batch")
            {
                foreach (var error in parsedBatch.Errors)
                {
                    stderr.WriteLine($"plaid-balance batch: {error.Message}");
                }

                stderr.WriteLine("Run 'plaid-balance batch --help' for the flags.");
                return ExitCodes.Usage;
            }

            if (args.Contains("--help") || args.Contains("-h"))
            {
                return parsedBatch.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            }

            Credentials? batchCredentials;
            try
            {
                batchCredentials = Credentials.From(environment);
            }
            catch (UsageException e)
            {
                stderr.WriteLine($"plaid-balance batch: {e.Message}");
                return ExitCodes.Usage;
            }

            return await BatchCommand.RunAsync(parsedBatch, stdin ?? Console.In, stderr, batchCredentials, batchRedactor, transport).ConfigureAwait(false);
        }

        // Output is small, so it is held until the end and masked as a whole.
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();
        var exitCode = await RunUnmaskedAsync(args, output, diagnostics, environment, transport, timeProvider).ConfigureAwait(false);
        var redactor = new CredentialRedactor(environment.GetValueOrDefault(Credentials.ClientIdVariable), environment.GetValueOrDefault(Credentials.SecretVariable));
        // Diagnostics first: the offline-fake notice belongs above the table.
        await stderr.WriteAsync(redactor.Redact(diagnostics.ToString())).ConfigureAwait(false);
        await stdout.WriteAsync(redactor.Redact(output.ToString())).ConfigureAwait(false);
        return exitCode;
    }

    private static async Task<int> RunUnmaskedAsync(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        IReadOnlyDictionary<string, string?> environment,
        HttpMessageHandler? transport,
        TimeProvider? timeProvider)
    {
        if (args is ["sandbox", ..])
        {
            return await SandboxCommand.RunAsync(args, stdout, stderr, environment, transport, timeProvider).ConfigureAwait(false);
        }

        var command = new PlaidBalanceCommand();
        var parsed = command.Root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            WriteParseErrors(parsed, stderr, "plaid-balance");
            stderr.WriteLine(HelpHint);
            return ExitCodes.Usage;
        }

        if (parsed.Action is not null)
        {
            // --help, --version, or a directive such as [suggest]: the parser answers them.
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }

        var arguments = command.Read(parsed);
        Credentials? credentials;
        try
        {
            credentials = Credentials.From(environment);
            if (arguments.BaseUrl is not null && credentials is null)
            {
                throw new UsageException($"--base-url needs credentials: set {Credentials.ClientIdVariable} and {Credentials.SecretVariable}.");
            }

            // The spec's example token is for the offline fake only: never sent to a real host or a proxy.
            if (credentials is not null && arguments.ProcessorToken is null)
            {
                throw new UsageException(
                    $"--processor-token is required when {Credentials.ClientIdVariable} and {Credentials.SecretVariable} are set "
                    + "(the example token is for the offline fake only).");
            }
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"plaid-balance: {e.Message}");
            stderr.WriteLine(HelpHint);
            return ExitCodes.Usage;
        }

        using var callOutput = new StringWriter();
        var exitCode = await CallAsync(arguments, credentials, stdout, callOutput, transport, timeProvider).ConfigureAwait(false);
        // The notice says where an answer came from: a request refused before sending had none.
        if (credentials is null && exitCode != ExitCodes.Usage)
        {
            stderr.WriteLine($"plaid-balance: {ClientCall.OfflineNotice}");
        }

        await stderr.WriteAsync(callOutput.ToString()).ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>
    /// The parser's report in the tool's voice: each error prefixed like every other message, a misspelt flag's
    /// candidates indented under it, no blank lines.
    /// </summary>
    public static void WriteParseErrors(ParseResult parsed, TextWriter stderr, string prefix)
    {
        using var report = new StringWriter();
        if (parsed.Action is ParseErrorAction action)
        {
            action.ShowHelp = false;
            action.ShowTypoCorrections = true;
        }

        parsed.Invoke(new InvocationConfiguration { Output = report, Error = report, EnableDefaultExceptionHandler = false });
        // The errors' own lines, and the typo report's "... was not matched. Did you mean one of the following?" heads.
        var heads = parsed.Errors.Select(error => error.Message).ToHashSet(StringComparer.Ordinal);
        foreach (var line in report.ToString().Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Trim().Length == 0)
            {
                continue;
            }

            var head = heads.Contains(text) || text.EndsWith("Did you mean one of the following?", StringComparison.Ordinal);
            stderr.WriteLine(head ? $"{prefix}: {text}" : $"  {text}");
        }
    }

    private static async Task<int> CallAsync(
        BalanceArguments arguments,
        Credentials? credentials,
        TextWriter stdout,
        TextWriter stderr,
        HttpMessageHandler? transport,
        TimeProvider? timeProvider)
    {
        var options = ClientCall.Options(credentials, arguments.Environment, arguments.BaseUrl, arguments.Timeout, timeProvider);
        // The tool shows Plaid's answer to one request: no retries.
        options.Resilience.Enabled = false;
        var capture = new RawResponseCapture(options.MaxResponseBytes)
        {
            InnerHandler = ClientCall.Transport(offline: credentials is null, transport, options.TimeProvider),
        };
        using var http = new HttpClient(capture) { Timeout = Timeout.InfiniteTimeSpan };
        var request = new ProcessorBalanceGetRequest
        {
            ProcessorToken = arguments.ProcessorToken ?? OfflineToken(arguments.Environment),
            Options = arguments.MinLastUpdated is { } min ? new ProcessorBalanceGetRequestOptions { MinLastUpdatedDatetime = min } : null,
        };

        return await ClientCall.RunAsync(
            async () =>
            {
                var response = await new PlaidClient(http, options).ProcessorBalanceGetAsync(request).ConfigureAwait(false);
                if (arguments.Json)
                {
                    ClientCall.WriteRaw(stdout, capture.Body);
                }
                else
                {
                    BalanceTable.Write(stdout, response);
                }
            },
            stderr,
            arguments.Timeout,
            onPlaidError: arguments.Json ? () => ClientCall.WriteRaw(stdout, capture.Body) : null).ConfigureAwait(false);
    }

    /// <summary>The token used offline when none is given: the spec's example token, in the chosen environment.</summary>
    private static string OfflineToken(PlaidEnvironment environment) => $"processor-{environment.ToString().ToLowerInvariant()}-0asd1-a92nc";
}
