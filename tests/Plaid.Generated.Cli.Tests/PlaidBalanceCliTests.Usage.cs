using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

public partial class PlaidBalanceCliTests
{
    [TestCase("--bogus", TestName = "Unknown flag")]
    [TestCase("--processor-token", TestName = "Flag without its value")]
    [TestCase("--env", "staging", TestName = "Unknown environment")]
    [TestCase("--min-last-updated", "yesterday", TestName = "Date that is not ISO 8601")]
    [TestCase("--min-last-updated", "2024-13-01T00:00:00Z", TestName = "Date that does not exist")]
    [TestCase("--timeout", "-1", TestName = "Negative timeout")]
    [TestCase("--base-url", "ftp://example.com", TestName = "Base URL that is not http")]
    [TestCase("--json=yes", TestName = "Value on a switch")]
    public async Task Bad_arguments_exit_with_2_and_point_to_help(params string[] args)
    {
        var result = await InProcessAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.Contain("Run 'plaid-balance --help'"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [TestCase("processor-x", TestName = "Malformed token")]
    [TestCase("access-sandbox-0asd1-a92nc", TestName = "Access token")]
    [TestCase("processor-production-0asd1-a92nc", TestName = "Token for another environment")]
    public async Task Tokens_the_client_refuses_exit_with_2_before_sending(string token)
    {
        var result = await InProcessAsync("--processor-token", token);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.StartWith("plaid-balance: --processor-token is").And.Contain("Nothing was sent"));
        Assert.That(result.Stderr, Does.Not.Contain("(Parameter").And.Not.Contain("ProcessorToken").And.Not.Contain("PlaidClientOptions"));
    }

    [Test]
    public async Task Only_one_credential_is_a_usage_error()
    {
        var result = await InProcessAsync(
            new Dictionary<string, string?> { [Credentials.SecretVariable] = Secret }, new NoNetwork(), "--processor-token", "processor-sandbox-a-b");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.Contain("PLAID_CLIENT_ID is not"));
        Assert.That(result.AllOutput, Does.Not.Contain(Secret));
    }

    [Test]
    public async Task A_base_url_without_credentials_is_a_usage_error()
    {
        var result = await InProcessAsync("--base-url", "http://127.0.0.1:9", "--processor-token", "processor-sandbox-a-b");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.Contain("--base-url needs credentials"));
    }

    [Test]
    public async Task Calling_Plaid_needs_a_token()
    {
        var result = await InProcessAsync(WithCredentials, new NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.Contain("--processor-token is required"));
    }

    [Test]
    public async Task A_misspelt_flag_gets_a_suggestion_and_exit_2()
    {
        var result = await InProcessAsync("--jsn");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.Contain("'--jsn' was not matched. Did you mean").And.Contain("--json"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task Flags_come_from_a_response_file()
    {
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"flags-{Guid.NewGuid():N}.rsp");
        await File.WriteAllTextAsync(file, "--processor-token processor-sandbox-error-ITEM_LOGIN_REQUIRED\n--json\n");
        try
        {
            var result = await InProcessAsync($"@{file}");

            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.PlaidError), result.Stderr);
            Assert.That(result.Stdout, Does.Contain("\"error_code\": \"ITEM_LOGIN_REQUIRED\""));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task A_double_dash_ends_the_flags()
    {
        var trailing = await InProcessAsync("--json", "--");
        var before = await InProcessAsync("--", "--json");

        Assert.That(trailing.ExitCode, Is.EqualTo(ExitCodes.Success), trailing.Stderr);
        Assert.That(trailing.Stdout, Does.Contain("\"request_id\": \"1zlMf\""));
        Assert.That(before.ExitCode, Is.EqualTo(ExitCodes.Usage), "after --, --json is an argument, and the tool takes none");
        Assert.That(before.Stderr, Does.Contain("Unrecognized command or argument '--json'"));
    }

    [Test]
    public async Task The_suggest_directive_completes_flags_and_environments()
    {
        var flags = await InProcessAsync("[suggest]", "--ti");
        var environments = await InProcessAsync("[suggest:6]", "--env ");

        Assert.That(flags.ExitCode, Is.EqualTo(ExitCodes.Success), flags.Stderr);
        Assert.That(flags.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Is.EqualTo(new[] { "--timeout" }));
        Assert.That(environments.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Is.EqualTo(new[] { "production", "sandbox" }));
    }
}
