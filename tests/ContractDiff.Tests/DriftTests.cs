namespace ContractDiff.Tests;

public sealed class DriftTests
{
    [Test]
    public async Task A_member_the_fragment_leaves_out_fails_as_an_omission()
    {
        var fragment = SpecPair.Edit(("        note:\n          type: string\n          nullable: true\n", ""));

        var result = await SpecPair.DiffAsync(SpecPair.Base, fragment, "drift");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Disagreements, Is.Empty);
            Assert.That(result.Omissions.Select(finding => finding.Location), Is.EqualTo(new[] { "POST /widgets/get 200 response: note" }));
        }
    }

    [TestCase("amount: 1.5", "amount: 2.5", "paths/[/widgets/get]/post/responses/200/content/[application/json]/example/amount", TestName = "An example differs")]
    [TestCase("      operationId: widgetsGet\n", "      operationId: widgetsGet\n      deprecated: true\n", "paths/[/widgets/get]/post/deprecated", TestName = "A keyword the judge does not read")]
    [TestCase("      operationId: widgetsGet\n", "      operationId: widgetsGet\n      x-ours: 1\n", "paths/[/widgets/get]/post/x-ours", TestName = "A vendor key upstream does not have")]
    public async Task A_difference_the_contract_judge_does_not_read_fails_naming_its_place(string from, string to, string place)
    {
        var result = await SpecPair.DiffAsync(SpecPair.Base, SpecPair.Edit((from, to)), "drift");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Disagreements.Select(finding => finding.Rule), Is.All.EqualTo("drift.structure"), result.ToString());
            Assert.That(result.Disagreements.Select(finding => finding.Location), Has.Some.StartsWith(place), result.ToString());
        }
    }

    [Test]
    public async Task Descriptions_and_formatting_are_no_drift()
    {
        var upstream = SpecPair.Edit(("description: Reads a widget.", "description: Upstream's very different words."));

        var result = await SpecPair.DiffAsync(upstream, SpecPair.Base.Replace("\n", "\n\n", StringComparison.Ordinal), "drift");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
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
    public async Task An_absent_upstream_file_fails_under_CI()
    {
        using var files = new TemporaryFolder();
        var absent = Path.Combine(files.Path, "upstream.yml");
        var result = await DriftWithCiAsync("true", files.Write("fragment.yaml", SpecPair.Base), absent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ContractDiffCommand.InvalidInput));
            Assert.That(result.Stderr, Does.Contain($"cannot read {absent}: it is absent, and under CI=true the drift check must run"));
            Assert.That(result.Stdout, Does.Not.Contain("skipped"));
        }
    }

    [Test]
    public async Task An_absent_upstream_file_is_skipped_with_a_message()
    {
        using var files = new TemporaryFolder();
        var absent = Path.Combine(files.Path, "upstream.yml");

        var result = await DriftWithCiAsync(null, files.Write("fragment.yaml", SpecPair.Base), absent); // as on a developer's machine

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Stdout, Does.Contain($"skipped, {absent} is absent"));
        }
    }

    private static async Task<DiffResult> DriftWithCiAsync(string? ci, string fragment, string upstream)
    {
        var before = Environment.GetEnvironmentVariable("CI");
        Environment.SetEnvironmentVariable("CI", ci);
        try
        {
            return await SpecPair.RunAsync("drift", "--fragment", fragment, "--upstream", upstream);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", before);
        }
    }
}
