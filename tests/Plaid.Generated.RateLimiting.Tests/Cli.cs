using System.Diagnostics;

namespace Plaid.Generated.RateLimiting.Tests;

internal sealed record CliResult(int Exit, string Stderr, string[] Lines);

/// <summary><c>dotnet Plaid.Generated.Cli.dll</c> (copied next to the tests) as a child process, with test credentials.</summary>
internal static class Cli
{
    public const string ClientId = "client-id-5f2a9c";
    public const string Secret = "secret-Zq8Lw3Xv0Rt7Yp1";

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

    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(CliDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PLAID_CLIENT_ID"] = ClientId;
        start.Environment["PLAID_SECRET"] = Secret;
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, output: null);

    public static async Task<CliResult> RunAsync(string[] args, string? output)
    {
        using var process = Start(args);
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var lines = output is not null && File.Exists(output) ? File.ReadAllText(output).Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];
        return new CliResult(process.ExitCode, await stderr, lines);
    }
}

internal sealed class TempDir : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("plaid-batch-").FullName;

    public string Path(string name) => System.IO.Path.Combine(_root, name);

    public string Write(string name, string content)
    {
        File.WriteAllText(Path(name), content);
        return Path(name);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
