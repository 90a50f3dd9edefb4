using System.IO.Compression;

namespace Plaid.Generated.IntegrationTests.Infrastructure;

internal static class Compression
{
    public static byte[] Gzip(byte[] data) => Compress(data, stream => new GZipStream(stream, CompressionLevel.Optimal));

    public static byte[] Brotli(byte[] data) => Compress(data, stream => new BrotliStream(stream, CompressionLevel.Optimal));

    private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
        {
            compressing.Write(data);
        }

        return output.ToArray();
    }
}
