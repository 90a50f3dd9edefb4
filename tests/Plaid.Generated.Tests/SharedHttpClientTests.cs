using System.Net;

namespace Plaid.Generated.Tests;

/// <summary>
/// The settings of the HttpClient behind <c>new PlaidClient(options)</c> that a loopback test cannot observe in
/// reasonable time (the integration tests show connection reuse, decompression and redirects on sockets).
/// </summary>
public class SharedHttpClientTests
{
#if PLAID_NETSTANDARD2_0
    // netstandard2.0 has no SocketsHttpHandler: no connection lifetime, and no Brotli (README, "Supported frameworks").
    [Test]
    public void Redirects_are_not_followed_and_gzip_and_deflate_bodies_are_decompressed()
    {
        Assert.That(SharedHttpClient.Handler, Is.TypeOf<HttpClientHandler>());
        Assert.That(SharedHttpClient.Handler.AllowAutoRedirect, Is.False);
        Assert.That(SharedHttpClient.Handler.AutomaticDecompression, Is.EqualTo(DecompressionMethods.GZip | DecompressionMethods.Deflate));
    }
#else
    [Test]
    public void Pooled_connections_are_renewed_every_few_minutes_so_DNS_changes_are_seen()
    {
        Assert.That(SharedHttpClient.Handler.PooledConnectionLifetime, Is.InRange(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5)));
    }

    [Test]
    public void Redirects_are_not_followed_and_bodies_are_decompressed()
    {
        Assert.That(SharedHttpClient.Handler.AllowAutoRedirect, Is.False);
        Assert.That(SharedHttpClient.Handler.AutomaticDecompression, Is.EqualTo(DecompressionMethods.All));
    }
#endif

    [Test]
    public void It_has_no_timeout_of_its_own_so_the_total_timeout_bounds_each_call()
    {
        Assert.That(SharedHttpClient.Instance.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
    }
}
