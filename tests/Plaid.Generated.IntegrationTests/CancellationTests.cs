using System.Text;
using Microsoft.AspNetCore.Http;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>
/// A cancelled token or an expired HttpClient.Timeout ends the call within 100 ms at every stage,
/// and the server sees the connection go away. Latency is measured from the moment the deadline
/// fires, never from the start of the call, so a slow machine does not fail these tests. A busy one can still hold a
/// thread past the bound once (docs/reliability.md); each test gets three tries, so only a delay that repeats fails.
/// </summary>
[NonParallelizable]
public class CancellationTests
{
    public enum Deadline
    {
        CallerToken,
        HttpClientTimeout,
    }

    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(800);
    private static readonly byte[] SpecExample = Encoding.UTF8.GetBytes(Fixtures.SpecExample);

    [OneTimeSetUp]
    public async Task WarmUp()
    {
        // JIT the success and cancellation paths once, so the first measured test does not pay for it.
        await using var server = await LoopbackServer.StartAsync(context => context.Response.Body.WriteAsync(SpecExample).AsTask());
        using var caller = TestCaller.For(server);
        await caller.GetAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Outcome.CatchAsync(() => caller.GetAsync(cancelled.Token));
    }

    [Test]
    [Retry(3)]
    public async Task While_connecting([Values] Deadline deadline)
    {
        using var listener = await UnacceptingListener.StartAsync();
        if (listener is null)
        {
            Assert.Ignore("This OS completes connections beyond the listen backlog; the connecting stage cannot be held open.");
        }

        using var caller = new TestCaller(listener.BaseUri, new SocketsHttpHandler(), TimeoutFor(deadline));

        await EndsPromptly(caller, deadline, stageReached: Task.Delay(TimeSpan.FromMilliseconds(200)));
    }

    [Test]
    [Retry(3)]
    public async Task While_sending_to_a_server_that_does_not_read([Values] Deadline deadline)
    {
        var arrived = Signal();
        var drain = Signal();
        var observedClose = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            arrived.TrySetResult();
            await drain.Task;
            observedClose.TrySetResult(await BodyEndsEarly(context));
        });
        using var caller = TestCaller.For(server, TimeoutFor(deadline));

        // More than the client's send buffer can grow to (4 MB on Linux) plus the server's small receive
        // buffers, so the client is still writing when the deadline fires.
        var hugeToken = Credentials.Token + new string('x', 8 * 1024 * 1024);
        await EndsPromptly(caller, deadline, arrived.Task, token =>
            caller.Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = hugeToken }, token));

        drain.TrySetResult();
        Assert.That(await observedClose.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.True, "the server read the whole body: the client did not stop sending");
    }

    [Test]
    [Retry(3)]
    public Task While_waiting_for_headers([Values] Deadline deadline) =>
        EndsPromptlyWhileTheServerHolds(deadline, prelude: _ => Task.CompletedTask);

    [Test]
    [Retry(3)]
    public Task While_reading_the_body([Values] Deadline deadline) =>
        EndsPromptlyWhileTheServerHolds(deadline, prelude: async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = SpecExample.Length;
            await context.Response.Body.WriteAsync(SpecExample.AsMemory(0, SpecExample.Length / 2));
            await context.Response.Body.FlushAsync();
        });

    [Test]
    [Retry(3)]
    public async Task While_a_body_trickles_in_slower_than_the_deadline([Values] Deadline deadline)
    {
        var trickling = Signal();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = SpecExample.Length;
            for (var i = 0; i < SpecExample.Length; i++)
            {
                await context.Response.Body.WriteAsync(SpecExample.AsMemory(i, 1), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                trickling.TrySetResult();
                await Task.Delay(50, context.RequestAborted);
            }
        });
        using var caller = TestCaller.For(server, TimeoutFor(deadline));

        await EndsPromptly(caller, deadline, trickling.Task);

        Assert.That(await server.Connections.AllClosedWithin(TimeSpan.FromSeconds(5)), Is.True, "the connection was left open");
    }

    // The server runs the prelude (nothing, or half a body), then holds the connection until the client drops it.
    private static async Task EndsPromptlyWhileTheServerHolds(Deadline deadline, Func<HttpContext, Task> prelude)
    {
        var held = Signal();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await prelude(context);
            held.TrySetResult();
            await Task.Delay(System.Threading.Timeout.Infinite, context.RequestAborted);
        });
        using var caller = TestCaller.For(server, TimeoutFor(deadline));

        await EndsPromptly(caller, deadline, held.Task);

        Assert.That(await server.Connections.AllClosedWithin(TimeSpan.FromSeconds(5)), Is.True, "the connection was left open");
    }

    private static TimeSpan? TimeoutFor(Deadline deadline) => deadline == Deadline.HttpClientTimeout ? Timeout : null;

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task EndsPromptly(TestCaller caller, Deadline deadline, Task stageReached, Func<CancellationToken, Task>? call = null)
    {
        using var cancellation = new CancellationTokenSource();
        var running = (call ?? caller.GetAsync)(cancellation.Token);
        Exception? exception;
        TimeSpan late;
        if (deadline == Deadline.CallerToken)
        {
            await Task.WhenAny(stageReached, running).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.That(running.IsCompleted, Is.False, "the call ended before reaching the stage under test");
            (exception, late) = await Outcome.CancelAndMeasure(running, cancellation);
        }
        else
        {
            var endedAt = await Outcome.EndedAt(running).WaitAsync(TimeSpan.FromSeconds(10));
            late = caller.Clock.SendStartedUntil(endedAt) - Timeout; // the clock stopped as the call ended, before the credential check
            exception = await Outcome.CatchAsync(() => running);
            Assert.That(stageReached.IsCompleted, Is.True, "the deadline fired before the call reached the stage under test");
        }

        TestContext.Out.WriteLine($"{TestContext.CurrentContext.Test.Name}: ended {late.TotalMilliseconds:F1} ms after the deadline; {exception?.GetType().Name}: {exception?.Message}");
        Assert.That(exception, Is.InstanceOf<OperationCanceledException>(), () => $"Expected OperationCanceledException, got {exception}");
        if (deadline == Deadline.HttpClientTimeout)
        {
            Assert.That(exception!.InnerException, Is.InstanceOf<TimeoutException>(), "a timeout is told apart from the caller's cancellation");
        }
        else
        {
            Assert.That(((OperationCanceledException)exception!).CancellationToken, Is.EqualTo(cancellation.Token));
        }

        Assert.That(late, Is.LessThan(Bound));
    }

    // True when the request body stopped short of its Content-Length, i.e. the client closed the connection mid-send.
    private static async Task<bool> BodyEndsEarly(HttpContext context)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
            {
                total += read;
            }
        }
        catch (Exception exception) when (exception is IOException or BadHttpRequestException or OperationCanceledException)
        {
            return true;
        }

        return total < context.Request.ContentLength;
    }
}
