using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ContractDiff.Sync;

/// <summary>The <c>dotnet</c> and <c>git</c> commands the sync runs in the repository, and what their output says.</summary>
internal static partial class DotnetProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string program, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en"; // the compiler's messages are read below
        start.Environment["DOTNET_NOLOGO"] = "1";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new SyncStepException($"cannot run {program}: {exception.Message}");
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            return (process.ExitCode, stdout + await stderr.ConfigureAwait(false));
        }
    }

    /// <summary>The build's first error, as the compiler (or MSBuild, or NuGet) wrote it, without the project suffix.</summary>
    public static string FirstError(string buildOutput, string repository)
    {
        var lines = buildOutput.Split('\n').Select(line => line.Trim());
        var error = lines.FirstOrDefault(line => CompilerError().IsMatch(line)) ?? lines.FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase));
        if (error is null)
        {
            return "no error line in the build output";
        }

        error = ProjectSuffix().Replace(error, "");
        var root = Path.GetFullPath(repository).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return error.Replace(root, "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@":\s*error\s+[A-Z]+[0-9]+\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex CompilerError();

    // "[src/X/X.csproj]", or "[src/X/X.csproj::TargetFramework=netstandard2.0]" from a multi-targeted project.
    [GeneratedRegex(@"\s+\[[^\]]+\.csproj(::[^\]]*)?\]$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectSuffix();
}
