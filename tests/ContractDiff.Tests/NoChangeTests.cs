namespace ContractDiff.Tests;

public sealed class NoChangeTests
{
    [Test]
    public async Task Reworded_descriptions_and_examples_are_no_change()
    {
        var reworded = SpecPair.Edit(
            ("description: Reads a widget.", "description: Returns one widget, freshly read."),
            ("description: The token.", "description: A token that names the widget."),
            ("amount: 1.5", "amount: 99.25"));

        AssertNoChange(await SpecPair.DiffAsync(SpecPair.Base, reworded));
    }

    [Test]
    public async Task Reordered_properties_and_required_lists_are_no_change()
    {
        var reordered = SpecPair.Edit(
            ("        - id\n        - amount\n", "        - amount\n        - id\n"),
            ("        mode:\n          type: string\n          enum:\n            - fast\n            - slow\n", ""),
            ("        count:\n", "        mode:\n          type: string\n          enum:\n            - slow\n            - fast\n        count:\n"));

        AssertNoChange(await SpecPair.DiffAsync(SpecPair.Base, reordered));
    }

    [Test]
    public async Task A_ref_replaced_by_an_identical_inline_schema_is_no_change()
    {
        var inlined = SpecPair.Edit(
            ("        kind:\n          $ref: '#/components/schemas/Kind'\n", "        kind:\n          type: string\n          enum:\n            - a\n            - b\n"),
            ("                $ref: '#/components/schemas/Error'\n", "                type: object\n                properties:\n                  error_code:\n                    type: string\n"));

        AssertNoChange(await SpecPair.DiffAsync(SpecPair.Base, inlined));
        AssertNoChange(await SpecPair.DiffAsync(inlined, SpecPair.Base));
    }

    [Test]
    public async Task A_security_scheme_renamed_in_components_only_is_no_change()
    {
        var renamed = SpecPair.Edit(("  - key: []\n", "  - apiKey: []\n"), ("    key:\n      type: apiKey", "    apiKey:\n      type: apiKey"));

        AssertNoChange(await SpecPair.DiffAsync(SpecPair.Base, renamed));
    }

    [Test]
    public async Task A_spec_compared_with_itself_prints_none_in_every_format()
    {
        using var files = new TemporaryFolder();
        var spec = files.Write("spec.yaml", SpecPair.Base);

        var text = await SpecPair.RunAsync("--old", spec, "--new", spec);
        var markdown = await SpecPair.RunAsync("--old", spec, "--new", spec, "--format", "markdown");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.ExitCode, Is.Zero);
            Assert.That(text.Stdout, Does.Contain("Breaking changes: none").And.Contain("Non-breaking changes: none"));
            Assert.That(markdown.ExitCode, Is.Zero);
            Assert.That(markdown.Stdout, Does.StartWith("### Contract diff").And.Contain("**Breaking changes: none**"));
        }
    }

    private static void AssertNoChange(DiffResult result)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Breaking, Is.Empty, result.ToString());
            Assert.That(result.NonBreaking, Is.Empty, result.ToString());
            Assert.That(result.ExitCode, Is.Zero);
        }
    }
}
