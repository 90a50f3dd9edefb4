using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>How the body is framed and encoded: compression, chunking, byte order marks, charsets.</summary>
public class ContentEncodingTests
{
    private static readonly byte[] SpecExample = Encoding.UTF8.GetBytes(Fixtures.SpecExample);

    [TestCase("gzip")]
    [TestCase("br")]
    public async Task A_compressed_body_is_parsed_when_the_HttpClient_decompresses(string encoding)
    {
        await using var server = await LoopbackServer.StartAsync(context => RespondEncoded(context, encoding));
        using var caller = TestCaller.For(server, configure: handler => handler.AutomaticDecompression = DecompressionMethods.All);

        var response = await caller.GetAsync();

        Assert.That(response.Account.Balances.Available, Is.EqualTo(100));
    }

    [Test]
    public async Task A_gzip_body_without_decompression_is_an_error_that_names_the_encoding()
    {
        await using var server = await LoopbackServer.StartAsync(context => RespondEncoded(context, "gzip"));
        using var caller = TestCaller.For(server);

        var exception = await caller.FailsWith<PlaidApiException>();

        Assert.That(exception.StatusCode, Is.EqualTo(200));
        Assert.That(exception.Message, Does.StartWith("Plaid answered HTTP 200 but the response could not be read"));
        Assert.That(exception.Message, Does.Contain("gzip"), "the message tells the caller to turn on AutomaticDecompression");
    }

    [Test]
    public async Task A_chunked_body_is_parsed()
    {
        var chunked = false;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            foreach (var chunk in SpecExample.Chunk(37))
            {
                await context.Response.Body.WriteAsync(chunk);
                await context.Response.Body.FlushAsync();
            }

            chunked = context.Response.Headers.TransferEncoding == "chunked";
        });
        using var caller = TestCaller.For(server);

        var response = await caller.GetAsync();

        Assert.That(chunked, Is.True, "the server did not send Transfer-Encoding: chunked");
        Assert.That(response.RequestId, Is.EqualTo("1zlMf"));
    }

    [Test]
    public async Task A_UTF8_byte_order_mark_is_skipped()
    {
        await using var server = await LoopbackServer.StartAsync(context => Responses.Write(context, 200, [.. Encoding.UTF8.Preamble, .. SpecExample], "application/json"));
        using var caller = TestCaller.For(server);

        var response = await caller.GetAsync();

        Assert.That(response.Account.Name, Is.EqualTo("Plaid Checking"));
    }

    [Test]
    public async Task A_UTF8_byte_order_mark_before_an_error_body_still_gives_the_Plaid_error()
    {
        var body = Encoding.UTF8.GetBytes(Fixtures.Read("errors/INVALID_FIELD.json"));
        await using var server = await LoopbackServer.StartAsync(context => Responses.Write(context, 400, [.. Encoding.UTF8.Preamble, .. body], "application/json"));
        using var caller = TestCaller.For(server);

        var exception = await caller.FailsWith<PlaidApiException>();

        Assert.That(exception.ErrorCode, Is.EqualTo(PlaidErrorCodes.InvalidField));
    }

    [Test]
    public async Task A_body_in_the_declared_iso_8859_1_charset_is_refused_json_is_utf8()
    {
        var latin1 = Encoding.Latin1.GetBytes(Fixtures.SpecExample.Replace("Plaid Checking", "Compte Épargne à vue", StringComparison.Ordinal));
        await using var server = await LoopbackServer.StartAsync(context => Responses.Write(context, 200, latin1, "application/json; charset=iso-8859-1"));
        using var caller = TestCaller.For(server);

        var exception = await caller.FailsWith<PlaidApiException>();

        Assert.That(exception.StatusCode, Is.EqualTo(200));
        Assert.That(exception.Message, Does.Contain("Invalid JSON at byte ").And.Contain("UTF-8"));
    }

    private static Task RespondEncoded(HttpContext context, string encoding)
    {
        context.Response.Headers.ContentEncoding = encoding;
        return Responses.Write(context, 200, encoding == "gzip" ? Compression.Gzip(SpecExample) : Compression.Brotli(SpecExample), "application/json");
    }
}
