using System.Diagnostics;

namespace Plaid.Generated.Tests;

/// <summary>
/// What building the library needs (contract, NSwag settings, codegen target and templates, the library's sources,
/// the shared build settings), copied into a temporary folder so that a test can change and build it.
/// </summary>
internal sealed class LibraryCopy : IDisposable
{
    /// <summary>
    /// The tests that build a copy of the library from source: they test the build, not the assembly the tests load,
    /// so the run against the netstandard2.0 builds (.ci/run) leaves them out.
    /// </summary>
    public const string Category = "BuildsLibraryCopy";

    private static readonly string[] Files =
    [
        "nswag.json", "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig",
        "build/Plaid.Generated.CodeGen.targets", "src/Directory.Build.props", "src/Directory.Build.targets", "src/NetStandardApis.cs",
    ];

    private static readonly string[] Folders = ["openapi", "build/templates", "src/Plaid.Generated"];

    public LibraryCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "plaid-library-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Files)
        {
            Copy(file);
        }

        foreach (var folder in Folders)
        {
            var source = Path.Combine(RepositoryRoot.Path, folder);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepositoryRoot.Path, file);
                if (!Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    Copy(relative);
                }
            }
        }
    }

    public string Root { get; }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Runs <c>dotnet</c> in the copy; a non-zero exit fails the test with the output.</summary>
    public string Dotnet(params string[] arguments)
    {
        var (exitCode, output, stderr) = TryDotnet(arguments);
        Assert.That(exitCode, Is.Zero, $"dotnet {string.Join(' ', arguments)} failed:\n{output}\n{stderr}");
        return output;
    }

    /// <summary>Runs <c>dotnet</c> in the copy, for a test that expects it to fail.</summary>
    public (int ExitCode, string Output, string Error) TryDotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Tests match MSBuild's English messages ("Skipping target ..."); a localized machine would print others.
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, stderr.Result);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Copy(string relativePath)
    {
        var target = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(RepositoryRoot.Path, relativePath), target);
    }
}
