using System.Diagnostics;

namespace Plaid.Generated.Tests;

/// <summary>
/// What building the library needs (contract, NSwag settings, codegen target and templates, the library's sources,
/// the shared build settings), copied into a temporary folder so that a test can change and build it. The fixtures
/// that build it share one copy (<see cref="Shared"/>; they are NonParallelizable): restored once, and brought back to
/// the repository's files before each fixture, so a fixture's first build is incremental.
/// </summary>
internal sealed class LibraryCopy : IDisposable
{
    private static LibraryCopy? _shared;

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

    private LibraryCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "plaid-library-" + Guid.NewGuid().ToString("N"));
        Reset();

        // Every build in the copy: no analyzers, which the main build runs on the same sources (here they only cost time).
        File.WriteAllText(PathOf("Directory.Build.rsp"), "-p:RunAnalyzers=false\n");
    }

    public string Root { get; }

    /// <summary>The shared copy, with the repository's files: created on first use, reset on every later one.</summary>
    public static LibraryCopy Shared()
    {
        if (_shared is null)
        {
            _shared = new LibraryCopy();
        }
        else
        {
            _shared.Reset();
        }

        return _shared;
    }

    /// <summary>Deletes the shared copy (<see cref="LibraryCopyCleanup"/>, after the assembly's tests).</summary>
    public static void DeleteShared()
    {
        _shared?.Dispose();
        _shared = null;
    }

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

    /// <summary>
    /// Makes the copied files the repository's again: a file that differs is copied (so its new time makes the next
    /// build redo what depends on it), one the repository lacks is deleted; bin/ and obj/ are kept.
    /// </summary>
    private void Reset()
    {
        foreach (var file in Files)
        {
            CopyIfChanged(file);
        }

        foreach (var folder in Folders)
        {
            var source = Path.Combine(RepositoryRoot.Path, folder);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(file => !InBuildOutput(source, file)))
            {
                CopyIfChanged(Path.GetRelativePath(RepositoryRoot.Path, file));
            }

            var target = PathOf(folder);
            foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Where(file => !InBuildOutput(target, file)))
            {
                if (!File.Exists(Path.Combine(source, Path.GetRelativePath(target, file))))
                {
                    File.Delete(file);
                }
            }
        }
    }

    private static bool InBuildOutput(string folder, string file) =>
        Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private void CopyIfChanged(string relativePath)
    {
        var source = Path.Combine(RepositoryRoot.Path, relativePath);
        var target = PathOf(relativePath);
        if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(source)))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
    }
}
