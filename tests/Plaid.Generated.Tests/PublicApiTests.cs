using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Plaid.Generated.Testing;
using PublicApiGenerator;

namespace Plaid.Generated.Tests;

/// <summary>
/// The C#-level contract: the public surface of each package must equal its approved file.
/// A renamed schema or property shows here even when the wire contract is unchanged.
/// </summary>
public class PublicApiTests
{
    public const string ApproveVariable = "PLAID_APPROVE_PUBLIC_API";
    private const string ApproveCommand = ApproveVariable + "=1 dotnet test tests/Plaid.Generated.Tests --filter FullyQualifiedName~PublicApiTests";

    public static IEnumerable<TestCaseData> Packages() =>
    [
        new TestCaseData(typeof(PlaidClient).Assembly).SetArgDisplayNames("Plaid.Generated"),
        new TestCaseData(typeof(PlaidServiceCollectionExtensions).Assembly).SetArgDisplayNames("Plaid.Generated.DependencyInjection"),
        new TestCaseData(typeof(FakePlaidHandler).Assembly).SetArgDisplayNames("Plaid.Generated.Testing"),
        new TestCaseData(typeof(Plaid.Generated.RateLimiting.Redis.RedisPlaidRateLimiterFactory).Assembly).SetArgDisplayNames("Plaid.Generated.RateLimiting.Redis"),
    ];

    [TestCaseSource(nameof(Packages))]
    public void Public_api_matches_the_approved_file(Assembly package)
    {
        var name = package.GetName().Name!;
        var approvedFile = Path.Combine(RepositoryRoot.Path, "tests", "Plaid.Generated.Tests", "PublicApi", name + ".approved.txt");
        var actual = Normalize(package.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            // AddPlaidClient lives in Microsoft.Extensions.DependencyInjection, as extension methods for IServiceCollection
            // do by convention; PublicApiGenerator leaves Microsoft.* namespaces out unless they are allowed.
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
        }));

        var approve = Environment.GetEnvironmentVariable(ApproveVariable);

        // CI checks the approved files; approving there would rewrite the file it compares against and always pass.
        if (!string.IsNullOrEmpty(approve) && IsCi)
        {
            Assert.Fail($"{ApproveVariable} is set under CI=true: approving the public API is refused in CI. Approve locally and commit the file.");
        }

        if (approve == "1")
        {
            File.WriteAllText(approvedFile, actual);
            Assert.Pass($"Approved the public API of {name} into {approvedFile}.");
        }

        var approved = File.Exists(approvedFile) ? Normalize(File.ReadAllText(approvedFile)) : string.Empty;
        if (actual != approved)
        {
            Assert.Fail($"The public API of {name} changed.\n{LineDiff.Format(approved, actual)}\n"
                + $"If the change is intended, re-approve with:\n  {ApproveCommand}");
        }
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
