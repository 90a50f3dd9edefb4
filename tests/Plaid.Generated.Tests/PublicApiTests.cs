using PublicApiGenerator;

namespace Plaid.Generated.Tests;

/// <summary>
/// The C#-level contract: the public surface of Plaid.Generated must equal the approved file.
/// A renamed schema or property shows here even when the wire contract is unchanged.
/// </summary>
public class PublicApiTests
{
    public const string ApproveVariable = "PLAID_APPROVE_PUBLIC_API";
    private const string ApproveCommand = ApproveVariable + "=1 dotnet test tests/Plaid.Generated.Tests --filter FullyQualifiedName~PublicApiTests";

    private static string ApprovedFile => Path.Combine(RepositoryRoot.Path, "tests", "Plaid.Generated.Tests", "PublicApi", "Plaid.Generated.approved.txt");

    [Test]
    public void Public_api_matches_the_approved_file()
    {
        var actual = Normalize(typeof(PlaidClient).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));

        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllText(ApprovedFile, actual);
            Assert.Pass($"Approved the public API into {ApprovedFile}.");
        }

        var approved = File.Exists(ApprovedFile) ? Normalize(File.ReadAllText(ApprovedFile)) : string.Empty;
        if (actual != approved)
        {
            Assert.Fail($"The public API of Plaid.Generated changed.\n{LineDiff.Format(approved, actual)}\n"
                + $"If the change is intended, re-approve with:\n  {ApproveCommand}");
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
