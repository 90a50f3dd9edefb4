using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Plaid.Generated.Tests;

namespace Plaid.Generated.Cli.Tests;

/// <summary>
/// Every C# sample of README.md and the packages' READMEs (src/*/README.md) compiles, as pasted, against the built
/// packages (Roslyn in-process, the references a console or web app has, NUnit for test samples); the quick-start and
/// the DI sample run against <c>FakePlaidHandler</c>, and the quick-start without credentials says what it needs.
/// </summary>
public partial class ReadmeCodeSampleTests
{
    private const string ClientIdVariable = "Environment.GetEnvironmentVariable(\"PLAID_CLIENT_ID\")";
    private const string SecretVariable = "Environment.GetEnvironmentVariable(\"PLAID_SECRET\")";

    // What the samples leave implicit: a console app's implicit usings, a web app's, NUnit's in a test project,
    // and, for the snippets that call builder.Services, the builder a host app has.
    private const string Prelude = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using NUnit.Framework;
        global using static SampleHost;

        public static class SampleHost
        {
            public static SampleBuilder builder { get; } = new();

            public static string? Unset() => null;
        }

        public sealed class SampleBuilder
        {
            public IServiceCollection Services { get; } = new ServiceCollection();

            public ConfigurationManager Configuration { get; } = new();
        }
        """;

    /// <summary>Samples that need a package this repository does not use; the README names it beside them.</summary>
    private static readonly (string Marker, string Package)[] ThirdParty =
    [
        ("AddOpenTelemetry", "OpenTelemetry.Extensions.Hosting"),
        ("AddStandardResilienceHandler", "Microsoft.Extensions.Http.Resilience"),
    ];

    public static IEnumerable<TestCaseData> AllSamples() =>
        Samples().Select(sample => new TestCaseData(sample.Readme, sample.Line, sample.Code).SetArgDisplayNames($"{sample.Readme}:{sample.Line}"));

    [TestCaseSource(nameof(AllSamples))]
    public void The_sample_compiles_as_pasted(string readme, int line, string code)
    {
        if (ThirdParty.FirstOrDefault(party => code.Contains(party.Marker, StringComparison.Ordinal)) is { Package: { } package })
        {
            Assert.That(File.ReadAllText(Path.Combine(RepositoryRoot.Path, readme)), Does.Contain(package), "the README names the package the sample needs");
            Assert.Pass($"needs {package}, which this repository does not reference; the README names it");
        }

        var diagnostics = Compile(code, out _);

        Assert.That(diagnostics, Is.Empty, $"{readme}:{line}\n{code}");
    }

    [Test]
    public void The_samples_are_found()
    {
        var samples = Samples().ToList();

        Assert.That(samples.Select(sample => sample.Readme).Distinct(), Is.SupersetOf(new[]
        {
            "README.md", "src/Plaid.Generated/README.md", "src/Plaid.Generated.DependencyInjection/README.md", "src/Plaid.Generated.Testing/README.md",
        }));
        Assert.That(samples, Has.Count.GreaterThanOrEqualTo(8));
    }

    [Test]
    public void The_NUnit_sample_compiles_on_NUnit_4_too()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var nunit4 = Directory.Exists(Path.Combine(packages, "nunit"))
            ? Directory.GetDirectories(Path.Combine(packages, "nunit"), "4.*").Order(StringComparer.Ordinal)
                .SelectMany(version => Directory.GetFiles(Path.Combine(version, "lib"), "nunit.framework.dll", SearchOption.AllDirectories)
                    .Where(path => !Path.GetFileName(Path.GetDirectoryName(path)!).StartsWith("net4", StringComparison.Ordinal)))
                .LastOrDefault()
            : null; // the project's PackageDownload puts NUnit 4 there
        if (nunit4 is null)
        {
            Assert.Ignore("no NUnit 4 in the global packages folder to compile against");
        }

        var sample = Samples().Single(s => s.Readme == "README.md" && s.Code.Contains("[Test]", StringComparison.Ordinal));
        var references = References.Value.Where(r => !string.Equals(Path.GetFileName(r.Display), "nunit.framework.dll", StringComparison.OrdinalIgnoreCase))
            .Append(MetadataReference.CreateFromFile(nunit4)).ToArray();

        Assert.That(Compile(sample.Code, references, out _), Is.Empty, nunit4);
    }

    [TestCase("README.md")]
    [TestCase("src/Plaid.Generated/README.md")]
    public async Task The_quick_start_runs_against_the_fake(string readme)
    {
        var code = QuickStart(readme)
            .Replace(ClientIdVariable, "\"client-id-1234\"", StringComparison.Ordinal)
            .Replace(SecretVariable, "\"secret-1234\"", StringComparison.Ordinal)
            .Replace("new PlaidClient(new PlaidClientOptions", "new PlaidClient(new HttpClient(new Plaid.Generated.Testing.FakePlaidHandler()), new PlaidClientOptions", StringComparison.Ordinal);

        var (exitCode, stdout, stderr) = await RunAsync(code);

        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("Plaid Checking: ").And.Contain("100").And.Contain("USD"));
    }

    [TestCase("README.md")]
    [TestCase("src/Plaid.Generated/README.md")]
    public async Task The_quick_start_without_credentials_says_what_it_needs(string readme)
    {
        var code = QuickStart(readme)
            .Replace(ClientIdVariable, "Unset()", StringComparison.Ordinal)
            .Replace(SecretVariable, "Unset()", StringComparison.Ordinal);

        var (exitCode, stdout, stderr) = await RunAsync(code);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("Set PLAID_CLIENT_ID and PLAID_SECRET"));
        Assert.That(stdout, Is.Empty);
    }

    [TestCase("README.md")]
    [TestCase("src/Plaid.Generated.DependencyInjection/README.md")]
    public async Task The_DI_sample_runs_against_the_fake(string readme)
    {
        var sample = Samples().First(s => s.Readme == readme && s.Code.Contains("AddPlaidClient(builder.Configuration.GetSection(\"Plaid\"))", StringComparison.Ordinal));
        // The configuration's keys, and the fake as the typed client's primary handler, as a test of the app would set them.
        var usings = string.Concat(sample.Code.Split('\n').TakeWhile(line => line.StartsWith("using ", StringComparison.Ordinal) || line.Length == 0).Select(line => line + "\n"));
        var code = usings
            + """
            builder.Configuration["Plaid:ClientId"] = "client-id-1234";
            builder.Configuration["Plaid:Secret"] = "secret-1234";

