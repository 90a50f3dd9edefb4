using System.Net;
using System.Net.Http.Headers;

namespace Plaid.Generated.Benchmarks;

/// <summary>
/// Answers every request in memory with a fresh content of the same bytes. It drains the request
/// body first, as a socket handler would, so a client that defers serialization into its content
/// pays for it here too.
/// </summary>
internal sealed class StubHandler(HttpStatusCode status, byte[] body) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var responseContent = new ByteArrayContent(body);
        responseContent.Headers.ContentType = Json;
        return new HttpResponseMessage(status) { Content = responseContent, RequestMessage = request };
    }
}
