namespace ContractDiff.Tests;

public sealed class DriftTests
{
    [Test]
    public async Task A_member_the_fragment_leaves_out_is_reported_without_failing()
    {
        var fragment = SpecPair.Edit(("        note:\n          type: string\n          nullable: true\n", ""));

        var result = await SpecPair.DiffAsync(SpecPair.Base, fragment, "drift");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Disagreements, Is.Empty);
            Assert.That(result.Omissions.Select(finding => finding.Location), Is.EqualTo(new[] { "POST /widgets/get 200 response: note" }));
        }
    }

    [TestCase("type: number", "type: string", "response.type-changed", TestName = "Type contradicts upstream")]
    [TestCase("format: double", "format: float", "schema.format-changed", TestName = "Format contradicts upstream")]
    [TestCase("          type: string\n          nullable: true\n", "          type: string\n", "response.property-made-non-nullable", TestName = "Nullability contradicts upstream")]
    [TestCase("        - id\n        - amount\n", "        - id\n", "response.property-made-optional", TestName = "Required contradicts upstream")]
    [TestCase("        - a\n        - b\n", "        - a\n", "response.enum-value-removed", TestName = "Enum contradicts upstream")]
    [TestCase("        note:\n", "        invented:\n          type: string\n        note:\n", "response.property-added", TestName = "A member upstream does not have")]
    public async Task A_contradiction_of_upstream_fails(string from, string to, string rule)
    {
        var result = await SpecPair.DiffAsync(SpecPair.Base, SpecPair.Edit((from, to)), "drift");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Disagreements.Select(finding => finding.Rule), Does.Contain(rule));
        }
    }

    [Test]
    public async Task Paths_the_fragment_does_not_cover_are_not_compared()
    {
        var upstream = SpecPair.Edit(("components:\n", "  /widgets/list:\n    get:\n      responses:\n        '200':\n          description: The list.\ncomponents:\n"));

        var result = await SpecPair.DiffAsync(upstream, SpecPair.Base, "drift");

        Assert.That(result.Disagreements.Concat(result.Omissions), Is.Empty, result.ToString());
    }

    [Test]
    public async Task An_absent_upstream_file_is_skipped_with_a_message()
    {
        using var files = new TemporaryFolder();
        var absent = Path.Combine(files.Path, "upstream.yml");

        var result = await SpecPair.RunAsync("drift", "--fragment", files.Write("fragment.yaml", SpecPair.Base), "--upstream", absent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Stdout, Does.Contain($"skipped, {absent} is absent"));
        }
    }
}
