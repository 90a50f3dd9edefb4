namespace Plaid.Generated.Benchmarks;

/// <summary>The bodies every client under test receives and sends.</summary>
internal static class Payloads
{
    internal const string ClientId = "bench-client-id-0001";
    internal const string Secret = "bench-secret-0000000000000000";
    internal const string PlaidVersion = "2020-09-14";
    internal const string ProcessorToken = "processor-sandbox-0asd1-a92nc";
    internal const string Path = "processor/balance/get";

    /// <summary>The 200 example of openapi/processor-balance-get.yaml (example-1), as the unit tests use it.</summary>
    internal static readonly byte[] Success = Fixture("processor-balance-get.200.json");

    /// <summary>A 400 from Plaid's error docs: Capital One without min_last_updated_datetime.</summary>
    internal static readonly byte[] Error = Fixture("INVALID_FIELD.json");

    // Copied from tests/Plaid.Generated.Tests/Fixtures by the project file, so both suites read the same bytes.
    private static byte[] Fixture(string name) => File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
