using System.Diagnostics;
using Plaid.Generated.Tests;

namespace Plaid.Generated.Cli.Tests;

/// <summary>What one run of <c>plaid-balance</c> produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string AllOutput => Stdout + Stderr;
}

/// <summary>Runs <c>plaid-balance</c> in-process or as a child process.</summary>
internal static class CliRun
{
    public const string ClientId = "client-id-5f2a9c";
    public const string Secret = "secret-Zq8Lw3Xv0Rt7Yp1";

    public static readonly IReadOnlyDictionary<string, string?> NoCredentials = new Dictionary<string, string?>();

    public static readonly IReadOnlyDictionary<string, string?> WithCredentials = new Dictionary<string, string?>
    {
        [Credentials.ClientIdVariable] = ClientId,
        [Credentials.SecretVariable] = Secret,
    };

    /// <param name="environment">The variables the CLI sees.</param>
    /// <param name="transport">
    /// What stands for the network. Null (the CLI's own sockets) only with a loopback <c>--base-url</c>,
    /// so that no test can reach a real Plaid host.
    /// </param>
    /// <param name="args">The command line.</param>
    public static Task<CliResult> InProcessAsync(
        IReadOnlyDictionary<string, string?> environment, HttpMessageHandler? transport, params string[] args) =>
        InProcessAsync(environment, transport, clock: null, args);

    /// <summary>An offline run whose client and fake read <paramref name="clock"/>: the fake dates its balance at its time.</summary>
    public static Task<CliResult> InProcessAsync(TimeProvider clock, params string[] args) => InProcessAsync(NoCredentials, new NoNetwork(), clock, args);

    private static async Task<CliResult> InProcessAsync(
        IReadOnlyDictionary<string, string?> environment, HttpMessageHandler? transport, TimeProvider? clock, string[] args)
    {
        if (transport is null)
        {
            RequireLoopbackBaseUrl(args);
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await PlaidBalanceCli.RunAsync(args, stdout, stderr, environment, transport, clock);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliResult> InProcessAsync(params string[] args) => InProcessAsync(NoCredentials, new NoNetwork(), args);

    private static void RequireLoopbackBaseUrl(string[] args)
    {
        var index = Array.IndexOf(args, "--base-url");
        if (index < 0 || index + 1 >= args.Length || !Uri.TryCreate(args[index + 1], UriKind.Absolute, out var url) || !url.IsLoopback)
        {
            throw new AssertionException("A run on the CLI's own sockets needs a loopback --base-url; pass a handler instead.");
        }
    }

    /// <summary>
    /// The CLI in its own build output: the copy next to tests that reference ASP.NET Core lacks System.Threading.RateLimiting
    /// (the shared framework has it, so the build does not copy the package's, and the CLI runs without that framework).
    /// </summary>
    public static string CliDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var own = System.IO.Path.Combine(Plaid.Generated.Tests.RepositoryRoot.Path, "src", "Plaid.Generated.Cli", "bin", configuration, "net10.0", "Plaid.Generated.Cli.dll");
        return File.Exists(own) ? own : System.IO.Path.Combine(AppContext.BaseDirectory, "Plaid.Generated.Cli.dll");
    }

    /// <summary>Runs <c>dotnet Plaid.Generated.Cli.dll</c> (see <see cref="CliDll"/>).</summary>
    public static async Task<CliResult> ProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        // With credentials the child process would call Plaid itself: only a loopback server may answer it.
        if (environment.Count > 0)
        {
            RequireLoopbackBaseUrl(args);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return await RunAsync(start, environment);
    }

    /// <summary>A command line as the README writes it (<c>dotnet run --project ...</c>), run from the repository root without credentials.</summary>
    public static Task<CliResult> CommandLineAsync(string commandLine)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(words[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var word in words.Skip(1))
        {
            start.ArgumentList.Add(word);
        }

        return RunAsync(start, NoCredentials);
    }

    private static async Task<CliResult> RunAsync(ProcessStartInfo start, IReadOnlyDictionary<string, string?> environment)
    {
        start.Environment.Remove(Credentials.ClientIdVariable);
        start.Environment.Remove(Credentials.SecretVariable);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A hang guard, not a timing assertion: a healthy run ends well within it.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
