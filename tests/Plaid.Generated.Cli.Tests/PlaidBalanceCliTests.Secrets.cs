using System.Net;
using RichardSzalay.MockHttp;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

/// <summary>The CLI in-process: one file per concern, each exit code covered.</summary>
public partial class PlaidBalanceCliTests
{
    [TestCase(HttpStatusCode.OK, TestName = "Echoed in a success body")]
    [TestCase(HttpStatusCode.BadRequest, TestName = "Echoed in an error body")]
    [TestCase(HttpStatusCode.BadGateway, TestName = "Echoed in a non-JSON body")]
    public async Task The_secret_never_appears_in_any_output(HttpStatusCode status)
    {
        var body = status switch
        {
            HttpStatusCode.OK => Bodies.Success.Replace("Plaid Checking", Secret, StringComparison.Ordinal),
            HttpStatusCode.BadRequest => Bodies.ItemLoginRequired.Replace("the login details", $"secret {Secret} is", StringComparison.Ordinal),
            _ => $"<html>{Secret}</html>",
        };
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(status, "application/json", body);

        foreach (var json in new[] { false, true })
        {
            string[] args = json ? [.. ServerArgs, "--json"] : ServerArgs;
            var result = await InProcessAsync(WithCredentials, handler, args);

            Assert.That(result.AllOutput, Does.Not.Contain(Secret), $"--json {json}");
        }
    }

    [TestCase(HttpStatusCode.OK, TestName = "Client id echoed in a success body")]
    [TestCase(HttpStatusCode.BadRequest, TestName = "Client id echoed in an error body")]
    [TestCase(HttpStatusCode.BadGateway, TestName = "Client id echoed in a non-JSON body")]
    public async Task The_client_id_is_masked_in_every_output(HttpStatusCode status)
    {
        var body = status switch
        {
            HttpStatusCode.OK => Bodies.Success.Replace("Plaid Checking", $"owner {ClientId}", StringComparison.Ordinal),
            HttpStatusCode.BadRequest => Bodies.ItemLoginRequired.Replace("the login details", $"client {ClientId}: the login details", StringComparison.Ordinal),
            _ => $"<html>{ClientId}</html>",
        };
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(status, "application/json", body);

        foreach (var json in new[] { false, true })
        {
            string[] args = json ? [.. ServerArgs, "--json"] : ServerArgs;
            var result = await InProcessAsync(WithCredentials, handler, args);

            Assert.That(result.AllOutput, Does.Not.Contain(ClientId), $"--json {json}");
            if (status != HttpStatusCode.BadGateway)
            {
                Assert.That(result.AllOutput, Does.Contain("REDACTED"), $"--json {json}: the echo is printed, masked");
            }
        }
    }
}
