using System.Net;
using System.Net.Http.Headers;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>Answers each request with whatever status and body the test set last: fast enough for tens of thousands of calls.</summary>
internal sealed class InMemoryHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public byte[] Body { get; set; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(Status) { Content = content, RequestMessage = request });
    }
}
