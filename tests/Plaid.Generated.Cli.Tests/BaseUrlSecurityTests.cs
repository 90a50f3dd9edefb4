using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

/// <summary>The CLI keeps the credentials where the library does: https off loopback, no redirects followed.</summary>
public class BaseUrlSecurityTests
{
    private const string Token = "processor-sandbox-0asd1-a92nc";

    [Test]
    public async Task Plain_http_off_loopback_exits_2_and_sends_nothing()
    {
        var transport = new CountingHandler();

        var result = await InProcessAsync(WithCredentials, transport, "--base-url", "http://plaid.example.com", "--processor-token", Token);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.Contain("--base-url must use https"));
        Assert.That(transport.Requests, Is.Zero);
        Assert.That(result.AllOutput, Does.Not.Contain(Secret));
    }

    [Test]
    public async Task Plain_http_on_loopback_is_allowed()
    {
        await using var server = await LoopbackPlaid.StartAsync(HttpStatusCode.OK, Bodies.Success);

        var result = await InProcessAsync(WithCredentials, transport: null, "--base-url", server.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal), "--processor-token", Token);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
    }

    [Test]
    public async Task A_redirect_to_another_origin_is_not_followed()
    {
        await using var other = await LoopbackPlaid.StartAsync(HttpStatusCode.OK, Bodies.Success);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var redirecting = builder.Build();
        redirecting.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = other.BaseUrl + "/processor/balance/get";
            return Task.CompletedTask;
        });
        await redirecting.StartAsync();

        var result = await InProcessAsync(WithCredentials, transport: null, "--base-url", redirecting.Urls.Single(), "--processor-token", Token, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Transport));
        Assert.That(result.Stderr, Does.Contain("307").And.Contain("credentials are never sent to another origin"));
        Assert.That(other.ReceivedPath, Is.Null, "the other origin received a request");
        Assert.That(result.Stdout, Does.Not.Contain("Plaid Checking"));
        await redirecting.StopAsync();
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
