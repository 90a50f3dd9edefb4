using System.Net;

namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// Stands in for a response's content with the same headers and a body read through another stream;
/// disposing it disposes the original.
/// </summary>
internal abstract class ReplacedContent : HttpContent
{
    protected ReplacedContent(HttpContent original)
    {
        Original = original;
        foreach (var header in original.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected HttpContent Original { get; }

    protected abstract Stream OpenBody();

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult(OpenBody());

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(OpenBody());

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => OpenBody();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var body = OpenBody();
        await body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    // Asked only when no Content-Length header was copied: the original may still know its length (a buffer does).
    protected override bool TryComputeLength(out long length)
    {
        var originalLength = Original.Headers.ContentLength;
        length = originalLength ?? 0;
        return originalLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Original.Dispose();
        }

        base.Dispose(disposing);
    }
}
