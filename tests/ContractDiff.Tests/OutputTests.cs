namespace ContractDiff.Tests;

public sealed class OutputTests
{
    private static readonly string WithoutNote = SpecPair.Edit(("        note:\n          type: string\n          nullable: true\n", ""));

    [Test]
    public async Task Text_names_the_rule_the_location_and_the_change()
    {
        using var files = new TemporaryFolder();

        var result = await SpecPair.RunAsync("--old", files.Write("old.yaml", SpecPair.Base), "--new", files.Write("new.yaml", WithoutNote));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ContractDiffCommand.BreakingChange));
            Assert.That(result.Stdout, Does.Contain("Breaking changes: 1"));
            Assert.That(result.Stdout, Does.Contain("[response.property-removed] POST /widgets/get 200 response: note"));
            Assert.That(result.Stdout, Does.Contain("property note was removed"));
        }
    }

    [Test]
    public async Task Markdown_is_a_table_for_a_pull_request_comment()
    {
        using var files = new TemporaryFolder();

        var result = await SpecPair.RunAsync(
            "--old", files.Write("old.yaml", SpecPair.Base), "--new", files.Write("new.yaml", WithoutNote), "--format", "markdown");

        Assert.That(result.Stdout, Does.Contain("| Rule | Location | Change |")
            .And.Contain("| `response.property-removed` | `POST /widgets/get 200 response: note` | property note was removed |"));
    }

    [Test]
    public async Task Json_has_the_breaking_and_non_breaking_lists()
    {
        var result = await SpecPair.DiffAsync(WithoutNote, SpecPair.Base);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Sections.Keys, Is.EquivalentTo(new[] { "breaking", "nonBreaking" }));
            Assert.That(result.NonBreaking, Is.EqualTo(new[]
            {
                new Finding("response.property-added", "POST /widgets/get 200 response: note", "optional property note was added"),
            }));
        }
    }

    [TestCase("        note:\n          type: string\n          nullable: true\n", "", "major", TestName = "A breaking change calls for a major version")]
    [TestCase("        note:\n", "        extra:\n          type: string\n        note:\n", "minor", TestName = "Only non-breaking changes call for a minor version")]
    [TestCase("description: Reads a widget.", "description: Reworded.", "patch", TestName = "No change calls for a patch version")]
    public async Task Text_ends_with_the_version_bump_the_changes_call_for(string from, string to, string bump)
    {
        using var files = new TemporaryFolder();

        var result = await SpecPair.RunAsync("--old", files.Write("old.yaml", SpecPair.Base), "--new", files.Write("new.yaml", SpecPair.Edit((from, to))));

        Assert.That(result.Stdout.TrimEnd(), Does.EndWith($"Version bump: {bump}"));
    }
}
