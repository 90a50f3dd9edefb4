using System.Net;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

public partial class PlaidBalanceCliTests
{
    private static readonly string[] ServerArgs = ["--base-url", "https://plaid-proxy.example", "--processor-token", "processor-sandbox-0asd1-a92nc"];

    [TestCase(HttpStatusCode.OK, "application/json", "", "the body is empty", TestName = "Empty body")]
    [TestCase(HttpStatusCode.OK, "application/json", "{\"account\":", "could not be read", TestName = "Truncated JSON")]
    [TestCase(HttpStatusCode.OK, "application/json", "{\"request_id\":\"r\"}", "could not be read", TestName = "JSON without the account")]
    [TestCase(HttpStatusCode.BadGateway, "text/html", Bodies.BadGatewayHtml, "HTTP 502", TestName = "HTML error page")]
    public async Task An_unusable_response_exits_with_3(HttpStatusCode status, string mediaType, string body, string reported)
    {
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(status, mediaType, body);

        var result = await InProcessAsync(WithCredentials, handler, ServerArgs);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Transport));
        Assert.That(result.Stderr, Does.Contain(reported));
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
    public async Task A_retryable_answer_is_shown_as_it_came_without_a_retry()
    {
        var requests = 0;
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(() =>
        {
            Interlocked.Increment(ref requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent(Bodies.BadGatewayHtml) });
        });

        var result = await InProcessAsync(WithCredentials, handler, ServerArgs);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Transport));
        Assert.That(result.Stderr, Does.Contain("HTTP 503"));
        Assert.That(requests, Is.EqualTo(1));
    }

    [TestCase("5", 5, TestName = "No answer within --timeout 5 exits with 3")]
    [TestCase(null, 60, TestName = "Without --timeout the call is bounded at the client's default of 60 s")]
    public async Task No_answer_within_the_timeout_exits_with_3(string? timeoutFlag, int seconds)
    {
        var time = new FakeTimeProvider();
        var server = new SilentServer();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = timeoutFlag is null ? ServerArgs : [.. ServerArgs, "--timeout", timeoutFlag];

        var run = PlaidBalanceCli.RunAsync(args, stdout, stderr, WithCredentials, server, time);
        await server.RequestReceived;
        time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
        var stillWaiting = !run.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(stillWaiting, Is.True, $"ended before {seconds} s");
        Assert.That(await run, Is.EqualTo(ExitCodes.Transport));
        Assert.That(stderr.ToString(), Does.Contain($"no complete response within {seconds} s (--timeout)"));
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