            """
            + sample.Code[usings.Length..].Replace(ClientIdVariable, "\"client-id-1234\"", StringComparison.Ordinal).Replace(SecretVariable, "\"secret-1234\"", StringComparison.Ordinal)
            + """

            builder.Services.AddHttpClient(nameof(Plaid.Generated.IPlaidClient)).ConfigurePrimaryHttpMessageHandler(() => new Plaid.Generated.Testing.FakePlaidHandler());
            await using var provider = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            var plaid = provider.GetRequiredService<Plaid.Generated.IPlaidClient>();
            var response = await plaid.ProcessorBalanceGetAsync(new Plaid.Generated.ProcessorBalanceGetRequest { ProcessorToken = "TOKEN" });
            Console.WriteLine($"{response.Account.Name} {response.Account.Balances.Available}");
            """;

        // A sample that shows both registrations (configuration, or code) ends configured as the code one says.
        var environment = sample.Code.Contains("PlaidEnvironment.Production", StringComparison.Ordinal) ? "production" : "sandbox";
        var (exitCode, stdout, stderr) = await RunAsync(code.Replace("\"TOKEN\"", $"\"processor-{environment}-0asd1-a92nc\"", StringComparison.Ordinal));

        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("Plaid Checking 100"));
    }

    private static string QuickStart(string readme) =>
        Samples().First(s => s.Readme == readme && s.Code.Contains("ProcessorBalanceGetAsync", StringComparison.Ordinal) && s.Code.Contains("return 0;", StringComparison.Ordinal)).Code;

    private static IEnumerable<(string Readme, int Line, string Code)> Samples()
    {
        var readmes = new[] { "README.md" }.Concat(Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "src"))
            .Where(directory => File.Exists(Path.Combine(directory, "README.md")))
            .Select(directory => $"src/{Path.GetFileName(directory)}/README.md").Order(StringComparer.Ordinal));
        foreach (var readme in readmes)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, readme)).ReplaceLineEndings("\n");
            foreach (Match block in CSharpBlock().Matches(text))
            {
                var indent = block.Groups["indent"].Value;
                var code = string.Join('\n', block.Groups["code"].Value.Split('\n').Select(line => line.StartsWith(indent, StringComparison.Ordinal) ? line[indent.Length..] : line));
                yield return (readme, text[..block.Index].Count(c => c == '\n') + 1, code);
            }
        }
    }

    [GeneratedRegex(@"^(?<indent>[ ]*)```csharp\n(?<code>(?:(?![ ]*```)[^\n]*\n)*)[ ]*```", RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    private static IReadOnlyList<string> Compile(string code, out byte[] assembly) => Compile(code, References.Value, out assembly);

    private static IReadOnlyList<string> Compile(string code, MetadataReference[] references, out byte[] assembly)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var isProgram = !code.Contains(" class ", StringComparison.Ordinal);
        var compilation = CSharpCompilation.Create(
            $"ReadmeSample{Guid.NewGuid():N}",
            [CSharpSyntaxTree.ParseText(Prelude, parse, "Prelude.cs"), CSharpSyntaxTree.ParseText(code, parse, "Sample.cs")],
            references,
            new CSharpCompilationOptions(isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        assembly = stream.ToArray();
        // Errors, and the warnings a project with TreatWarningsAsErrors would stop on, except "lowercase type name" of the prelude.
        return [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath == "Sample.cs"))
            .Select(d => d.ToString())];
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var packages = new[] { "Plaid.Generated", "Plaid.Generated.DependencyInjection", "Plaid.Generated.Testing", "Plaid.Generated.RateLimiting.Redis", "nunit.framework", "Newtonsoft.Json" }
            .Select(name => Path.Combine(AppContext.BaseDirectory, name + ".dll"));
        return [.. platform.Concat(packages).Where(File.Exists)
            .GroupBy(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase).Select(group => group.Last())
            .Select(path => MetadataReference.CreateFromFile(path))];
    });

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string code)
    {
        var diagnostics = Compile(code, out var image);
        Assert.That(diagnostics, Is.Empty, code);
        var entryPoint = Assembly.Load(image).EntryPoint!;
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            var exitCode = result switch
            {
                Task<int> task => await task,
                Task task => await task.ContinueWith(_ => 0, TaskScheduler.Default),
                int value => value,
                _ => 0,
            };
            return (exitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
