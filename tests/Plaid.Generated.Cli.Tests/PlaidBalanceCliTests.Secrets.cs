using System.Net;
using RichardSzalay.MockHttp;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

/// <summary>The CLI in-process: one file per concern, each exit code covered.</summary>
public partial class PlaidBalanceCliTests
{
    [TestCase(HttpStatusCode.OK, Secret, TestName = "Secret echoed in a success body")]
    [TestCase(HttpStatusCode.BadRequest, Secret, TestName = "Secret echoed in an error body")]
    [TestCase(HttpStatusCode.BadGateway, Secret, TestName = "Secret echoed in a non-JSON body")]
    [TestCase(HttpStatusCode.OK, ClientId, TestName = "Client id echoed in a success body")]
    [TestCase(HttpStatusCode.BadRequest, ClientId, TestName = "Client id echoed in an error body")]
    [TestCase(HttpStatusCode.BadGateway, ClientId, TestName = "Client id echoed in a non-JSON body")]
    public async Task Credentials_never_appear_in_any_output(HttpStatusCode status, string credential)
    {
        var body = status switch
        {
            HttpStatusCode.OK => Bodies.Success.Replace("Plaid Checking", $"owner {credential}", StringComparison.Ordinal),
            HttpStatusCode.BadRequest => Bodies.ItemLoginRequired.Replace("the login details", $"{credential}: the login details", StringComparison.Ordinal),
            _ => $"<html>{credential}</html>",
        };
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(status, "application/json", body);

        foreach (var json in new[] { false, true })
        {
            string[] args = json ? [.. ServerArgs, "--json"] : ServerArgs;
            var result = await InProcessAsync(WithCredentials, handler, args);

            Assert.That(result.AllOutput, Does.Not.Contain(credential), $"--json {json}");
            if (status != HttpStatusCode.BadGateway)
            {
                Assert.That(result.AllOutput, Does.Contain("REDACTED"), $"--json {json}: the echo is printed, masked");
            }
        }
    }

    [Test]
    public async Task A_secret_too_short_to_mask_is_refused_before_sending()
    {
        var sent = false;
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(_ =>
        {
            sent = true;
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var environment = new Dictionary<string, string?> { [Credentials.ClientIdVariable] = ClientId, [Credentials.SecretVariable] = "s3c" };

        var result = await InProcessAsync(environment, handler, ServerArgs);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.Contain("PLAID_SECRET is shorter than 4 characters").And.Contain("Nothing was sent."));
        Assert.That(result.AllOutput, Does.Not.Contain("s3c"));
        Assert.That(sent, Is.False, "nothing may be sent");
    }
}
