namespace Plaid.Generated.Cli.Tests;

/// <summary>The transport for runs that must not send anything: a request that reaches it fails the test.</summary>
internal sealed class NoNetwork : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new AssertionException($"The CLI tried to send {request.Method} {request.RequestUri}; this run must not reach the network.");
}
