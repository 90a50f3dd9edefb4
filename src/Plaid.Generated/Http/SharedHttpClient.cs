using System.Net;

namespace Plaid.Generated;

/// <summary>
/// The one <see cref="HttpClient"/> behind <see cref="PlaidClient(PlaidClientOptions)"/>, as .NET's guidelines
/// advise for long-lived clients without IHttpClientFactory: one static handler whose pooled connections are
/// reused across calls and clients, and replaced after a few minutes so DNS changes are seen.
/// </summary>
/// <remarks>
/// netstandard2.0 has no SocketsHttpHandler: that build uses HttpClientHandler, which has no connection lifetime
/// (on .NET Framework, ServicePointManager governs it) and decodes gzip and deflate but not Brotli. The README's
/// "Supported frameworks" says what a .NET Framework caller does about it.
/// </remarks>
internal static class SharedHttpClient
{
#if NET
    internal static readonly SocketsHttpHandler Handler = new()
    {
        // Credentials travel as headers, which HttpClient would repeat to whatever origin a redirect names.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(3),
        AutomaticDecompression = DecompressionMethods.All,
    };
#else
    internal static readonly HttpClientHandler Handler = new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
    };
#endif

    // No timeout of its own: PlaidResilienceOptions.TotalTimeout bounds every call, retries and body included.
    internal static readonly HttpClient Instance = new(Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
}
