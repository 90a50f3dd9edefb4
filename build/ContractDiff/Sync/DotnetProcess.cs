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

    /// <summary>
    /// Every compiler error of a build, grouped by file (relative to the repository), each once: a multi-targeted
    /// project reports the same error per target. Empty when the build failed without a compiler error (restore, MSBuild).
    /// </summary>
    public static IReadOnlyList<(string File, IReadOnlyList<string> Errors)> CompilerErrorsByFile(string buildOutput, string repository)
    {
        var root = Path.GetFullPath(repository).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return [.. buildOutput.Split('\n')
            .Select(line => ProjectSuffix().Replace(line.Trim(), "").Replace(root, "", StringComparison.Ordinal))
            .Select(line => CompilerErrorAt().Match(line))
            .Where(match => match.Success)
            .Select(match => (File: match.Groups["file"].Value, Error: match.Groups["error"].Value))
            .Distinct()
            .GroupBy(error => error.File, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (group.Key, (IReadOnlyList<string>)[.. group.Select(error => error.Error)]))];
    }

    // "file(12,20): error CS0117: message": the file, then the position and the error.
    [GeneratedRegex(@"^(?<file>[^(]+)(?<error>\([0-9]+,[0-9]+\):\s*error\s+[A-Z]+[0-9]+\s*:.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CompilerErrorAt();

    [GeneratedRegex(@":\s*error\s+[A-Z]+[0-9]+\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex CompilerError();

    // "[src/X/X.csproj]", or "[src/X/X.csproj::TargetFramework=netstandard2.0]" from a multi-targeted project.
    [GeneratedRegex(@"\s+\[[^\]]+\.csproj(::[^\]]*)?\]$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectSuffix();
}
