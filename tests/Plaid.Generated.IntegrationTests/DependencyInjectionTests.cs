using System.Diagnostics;
using System.Text;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>
/// The client registered by <c>AddPlaidClient</c> on a real socket and a real clock: an error body the
/// retry rule cannot inspect reaches the caller as it would without DI, and TotalTimeout is the one
/// deadline, named in the exception, whatever stage the call is at.
/// </summary>
public class DependencyInjectionTests
{
    private const int InspectedBytes = 64 * 1024;
    private const string TotalTimeout = "00:00:00.300";
    private const string TimeoutMessage =
        "The Plaid call did not finish within Plaid:Resilience:TotalTimeout (0.3 seconds), attempts, the waits between them and the response body included.";
    private static readonly byte[] SpecExample = Encoding.UTF8.GetBytes(Fixtures.SpecExample);

    public enum Stall
    {
        BeforeHeaders,
        MidBody,
        BetweenRetries,
    }

    [Test]
    public async Task The_total_timeout_ends_the_call_on_a_real_clock_naming_the_setting([Values] Stall stall, [Values] bool retriesEnabled)
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref requests);
            switch (stall)
            {
                case Stall.MidBody:
                    context.Response.ContentType = "application/json";
                    context.Response.ContentLength = SpecExample.Length;
                    await context.Response.Body.WriteAsync(SpecExample.AsMemory(0, SpecExample.Length / 2));
                    await context.Response.Body.FlushAsync();
                    break;
                case Stall.BetweenRetries:
                    context.Response.StatusCode = 503;
                    context.Response.Headers.RetryAfter = "60";
                    return;
            }

            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var caller = new DependencyInjectionCaller(server, new()
        {
            ["TotalTimeout"] = TotalTimeout,
            ["Enabled"] = retriesEnabled ? "true" : "false",
        });

        var startedAt = Stopwatch.GetTimestamp();
        var call = caller.GetAsync();
        var elapsed = Stopwatch.GetElapsedTime(startedAt, await Outcome.EndedAt(call).WaitAsync(TimeSpan.FromSeconds(30)));
        var exception = await Outcome.CatchAsync(() => call);
        TestContext.Out.WriteLine($"{TestContext.CurrentContext.Test.Name}: ended after {elapsed.TotalMilliseconds:F0} ms (TotalTimeout 300 ms)");

        if (stall == Stall.BetweenRetries && !retriesEnabled)
        {
            Assert.That(exception, Is.TypeOf<PlaidApiException>().With.Property(nameof(PlaidApiException.StatusCode)).EqualTo(503),
                "with retries off the 503 is the answer: there is no wait for the deadline to end");
            return;
        }

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.TypeOf<TaskCanceledException>(), () => $"got {exception}");
            Assert.That(exception?.Message, Is.EqualTo(TimeoutMessage));
            Assert.That(exception?.InnerException, Is.TypeOf<TimeoutException>().With.Message.EqualTo(TimeoutMessage));
            Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)).And.LessThan(TimeSpan.FromSeconds(5)),
                "the deadline, not the server or HttpClient's 100 s, ended the call");
            Assert.That(requests, Is.EqualTo(1), "a stalled attempt is not retried past the deadline");
        });
        if (stall != Stall.BetweenRetries) // a finished 503 leaves its connection in the pool, as it should
        {
            Assert.That(await server.Connections.AllClosedWithin(TimeSpan.FromSeconds(5)), Is.True, "the stalled connection was left open");
        }
    }

    [Test]
    public async Task The_callers_token_still_ends_the_call_as_a_cancellation_not_a_timeout([Values(Stall.BeforeHeaders, Stall.MidBody)] Stall stall)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (stall == Stall.MidBody)
            {
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = SpecExample.Length;
                await context.Response.Body.WriteAsync(SpecExample.AsMemory(0, SpecExample.Length / 2));
                await context.Response.Body.FlushAsync();
            }

            held.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var caller = new DependencyInjectionCaller(server, new() { ["TotalTimeout"] = "00:00:30" });
        using var cancellation = new CancellationTokenSource();

        var call = caller.GetAsync(cancellation.Token);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var (exception, sinceCancel) = await Outcome.CancelAndMeasure(call, cancellation);

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.InstanceOf<OperationCanceledException>(), () => $"got {exception}");
            Assert.That((exception as OperationCanceledException)?.CancellationToken, Is.EqualTo(cancellation.Token));
            Assert.That(exception?.InnerException, Is.Not.InstanceOf<TimeoutException>(), "the caller cancelled: no timeout");
            Assert.That(sinceCancel, Is.LessThan(TimeSpan.FromSeconds(5)), "the call waited for the total timeout");
        });
    }

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
        using var caller = new DependencyInjectionCaller(server, new() { ["MaxRetryAttempts"] = "1" });

        var exception = await caller.FailsWith<PlaidApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(body, Has.Length.GreaterThan(InspectedBytes), "more than the retry rule inspects");
            Assert.That(exception.StatusCode, Is.EqualTo(400));
            Assert.That(exception.IsTransportFailure, Is.False);
            Assert.That(exception.Message, Does.Contain($"a body that is not a Plaid error object (text/html, {body.Length} bytes;"),
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
        using var caller = new DependencyInjectionCaller(server, new() { ["MaxRetryAttempts"] = "1" });

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
