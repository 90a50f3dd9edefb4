using System.Text;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>
/// <c>new PlaidClient(options)</c> sends through one HttpClient shared by every client made that way, as
/// .NET's guidelines advise: connections are pooled across calls and across instances, bodies are decompressed.
/// </summary>
public class SharedHttpClientTests
{
    [Test]
    public async Task Calls_from_several_clients_share_one_connection()
    {
        await using var server = await LoopbackServer.StartAsync(context => Responses.Write(context, 200, Fixtures.SpecExample));
        var options = EntryPointClient.Options(server.BaseUri);

        foreach (var client in new[] { new PlaidClient(options), new PlaidClient(options), new PlaidClient(options) })
        {
            for (var call = 0; call < 3; call++)
            {
                var response = await client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Credentials.Token });
                Assert.That(response.Account.Name, Is.EqualTo("Plaid Checking"));
            }
        }

        Assert.That(server.Connections.Count, Is.EqualTo(1), "9 sequential calls from 3 clients");
    }

    [Test]
    public async Task A_new_HttpClient_per_client_opens_a_connection_per_client()
    {
        // The counter's baseline: what the shared HttpClient saves.
        await using var server = await LoopbackServer.StartAsync(context => Responses.Write(context, 200, Fixtures.SpecExample));

        for (var instance = 0; instance < 3; instance++)
        {
            using var caller = TestCaller.For(server);
            await caller.GetAsync();
            await caller.GetAsync();
        }

        Assert.That(server.Connections.Count, Is.EqualTo(3));
    }

    [TestCase("gzip")]
#if !PLAID_NETSTANDARD2_0
    [TestCase("br")]
#endif
    public async Task A_compressed_body_is_decompressed(string encoding)
    {
        var body = Encoding.UTF8.GetBytes(Fixtures.SpecExample);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.ContentEncoding = encoding;
            return Responses.Write(context, 200, encoding == "gzip" ? Compression.Gzip(body) : Compression.Brotli(body));
        });
        var client = new PlaidClient(EntryPointClient.Options(server.BaseUri));

        var response = await client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Credentials.Token });

        Assert.That(response.Account.Name, Is.EqualTo("Plaid Checking"));
    }

#if PLAID_NETSTANDARD2_0
    // netstandard2.0's HttpClientHandler decodes gzip and deflate only (README, "Supported frameworks").
    [Test]
    public async Task A_brotli_body_is_refused_with_a_message_that_says_it_was_not_decoded()
    {
        var body = Encoding.UTF8.GetBytes(Fixtures.SpecExample);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.ContentEncoding = "br";
            return Responses.Write(context, 200, Compression.Brotli(body));
        });
        var client = new PlaidClient(EntryPointClient.Options(server.BaseUri));

        var exception = await Assert.ThrowsAsync<PlaidApiException>(
            () => client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Credentials.Token }));

        Assert.That(exception!.Message, Does.Contain("Content-Encoding br not decoded"));
    }
#endif
}
