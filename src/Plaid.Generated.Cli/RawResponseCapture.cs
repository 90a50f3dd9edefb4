namespace Plaid.Generated.Cli;

/// <summary>
/// Keeps the response body exactly as it arrived, for <c>--json</c>: the client parses into DTOs,
/// which would lose the original
/// formatting, member order and unknown fields.
/// </summary>
internal sealed class RawResponseCapture(int maxBytes) : DelegatingHandler
{
    public byte[]? Body { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // A body declared too large is left to the client, which refuses it without reading it.
        if (response.Content.Headers.ContentLength is not { } length || length <= maxBytes)
        {
            // Buffered content can be read again, so the client still parses the same bytes.
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(maxBytes, cancellationToken).ConfigureAwait(false);
#else
            // .NET 8 has no overload that takes the token; the body is then read with it below.
            await response.Content.LoadIntoBufferAsync(maxBytes).ConfigureAwait(false);
#endif
            Body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}
