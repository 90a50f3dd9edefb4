using System.Net;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

public partial class PlaidBalanceCliTests
{
    [Test]
    public async Task Without_credentials_the_offline_fake_answers_and_says_so()
    {
        var result = await InProcessAsync(new FakeTimeProvider(new DateTimeOffset(2025, 6, 7, 8, 9, 10, 500, TimeSpan.Zero)));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("offline fake"));
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("ACCOUNT").And.Contain("TYPE/SUBTYPE").And.Contain("LAST UPDATED").And.Contain("REQUEST ID"));
        Assert.That(lines[1], Does.Contain("Plaid Checking").And.Contain("0000").And.Contain("depository/checking")
            .And.Contain("100.00").And.Contain("110.00").And.Contain("USD").And.Contain("2025-06-07T08:09:10Z").And.Contain("1zlMf"), "the fake's balance is dated at its clock's time");
    }

    [Test]
    public async Task Json_prints_the_fake_body_as_sent()
    {
        var result = await InProcessAsync("--json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        var body = JObject.Parse(result.Stdout);
        Assert.That((string?)body["account"]?["balances"]?["iso_currency_code"], Is.EqualTo("USD"));
        Assert.That((string?)body["account"]?["persistent_account_id"], Is.Not.Null, "snake_case members the DTOs do not print stay");
    }

    [Test]
    public async Task Json_prints_a_real_response_byte_for_byte_unknown_fields_included()
    {
        var handler = new MockHttpMessageHandler();
        handler.When(HttpMethod.Post, "https://plaid-proxy.example/processor/balance/get")
            .Respond(HttpStatusCode.OK, "application/json", Bodies.Success);

        var result = await InProcessAsync(WithCredentials, handler,
            "--base-url", "https://plaid-proxy.example", "--processor-token", "processor-sandbox-0asd1-a92nc", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
        Assert.That(result.Stdout, Is.EqualTo(Bodies.Success + Environment.NewLine));
        Assert.That(result.Stderr, Is.Empty, "no offline-fake notice when calling a server");
    }

    [Test]
    public async Task Sends_credentials_from_the_environment_token_and_min_last_updated()
    {
        var handler = new MockHttpMessageHandler();
        handler.Expect(HttpMethod.Post, "https://production.plaid.com/processor/balance/get")
            .WithHeaders("PLAID-CLIENT-ID", ClientId)
            .WithHeaders("PLAID-SECRET", Secret)
            .WithPartialContent("\"min_last_updated_datetime\":\"2024-01-02T08:04:05Z\"")
            .WithPartialContent("\"processor_token\":\"processor-production-abc-123\"")
            .Respond(HttpStatusCode.OK, "application/json", Bodies.Success);

        var result = await InProcessAsync(WithCredentials, handler,
            "--env", "production", "--processor-token", "processor-production-abc-123", "--min-last-updated", "2024-01-02T03:04:05-05:00");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
        handler.VerifyNoOutstandingExpectation();
    }

    [TestCase("2025-01-01T00:00:00Z", TestName = "Offline with a bound a few months old")]
    [TestCase("2030-01-01T00:00:00Z", TestName = "Offline with a bound in the future")]
    public async Task The_offline_checking_account_ignores_min_last_updated_as_plaid_does(string bound)
    {
        var result = await InProcessAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero)), "--min-last-updated", bound);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("Plaid Checking").And.Contain("2026-03-04T05:06:07Z"));
    }

    [Test]
    public async Task Help_prints_usage_and_succeeds()
    {
        var result = await InProcessAsync("--help");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.Stdout, Does.Contain("Usage:").And.Contain("plaid-balance [options]"));
        Assert.That(result.Stdout, Does.Contain("--processor-token <TOKEN>").And.Contain("--env <sandbox|production>")
            .And.Contain("--timeout <SECONDS>").And.Contain("(default: 60)").And.Contain("--version"));
        Assert.That(result.Stdout, Does.Contain("PLAID_CLIENT_ID").And.Contain("Exit codes: 0 success, 1 Plaid error, 2 usage error, 3 transport"));
        Assert.That(result.Stderr, Is.Empty);
    }

    [Test]
    public async Task Version_prints_the_tool_version_and_the_api_and_spec_version_it_was_generated_from()
    {
        var result = await InProcessAsync("--version");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
        var toolVersion = typeof(PlaidBalanceCli).Assembly.GetName().Version!.ToString(3);
        Assert.That(result.Stdout, Does.Contain($"plaid-balance {toolVersion}"));
        Assert.That(result.Stdout, Does.Contain($"Plaid API {new PlaidClientOptions().PlaidVersion}\n").Or.Contain($"Plaid API {new PlaidClientOptions().PlaidVersion}\r\n"));
        Assert.That(result.Stdout, Does.Contain($"OpenAPI spec {SpecFile.InfoVersion()} "));
    }
}
