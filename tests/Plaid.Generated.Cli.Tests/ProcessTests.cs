using System.Net;
using Plaid.Generated.Tests;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

/// <summary><c>dotnet Plaid.Generated.Cli.dll</c> as a child process against a Kestrel server on 127.0.0.1: one test per exit code.</summary>
public class ProcessTests
{
    [Test]
    public async Task The_readme_command_runs_the_offline_fake_and_exits_0()
    {
        var result = await ProcessAsync(NoCredentials);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("Plaid Checking"));
        Assert.That(result.Stderr, Does.Contain("offline fake"));
    }

    [Test]
    public async Task The_readme_command_line_itself_runs_the_offline_fake()
    {
        // The first line of the README's command block, as a user types it; --no-build because the test run has built
        // the tool. It proves `dotnet run` picks the one target framework it needs no flag for.
        var readme = File.ReadLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        var command = readme.First(line => line.StartsWith("dotnet run --project src/Plaid.Generated.Cli ", StringComparison.Ordinal)).Split('#')[0];

        var result = await CommandLineAsync(command + " --no-build");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.AllOutput);
        Assert.That(result.Stdout, Does.Contain("Plaid Checking"));
    }

    [Test]
    public async Task Success_from_a_server_exits_0_and_json_is_the_body_as_sent()
    {
        await using var server = await LoopbackPlaid.StartAsync(HttpStatusCode.OK, Bodies.Success);

        var result = await ProcessAsync(WithCredentials, "--base-url", server.BaseUrl, "--processor-token", "processor-sandbox-0asd1-a92nc", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout.TrimEnd('\n', '\r'), Is.EqualTo(Bodies.Success));
        Assert.That(server.ReceivedPath, Is.EqualTo("/processor/balance/get"));
        Assert.That(server.ReceivedSecretHeader, Is.EqualTo(Secret));
    }

    [Test]
    public async Task A_Plaid_error_exits_1_with_its_fields_on_stderr()
    {
        await using var server = await LoopbackPlaid.StartAsync(HttpStatusCode.BadRequest, Bodies.ItemLoginRequired);

        var result = await ProcessAsync(WithCredentials, "--base-url", server.BaseUrl, "--processor-token", "processor-sandbox-0asd1-a92nc");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("ITEM_ERROR").And.Contain("ITEM_LOGIN_REQUIRED")
            .And.Contain("the login details of this item have changed").And.Contain("req-login"));
        Assert.That(result.AllOutput, Does.Not.Contain(Secret));
    }

    [Test]
    public async Task A_bad_flag_exits_2()
    {
        var result = await ProcessAsync(NoCredentials, "--min-last-updated", "not-a-date");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("--min-last-updated"));
    }

    [Test]
    public async Task Version_exits_0()
    {
        var result = await ProcessAsync(NoCredentials, "--version");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.StartWith("plaid-balance ").And.Contain($"OpenAPI spec {SpecFile.InfoVersion()} "));
    }

    [Test]
    public async Task An_html_502_exits_3()
    {
        await using var server = await LoopbackPlaid.StartAsync(HttpStatusCode.BadGateway, Bodies.BadGatewayHtml, "text/html");

        var result = await ProcessAsync(WithCredentials, "--base-url", server.BaseUrl, "--processor-token", "processor-sandbox-0asd1-a92nc");

        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr, Does.Contain("HTTP 502").And.Contain("text/html"));
    }
}
