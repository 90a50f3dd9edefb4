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

    [TestCase(new[] { "--old", "a.yaml" }, "both --old and --new are required")]
    [TestCase(new[] { "--old", "a.yaml", "--new", "b.yaml", "--format", "html" }, "--format must be text, json or markdown")]
    [TestCase(new[] { "--old", "a.yaml", "--new", "b.yaml", "--colour", "red" }, "unknown option --colour")]
    [TestCase(new[] { "stray" }, "unexpected argument 'stray'")]
    public async Task A_usage_error_exits_2_with_the_usage(string[] args, string problem)
    {
        var result = await SpecPair.RunAsync(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ContractDiffCommand.InvalidInput));
            Assert.That(result.Stderr, Does.Contain(problem).And.Contain("usage: ContractDiff"));
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
