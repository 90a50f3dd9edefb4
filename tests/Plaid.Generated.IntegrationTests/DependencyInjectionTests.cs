using System.Text;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>
/// The client registered by <c>AddPlaidClient</c> on a real socket: an error body the retry rule
/// cannot inspect reaches the caller as it would without DI.
/// </summary>
public class DependencyInjectionTests
{
    private const int InspectedBytes = 64 * 1024;

    [Test]
    public async Task A_400_with_a_chunked_body_too_large_to_inspect_is_a_PlaidApiException_as_without_retries()
    {
        var body = Encoding.UTF8.GetBytes("<html>" + new string('x', 200 * 1024) + "</html>");
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = 400;
            context.Response.ContentType = "text/html";
            for (var offset = 0; offset < body.Length; offset += 16 * 1024)
            {
                await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(16 * 1024, body.Length - offset)));
                await context.Response.Body.FlushAsync();
            }
        });
        using var caller = new DependencyInjectionCaller(server, resilience => resilience.MaxRetryAttempts = 1);

        var exception = await caller.FailsWith<PlaidApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(body, Has.Length.GreaterThan(InspectedBytes), "more than the retry rule inspects");
            Assert.That(exception.StatusCode, Is.EqualTo(400));
            Assert.That(exception.IsTransportFailure, Is.False);
            Assert.That(exception.Message, Does.Contain($"a body that is not a Plaid error object (text/html, {body.Length} bytes)"),
                "the client read the whole body, the inspected start included");
            Assert.That(exception.ResponseBody, Does.StartWith("<html>xxx"));
            Assert.That(requests, Is.EqualTo(1), "a 400 that is not a retryable Plaid error is not sent again");
        });
    }

    [Test]
    public async Task A_400_cut_off_mid_body_is_a_transport_failure_retried_then_reported()
    {
        var requests = 0;
        LoopbackServer? server = null;
        await using var _ = server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 10_000;
            await context.Response.Body.WriteAsync("{\"error_type\":\"INVALID_REQUEST\","u8.ToArray());
            await context.Response.Body.FlushAsync();
            await Task.Delay(50);
            server!.Reset(context);
        });
        using var caller = new DependencyInjectionCaller(server, resilience => resilience.MaxRetryAttempts = 1);

        var exception = await caller.FailsWith<PlaidApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(400));
            Assert.That(exception.IsTransportFailure, Is.True);
            Assert.That(exception.Message, Does.StartWith("Plaid answered HTTP 400 but the body could not be read"));
            Assert.That(requests, Is.EqualTo(2), "a body cut off is a transport failure, retried like no response at all");
        });
    }
}
