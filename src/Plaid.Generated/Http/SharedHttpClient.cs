using System.Net;

namespace Plaid.Generated;

/// <summary>
/// The one <see cref="HttpClient"/> behind <see cref="PlaidClient(PlaidClientOptions)"/>, as .NET's guidelines
/// advise for long-lived clients without IHttpClientFactory: one static handler whose pooled connections are
/// reused across calls and clients, and replaced after <see cref="ConnectionLifetime"/> so DNS changes are seen.
/// </summary>
internal static class SharedHttpClient
{
    internal static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(3);

    internal static readonly HttpClient Instance = new(
        new SocketsHttpHandler
        {
            // Credentials travel as headers, which HttpClient would repeat to whatever origin a redirect names.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = ConnectionLifetime,
            AutomaticDecompression = DecompressionMethods.All,
        },
        disposeHandler: false);
}
