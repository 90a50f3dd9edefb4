using System.Text;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>Connections that break or crawl on a real socket.</summary>
public class NetworkFaultTests
{
    private static readonly byte[] SpecExample = Encoding.UTF8.GetBytes(Fixtures.SpecExample);

    [Test]
    public async Task Connection_reset_before_headers_is_a_transport_failure_with_no_status()
    {
        LoopbackServer? server = null;
        await using var _ = server = await LoopbackServer.StartAsync(context =>
        {
            server!.Reset(context);
            return Task.CompletedTask;
        });
        using var caller = TestCaller.For(server);

        var exception = await caller.FailsWith<PlaidApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.Zero);
            Assert.That(exception.IsTransportFailure, Is.True);
            Assert.That(exception.IsRetryable, Is.True);
            Assert.That(exception.Message, Does.StartWith("No response from Plaid"));
            Assert.That(exception.Message, Does.Contain("reset by peer"), "the message names the cause, not just 'an error occurred'");
        });
    }

    [Test]
    public async Task Connection_reset_mid_body_is_a_transport_failure_that_keeps_the_status()
    {
        LoopbackServer? server = null;
        await using var _ = server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = SpecExample.Length;
            await context.Response.Body.WriteAsync(SpecExample.AsMemory(0, SpecExample.Length / 2));
            await context.Response.Body.FlushAsync();
            await Task.Delay(50);
            server!.Reset(context);
        });
        using var caller = TestCaller.For(server);

        var exception = await caller.FailsWith<PlaidApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(200));
            Assert.That(exception.IsTransportFailure, Is.True);
            Assert.That(exception.IsRetryable, Is.True);
            Assert.That(exception.Message, Does.StartWith("Plaid answered HTTP 200 but the body could not be read"));
        });
    }

    [Test]
    public async Task Server_closing_right_after_the_headers_is_a_transport_failure()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = SpecExample.Length;
            await context.Response.StartAsync();
            await context.Response.Body.FlushAsync();
            await Task.Delay(50);
            context.Abort();
        });
        using var caller = TestCaller.For(server);

        var exception = await caller.FailsWith<PlaidApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(200));
            Assert.That(exception.IsTransportFailure, Is.True);
            Assert.That(exception.Message, Does.StartWith("Plaid answered HTTP 200 but the body could not be read"));
        });
    }

    [Test]
    public async Task Headers_slower_than_the_timeout_end_in_a_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        using var caller = TestCaller.For(server, timeout: TimeSpan.FromMilliseconds(300));

        var exception = await caller.FailsWith<OperationCanceledException>();

        Assert.That(exception.InnerException, Is.InstanceOf<TimeoutException>(), "HttpClient.Timeout fired, not the caller's token");
        Assert.That(await server.Connections.AllClosedWithin(TimeSpan.FromSeconds(5)), Is.True, "the timed-out connection was not closed");
    }

    [Test]
    public async Task A_body_trickled_byte_by_byte_is_parsed()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = SpecExample.Length;
            for (var i = 0; i < SpecExample.Length; i++)
            {
                await context.Response.Body.WriteAsync(SpecExample.AsMemory(i, 1));
                await context.Response.Body.FlushAsync();
                if (i % 16 == 0)
                {
                    await Task.Delay(1);
                }
            }
        });
        using var caller = TestCaller.For(server);

        var response = await caller.GetAsync();

        Assert.That(response.Account.AccountId, Is.EqualTo("QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv"));
        Assert.That(response.Account.Balances.Current, Is.EqualTo(110));
    }
}
