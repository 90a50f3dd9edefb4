using Plaid.Generated.Tests;

namespace Plaid.Generated.Cli.Tests;

/// <summary>The OpenAPI fragment as the test reads it, line by line, independent of the build's reading.</summary>
internal static class SpecFile
{
    public static string InfoVersion()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "openapi", "processor-balance-get.yaml"));
        var info = Array.IndexOf(lines, "info:");
        return lines.Skip(info + 1).TakeWhile(line => line.StartsWith(' ') || line.Length == 0)
            .Select(line => line.Trim()).Single(line => line.StartsWith("version:", StringComparison.Ordinal))["version:".Length..].Trim();
    }
}
