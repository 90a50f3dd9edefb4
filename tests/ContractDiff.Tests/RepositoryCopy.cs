using System.Diagnostics;
using System.IO.Compression;
using Plaid.Generated.Tests;

namespace ContractDiff.Tests;

/// <summary>
/// A copy of the repository (only what the client, its tests and the sync need), restored once, for syncing to other
/// versions of Plaid's spec, its libraries built for net10.0 only; <see cref="Reset"/> brings its fragment and the client's tests back to the committed ones
/// and keeps the build's outputs, so the next build is incremental. Upstream files go beside it, in <c>../shared</c>.
/// </summary>
internal sealed class RepositoryCopy : IDisposable
{
    private static readonly string[] Files =
    [
        "Plaid.Generated.sln", "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "nswag.json",
        "build/Directory.Build.props", "build/Plaid.Generated.CodeGen.targets", "build/sync-spec.sh", "tests/Directory.Build.props",
        "src/Directory.Build.props", "src/Directory.Build.targets", "src/NetStandardApis.cs", "tests/Directory.Build.targets",
    ];

    private static readonly string[] Folders =
    [
        "openapi", "build/templates", "build/contract-baseline", "build/ContractDiff", "src/Plaid.Generated", "tests/Plaid.Generated.Tests",
        // The client's tests also check the public API and XML docs of these packages.
        "src/Plaid.Generated.DependencyInjection", "src/Plaid.Generated.Testing", "src/Plaid.Generated.RateLimiting.Redis",
        // What the client's tests share with the other test projects.
        "tests/Plaid.Generated.TestSupport",
    ];

    // What a sync changes: the fragment, and the client's tests where a test drops what an older spec lacks.
    private static readonly string[] Changed = ["openapi", "tests/Plaid.Generated.Tests"];

    private readonly string _root = Directory.CreateTempSubdirectory("plaid-sync-").FullName;

    public RepositoryCopy()
    {
        Path = Directory.CreateDirectory(System.IO.Path.Combine(_root, "repository")).FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(_root, "shared"));
        foreach (var file in Files.Where(file => File.Exists(System.IO.Path.Combine(RepositoryRoot.Path, file))))
        {
            CopyFile(file);
        }

        foreach (var folder in Folders)
        {
            CopyFolder(folder);
        }

        // Every dotnet command in the copy (the sync's builds included) builds the libraries for net10.0 only: the sync's
        // steps and the client's tests use no other target, and the main build compiles all three from the same code.
        // NU1510 (a package net10.0 has built in, referenced for the other targets) stays a warning there. No analyzers:
        // the main build runs them on the same sources, and here they only cost time.
        File.WriteAllText(System.IO.Path.Combine(Path, "Directory.Build.rsp"), "-p:TargetFrameworks=net10.0\n-p:WarningsNotAsErrors=NU1510\n-p:RunAnalyzers=false\n");
    }

    public string Path { get; }

    public string Fragment => System.IO.Path.Combine(Path, "openapi", "processor-balance-get.yaml");

    public void Restore()
    {
        var (exitCode, output) = Run("dotnet", "restore", "tests/Plaid.Generated.Tests/Plaid.Generated.Tests.csproj", "-v:q", "-nologo");
        Assert.That(exitCode, Is.Zero, output);
    }

    public void Reset()
    {
        foreach (var folder in Changed)
        {
            CopyFolder(folder);
        }
    }

    /// <summary>Plaid's spec at <paramref name="path"/>, gunzipped when it ends in .gz, beside the copy; returns where it is.</summary>
    public string Upstream(string path)
    {
        var target = System.IO.Path.Combine(_root, "shared", System.IO.Path.GetFileName(path).Replace(".gz", "", StringComparison.Ordinal));
        if (!File.Exists(target))
        {
            using var source = File.OpenRead(path);
            using var output = File.Create(target);
            if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                using var gunzip = new GZipStream(source, CompressionMode.Decompress);
                gunzip.CopyTo(output);
            }
            else
            {
                source.CopyTo(output);
            }
        }

        return target;
    }

    /// <summary><c>bash build/sync-spec.sh UPSTREAM --no-restore</c> with the tests' own ContractDiff.dll.</summary>
    public (int ExitCode, string Output) Sync(string upstream) =>
        Run("bash", ["build/sync-spec.sh", upstream, "--no-restore"], ("CONTRACT_DIFF_DLL", System.IO.Path.Combine(AppContext.BaseDirectory, "ContractDiff.dll")));

    public (int ExitCode, string Output) Run(string program, params string[] arguments) => Run(program, arguments, []);

    public (int ExitCode, string Output) Run(string program, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void CopyFolder(string folder)
    {
        var root = System.IO.Path.Combine(RepositoryRoot.Path, folder);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(file => !System.IO.Path.GetRelativePath(root, file).Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
        {
            CopyFile(System.IO.Path.GetRelativePath(RepositoryRoot.Path, file));
        }
    }

    private void CopyFile(string relativePath)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.Copy(System.IO.Path.Combine(RepositoryRoot.Path, relativePath), target, overwrite: true);
        File.SetLastWriteTimeUtc(target, DateTime.UtcNow); // newer than the last build's outputs: a reset file is rebuilt
    }
}
