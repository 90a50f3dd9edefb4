namespace ContractDiff.Tests;

public sealed class InvalidInputTests
{
    [TestCase("foo: [", "Unable to parse the YAML document", TestName = "Not YAML")]
    [TestCase("foo: 1", "invalid OpenAPI", TestName = "YAML but not OpenAPI")]
    [TestCase("", "the file is empty", TestName = "Empty file")]
    public async Task An_unreadable_spec_exits_2_naming_the_file_and_the_problem(string content, string problem)
    {
        using var files = new TemporaryFolder();
        var bad = files.Write("bad.yaml", content);

        var result = await SpecPair.RunAsync("--old", bad, "--new", files.Write("good.yaml", SpecPair.Base));

        AssertInvalid(result, bad, problem);
    }

    [Test]
    public async Task A_missing_file_exits_2_naming_it()
    {
        using var files = new TemporaryFolder();
        var missing = Path.Combine(files.Path, "missing.yaml");

        var result = await SpecPair.RunAsync("--old", files.Write("good.yaml", SpecPair.Base), "--new", missing);

        AssertInvalid(result, missing, "Could not find file");
    }

    [TestCase(33, "allOf nests deeper than 32 levels (or includes itself) at #/components/schemas/Level0", TestName = "allOf 33 levels deep")]
    [TestCase(-1, "allOf nests deeper than 32 levels (or includes itself) at #/components/schemas/Level0", TestName = "allOf including itself")]
    public async Task A_schema_the_comparer_cannot_merge_exits_2_naming_the_file_and_the_schema(int levels, string problem)
    {
        using var files = new TemporaryFolder();
        var bad = files.Write("deep.yaml", WithAllOfChain(levels));
        var good = files.Write("good.yaml", SpecPair.Base);

        using (Assert.EnterMultipleScope())
        {
            AssertInvalid(await SpecPair.RunAsync("--old", good, "--new", bad), bad, problem);
            AssertInvalid(await SpecPair.RunAsync("--old", bad, "--new", good), bad, problem);
            AssertInvalid(await SpecPair.RunAsync("drift", "--fragment", bad, "--upstream", good), bad, problem);
        }
    }

    [Test]
    public async Task An_allOf_32_levels_deep_is_compared()
    {
        using var files = new TemporaryFolder();
        var spec = files.Write("deep.yaml", WithAllOfChain(32));

        var result = await SpecPair.RunAsync("--old", spec, "--new", spec);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [TestCase("{", "'{' is invalid after a single JSON value|Expected depth to be zero|end of data", TestName = "nswag.json not JSON")]
    [TestCase("{}", "no codeGenerators.openApiToCSharpClient section", TestName = "nswag.json without the C# generator")]
    public async Task Unreadable_nswag_settings_exit_2_naming_the_file(string content, string problem)
    {
        using var files = new TemporaryFolder();
        var spec = files.Write("spec.yaml", SpecPair.Base);
        var nswag = files.Write("nswag.json", content);

        var result = await SpecPair.RunAsync("--old", spec, "--new", spec, "--nswag", nswag);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ContractDiffCommand.InvalidInput));
            Assert.That(result.Stderr, Does.StartWith($"ContractDiff: cannot read {nswag}: "));
            Assert.That(result.Stderr, Does.Contain("codeGenerators").Or.Match(problem));
            Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
        }
    }

    /// <summary>The base spec whose response gains a member of schema Level0: allOf Level1: ... allOf LevelN (levels &lt; 0: Level0 allOf Level1 allOf Level0).</summary>
    private static string WithAllOfChain(int levels)
    {
        var count = levels < 0 ? 2 : levels + 1;
        var schemas = string.Concat(Enumerable.Range(0, count).Select(level =>
            level < count - 1 ? $"    Level{level}:\n      allOf:\n        - $ref: '#/components/schemas/Level{level + 1}'\n"
            : levels < 0 ? $"    Level{level}:\n      allOf:\n        - $ref: '#/components/schemas/Level0'\n"
            : $"    Level{level}:\n      type: object\n      properties:\n        leaf:\n          type: string\n"));
        return SpecPair.Edit(
            ("        kind:\n", "        deep:\n          $ref: '#/components/schemas/Level0'\n        kind:\n"),
            ("    Kind:\n", schemas + "    Kind:\n"));
    }

    [TestCase(new[] { "--old", "a.yaml" }, "Option '--new' is required.")]
    [TestCase(new[] { "--old", "a.yaml", "--new", "b.yaml", "--format", "html" }, "--format must be text, json, markdown or changelog, not 'html'")]
    [TestCase(new[] { "--old", "a.yaml", "--new", "b.yaml", "--colour", "red" }, "Unrecognized command or argument '--colour'.")]
    [TestCase(new[] { "stray" }, "Unrecognized command or argument 'stray'.")]
    [TestCase(new[] { "drift", "--fragment", "a.yaml" }, "Option '--upstream' is required.")]
    [TestCase(new[] { "extract", "--upstream", "a.yaml", "--out", "b.yaml" }, "Option '--operation' is required.")]
    public async Task A_usage_error_exits_2_and_points_to_the_help(string[] args, string problem)
    {
        var result = await SpecPair.RunAsync(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ContractDiffCommand.InvalidInput));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.Contain(problem).And.Match(@"run 'dotnet run --project build/ContractDiff -- (drift |extract )?--help' for the flags"));
        }
    }

    [TestCase(new[] { "--old", "a.yaml", "--new", "b.yaml", "--fromat", "json" }, "--fromat", "--format")]
    [TestCase(new[] { "drift", "--fragment", "a.yaml", "--upstreem", "b.yaml" }, "--upstreem", "--upstream")]
    [TestCase(new[] { "extract", "--upstream", "a.yaml", "--operation", "GET /a", "--out", "b.yaml", "--description-from", "c.yaml" }, "--description-from", "--descriptions-from")]
    [TestCase(new[] { "sync", "a.yaml", "--no-restor" }, "--no-restor", "--no-restore")]
    public async Task A_misspelt_flag_is_answered_with_the_flag_it_may_mean(string[] args, string misspelt, string meant)
    {
        var result = await SpecPair.RunAsync(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ContractDiffCommand.InvalidInput));
            Assert.That(result.Stderr.ReplaceLineEndings("\n"), Does.Contain($"'{misspelt}' was not matched. Did you mean one of the following?\n{meant}\n"));
        }
    }

    private static void AssertInvalid(DiffResult result, string path, string problem)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ContractDiffCommand.InvalidInput));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith($"ContractDiff: cannot read {path}: ").And.Contain(problem));
            Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
        }
    }
}
