using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>The client reads at most PlaidClientOptions.MaxResponseBytes and fails clearly beyond it, without buffering the rest.</summary>
public class ResponseSizeTests
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    [TestCase(true, TestName = "A_50_MB_body_with_a_Content_Length_is_refused_before_reading")]
    [TestCase(false, TestName = "A_50_MB_chunked_body_is_cut_off_at_the_cap")]
    public async Task A_50_MB_body_fails_with_a_clear_error_and_is_not_read_to_the_end(bool declareLength)
    {
        await using var server = await LoopbackServer.StartAsync(context => StreamHugeBody(context, declareLength));
        var connection = new CountingConnection();
        using var caller = TestCaller.For(server, configure: connection.AttachTo);

        var exception = await caller.FailsWith<PlaidApiException>();
        // Disposing the response may drain a little more in the background before closing; let it settle.
        await server.Connections.AllClosedWithin(TimeSpan.FromSeconds(5));
        TestContext.Out.WriteLine($"{TestContext.CurrentContext.Test.Name}: the client read {connection.BytesRead:N0} of {FiftyMegabytes:N0} bytes");

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(200));
            Assert.That(exception.Message, Does.Contain($"larger than the {PlaidClientOptions.DefaultMaxResponseBytes}-byte limit (PlaidClientOptions.MaxResponseBytes)"));
            Assert.That(exception.IsTransportFailure, Is.False, "retrying will not make the body smaller");
            // The cap, plus what SocketsHttpHandler reads ahead or drains on dispose (about 1 MB).
            Assert.That(connection.BytesRead, Is.LessThan(4 * PlaidClientOptions.DefaultMaxResponseBytes));
            if (declareLength)
            {
                // Refused on its Content-Length: only the headers and what one socket read brings with them.
                Assert.That(connection.BytesRead, Is.LessThan(64 * 1024), "the body was read although its length alone refuses it");
            }
        });
    }

    [Test]
    public async Task A_gzip_bomb_is_capped_after_decompression()
    {
        var bomb = Compression.Gzip(new byte[FiftyMegabytes]);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = bomb.Length;
            return context.Response.Body.WriteAsync(bomb).AsTask();
        });
        using var caller = TestCaller.For(server, configure: handler => handler.AutomaticDecompression = DecompressionMethods.All);

        var exception = await caller.FailsWith<PlaidApiException>();

        Assert.That(bomb, Has.Length.LessThan(PlaidClientOptions.DefaultMaxResponseBytes), "the compressed size alone passes the cap");
        Assert.That(exception.Message, Does.Contain("byte limit (PlaidClientOptions.MaxResponseBytes)"));
    }

    [Test]
    public async Task The_cap_is_configurable()
    {
        var body = Encoding.UTF8.GetBytes(Fixtures.SpecExample);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        using var roomy = TestCaller.For(server, maxResponseBytes: body.Length);
        using var tight = TestCaller.For(server, maxResponseBytes: body.Length - 1);

        Assert.That((await roomy.GetAsync()).RequestId, Is.EqualTo("1zlMf"));
        var exception = await tight.FailsWith<PlaidApiException>();
        Assert.That(exception.Message, Does.Contain($"larger than the {body.Length - 1}-byte limit"));
    }

    private static async Task StreamHugeBody(HttpContext context, bool declareLength)
    {
        context.Response.ContentType = "application/json";
        if (declareLength)
        {
            context.Response.ContentLength = FiftyMegabytes;
        }

        var block = new byte[64 * 1024];
        block.AsSpan().Fill((byte)' ');
        try
        {
            for (var written = 0; written < FiftyMegabytes && !context.RequestAborted.IsCancellationRequested; written += block.Length)
            {
                await context.Response.Body.WriteAsync(block, context.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away: that is the point.
        }
    }
}
