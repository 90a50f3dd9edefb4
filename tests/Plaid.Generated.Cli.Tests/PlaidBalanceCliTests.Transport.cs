using System.Net;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

public partial class PlaidBalanceCliTests
{
    private static readonly string[] ServerArgs = ["--base-url", "https://plaid-proxy.example", "--processor-token", "processor-sandbox-0asd1-a92nc"];

    [TestCase("", TestName = "Empty body")]
    [TestCase("{\"account\":", TestName = "Truncated JSON")]
    [TestCase("{\"request_id\":\"r\"}", TestName = "JSON without the account")]
    public async Task A_malformed_success_body_exits_with_3(string body)
    {
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(HttpStatusCode.OK, "application/json", body);

        var result = await InProcessAsync(WithCredentials, handler, ServerArgs);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Transport));
        Assert.That(result.Stderr, Does.Contain("could not be read"));
    }

    [Test]
    public async Task An_html_error_page_exits_with_3()
    {
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(HttpStatusCode.BadGateway, "text/html", Bodies.BadGatewayHtml);

        var result = await InProcessAsync(WithCredentials, handler, ServerArgs);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Transport));
        Assert.That(result.Stderr, Does.Contain("HTTP 502"));
    }

    [Test]
    public async Task An_unreachable_server_exits_with_3()
    {
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Throw(new HttpRequestException("Connection refused (127.0.0.1:9)"));

        var result = await InProcessAsync(WithCredentials, handler, ServerArgs);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Transport));
        Assert.That(result.Stderr, Does.Contain("No response from Plaid"));
    }

    [Test]
    public async Task No_answer_within_the_timeout_exits_with_3()
    {
        var time = new FakeTimeProvider();
        var server = new SilentServer();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var run = PlaidBalanceCli.RunAsync([.. ServerArgs, "--timeout", "5"], stdout, stderr, WithCredentials, server, time);
        await server.RequestReceived;
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.That(await run, Is.EqualTo(ExitCodes.Transport));
        Assert.That(stderr.ToString(), Does.Contain("no complete response within 5 s"));
    }

    /// <summary>Takes the request and never answers.</summary>
    private sealed class SilentServer : HttpMessageHandler
    {
        private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task RequestReceived => _received.Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _received.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
