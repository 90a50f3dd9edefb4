using System.Xml.Linq;

namespace Plaid.Generated.Tests;

/// <summary>
/// The fragment as a maintainer edits it (issue 27): NSwag reads openapi/processor-balance-get.yaml itself, so YAML
/// comments and blank lines are YAML's business, and a syntax error reaches the build as an error at its line and
/// column of that file, in NSwag's (YamlDotNet's) words, not as "dotnet-nswag.dll exited with code 255".
/// </summary>
[NonParallelizable]
[Category(LibraryCopy.Category)]
[Category("Slow")]
public class SpecYamlTests
{
    private const string Spec = "openapi/processor-balance-get.yaml";

    private LibraryCopy _copy = null!;
    private string _pristine = null!;

    private string GeneratedFile => _copy.PathOf("src/Plaid.Generated/obj/Generated/PlaidClient.g.cs");

    [OneTimeSetUp]
    public void CopyLibrary()
    {
        _copy = LibraryCopy.Shared();
        _pristine = File.ReadAllText(_copy.PathOf(Spec));
    }

    [TearDown]
    public void RestoreSpec() => File.WriteAllText(_copy.PathOf(Spec), _pristine);

    [Test]
    public void Comments_and_a_whitespace_only_line_anywhere_YAML_allows_them_generate_the_same_documented_client()
    {
        Build();
        var before = File.ReadAllText(GeneratedFile);
        Assert.That(Summary("P:Plaid.Generated.AccountBase.Balances"), Is.EqualTo("Balances of an account; any of them may be unknown."));
        Assert.That(Summary("P:Plaid.Generated.ProcessorBalanceGetRequest.ProcessorToken"), Does.StartWith("Token a processor partner receives"));
        Assert.That(Summary("P:Plaid.Generated.ProcessorBalanceGetResponse.RequestId"), Is.EqualTo("Identifier of the request, for Plaid support."));

        var commented = Edit(_pristine,
            // a comment at column 0 between two schemas
            ("    AccountBase:\n", "# AccountBase is the account object of the response\n    AccountBase:\n"),
            // a comment inside a schema's mapping, and a whitespace-only line, right after a referenced schema's description
            ("      description: Balances of an account; any of them may be unknown.\n",
             "      description: Balances of an account; any of them may be unknown.\n   \n      # reviewed with the product team\n"),
            // a comment after a folded (multi-line) description, less indented than its text, and one after a plain scalar
            ("    RequestID:\n", "    # the token's description ends above\n    RequestID:\n"),
            ("      description: Identifier of the request, for Plaid support.\n", "      description: Identifier of the request, for Plaid support. # short on purpose\n"));
        File.WriteAllText(_copy.PathOf(Spec), commented + "# reviewed\n");

        Build();

        Assert.That(File.ReadAllText(GeneratedFile), Is.EqualTo(before), "comments and blank lines change nothing in the generated client");
        Assert.That(Summary("P:Plaid.Generated.AccountBase.Balances"), Is.EqualTo("Balances of an account; any of them may be unknown."));
    }

    [Test]
    public void A_YAML_syntax_error_fails_the_build_with_YamlDotNets_message_at_its_line_and_column_of_the_fragment()
    {
        var broken = Edit(_pristine, ("      description: One financial account.\n", "      description: One financial account: the one behind the token.\n"));
        File.WriteAllText(_copy.PathOf(Spec), broken);
        var lines = broken.Split('\n');
        var line = Array.FindIndex(lines, text => text.Contains("One financial account: ", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf(": the one", StringComparison.Ordinal) + 1;

        var (exitCode, output, _) = _copy.TryDotnet("build", "src/Plaid.Generated/Plaid.Generated.csproj", "-f", "net10.0", "-nodeReuse:false");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(output, Does.Contain($"{_copy.PathOf(Spec)}({line},{column}): NSwag error PLAIDGEN001: the OpenAPI fragment is not valid YAML: While scanning a plain scalar value, found invalid mapping."), output);
            Assert.That(output, Does.Not.Contain("exited with code"), "the cause, not NSwag's exit code");
        }

        // The failed generation left no output that passes for up to date: the same build fails the same way.
        var (again, againOutput, _) = _copy.TryDotnet("build", "src/Plaid.Generated/Plaid.Generated.csproj", "-f", "net10.0", "-nodeReuse:false");
        Assert.That(again, Is.Not.Zero);
        Assert.That(againOutput, Does.Contain($"({line},{column}): NSwag error PLAIDGEN001"));
    }

    private static string Edit(string text, params (string Old, string New)[] edits)
    {
        foreach (var (old, replacement) in edits)
        {
            Assert.That(text, Does.Contain(old), "the fragment changed: update this test's edit");
            text = text.Replace(old, replacement, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The summary the compiler wrote for a member into the net10.0 XML documentation file.</summary>
    private string Summary(string member)
    {
        var documentation = XDocument.Load(_copy.PathOf("src/Plaid.Generated/bin/Debug/net10.0/Plaid.Generated.xml"));
        var summary = documentation.Descendants("member").Single(element => (string?)element.Attribute("name") == member).Element("summary");
        return string.Join(" ", summary!.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    // net10.0 only: the documentation read is that build's, and NSwag runs once for any target.
    private void Build() => _copy.Dotnet("build", "src/Plaid.Generated/Plaid.Generated.csproj", "-f", "net10.0", "-nodeReuse:false");
}
