namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>The unit tests' JSON fixtures, linked into this project's output.</summary>
internal static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string SpecExample => Read("processor-balance-get.200.json");

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Every error fixture, by error code (the file name).</summary>
    public static IReadOnlyDictionary<string, string> Errors =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "errors"), "*.json")
            .Order(StringComparer.Ordinal)
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), File.ReadAllText);
}
