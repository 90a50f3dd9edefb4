using System.Text;
using Plaid.Generated.Testing;

namespace Plaid.Generated.Cli;

/// <summary>
/// What the balance command and the sandbox command share around the client: its options, the handler under it
/// (the offline fake, a test's handler, or sockets), and how an outcome becomes stderr text and an exit code.
/// </summary>
internal static class ClientCall
{
    // What the offline mode sends to FakePlaidHandler, which accepts any credentials.
    private const string OfflineClientId = "offline-fake-client-id";
    private const string OfflineSecret = "offline-fake-secret";

    /// <summary>Said after an offline run that sent something: where its answers came from.</summary>
    public const string OfflineNotice =
        $"{Credentials.ClientIdVariable} and {Credentials.SecretVariable} are not set and there is no --base-url: "
        + "answering from FakePlaidHandler, an offline fake of Plaid (no network).";

    /// <summary>The client's options; <paramref name="timeout"/> is the total deadline of each call.</summary>
    public static PlaidClientOptions Options(
        Credentials? credentials, PlaidEnvironment environment, Uri? baseUrl, TimeSpan timeout, TimeProvider? timeProvider)
    {
        var options = new PlaidClientOptions
        {
            ClientId = credentials?.ClientId ?? OfflineClientId,
            Secret = credentials?.Secret ?? OfflineSecret,
            Environment = environment,
            BaseUri = baseUrl,
            TimeProvider = timeProvider ?? TimeProvider.System,
        };
        options.Resilience.TotalTimeout = timeout;
        return options;
    }

    /// <summary>
    /// The one place the CLI builds the handler under its HttpClient: the offline fake, a test's handler, or sockets.
    /// Sockets never follow a redirect: the credentials go to the --base-url origin only.
    /// </summary>
    public static HttpMessageHandler Transport(bool offline, HttpMessageHandler? transport, TimeProvider timeProvider) =>
        offline ? new FakePlaidHandler { TimeProvider = timeProvider } : transport ?? new SocketsHttpHandler { AllowAutoRedirect = false };

    /// <summary>
    /// Runs <paramref name="call"/> and turns what it throws into the tool's messages and exit codes: a request refused
    /// before sending (ArgumentException, InvalidOperationException) is a usage error, a Plaid error object is reported field by field (and <paramref name="onPlaidError"/>
    /// runs, for --json), anything else that left no usable answer is a transport failure.
    /// </summary>
    public static async Task<int> RunAsync(Func<Task> call, TextWriter stderr, TimeSpan timeout, Action? onPlaidError = null)
    {
        try
        {
            await call().ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (ArgumentException e)
        {
            var message = e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
            stderr.WriteLine($"plaid-balance: {CliTerms.Translate(message)} Nothing was sent.");
            return ExitCodes.Usage;
        }
        catch (InvalidOperationException e)
        {
            // Refused before sending, e.g. a Sandbox-only operation against Production.
            stderr.WriteLine($"plaid-balance: {CliTerms.Translate(e.Message)}");
            return ExitCodes.Usage;
        }
        catch (PlaidApiException e) when (e.Error is not null && !e.IsTransportFailure)
        {
            ErrorReport.Write(stderr, e);
            onPlaidError?.Invoke();
            return ExitCodes.PlaidError;
        }
        catch (PlaidApiException e)
        {
            stderr.WriteLine($"plaid-balance: {e.Message}");
            return ExitCodes.Transport;
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            stderr.WriteLine($"plaid-balance: no complete response within {timeout.TotalSeconds:0.###} s (--timeout).");
            return ExitCodes.Transport;
        }
    }

    /// <summary>A body exactly as received, ending with a newline.</summary>
    public static void WriteRaw(TextWriter stdout, byte[]? body)
    {
        var text = Encoding.UTF8.GetString(body ?? []);
        stdout.Write(text);
        if (!text.EndsWith('\n'))
        {
            stdout.WriteLine();
        }
    }
}
