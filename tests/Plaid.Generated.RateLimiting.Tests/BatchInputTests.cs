namespace Plaid.Generated.RateLimiting.Tests;

/// <summary><c>plaid-balance batch</c> with bad input: each case its own message and exit code 2, nothing sent, nothing already written lost.</summary>
public class BatchInputTests
{
    private const string Written = """{"processor_token":"processor-sandbox-done-0001","outcome":"balance"}""" + "\n";

    [TestCase(null, "no file", TestName = "A missing tokens file")]
    [TestCase("processor-sandbox-a-0001\n\nprocessor-sandbox-a-0002\n", "line 2 is empty", TestName = "An empty line")]
    [TestCase("processor-sandbox-a-0001\naccess-sandbox-123 \n", "line 2 is not a processor token", TestName = "A token of the wrong shape")]
    [TestCase("processor-sandbox-a-0001\nprocessor-sandbox-a-0002\nprocessor-sandbox-a-0001\n", "line 3 repeats the token of line 1", TestName = "A duplicate token")]
    public async Task Bad_input_is_refused_with_its_own_message_before_anything_is_sent(string? tokens, string expected)
    {
        await using var plaid = await BudgetedPlaid.StartAsync(TimeSpan.FromSeconds(1));
        using var dir = new TempDir();
        var tokensPath = tokens is null ? dir.Path("missing.txt") : dir.Write("tokens.txt", tokens);
        var output = dir.Write("out.jsonl", Written);

        var result = await Cli.RunAsync("batch", "--tokens", tokensPath, "--out", output, "--base-url", plaid.BaseUrl);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Exit, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain(expected).And.Contain("Nothing was sent."));
            Assert.That(plaid.Answered200 + plaid.Answered429, Is.Zero);
            Assert.That(File.ReadAllText(output), Is.EqualTo(Written), "nothing already written is lost");
            Assert.That(result.Stderr, Does.Not.Contain("access-sandbox-123").And.Not.Contain(Cli.Secret));
        }
    }

    [Test]
    public async Task A_token_that_never_gets_an_answer_exits_3_and_is_called_again_by_the_rerun()
    {
        using var dir = new TempDir();
        var tokens = dir.Write("tokens.txt", "processor-sandbox-a-0001\n");
        var output = dir.Path("out.jsonl");

        var result = await Cli.RunAsync("batch", "--tokens", tokens, "--out", output, "--base-url", $"http://127.0.0.1:{RedisServer.FreePort()}", "--timeout", "2");

        Assert.That(result.Exit, Is.EqualTo(3), result.Stderr);
        Assert.That(File.Exists(output) ? File.ReadAllText(output) : "", Is.Empty, "no line: a rerun calls it again");
    }
}
