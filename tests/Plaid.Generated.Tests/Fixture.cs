namespace Plaid.Generated.Tests;

/// <summary>Reads the JSON fixtures copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string SpecExample => Read("processor-balance-get.200.json");

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));
}
