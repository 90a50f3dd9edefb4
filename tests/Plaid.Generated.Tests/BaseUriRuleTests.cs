namespace Plaid.Generated.Tests;

/// <summary>
/// The one BaseUri rule (<see cref="PlaidClientOptions.CheckBaseUri"/>): https anywhere, http only on a loopback
/// host, so the secret never crosses a network in clear text. Both constructors apply it.
/// </summary>
public class BaseUriRuleTests
{
    [TestCase("https://sandbox.plaid.com/")]
    [TestCase("https://plaid-proxy.example:8443/plaid/")]
    [TestCase("http://localhost:5000/")]
    [TestCase("http://LocalHost/")]
    [TestCase("http://127.0.0.1:9/")]
    [TestCase("http://127.255.255.254/")]
    [TestCase("http://[::1]:8080/")]
    [TestCase("http://loopback/")]
    public void Https_anywhere_and_http_on_loopback_are_allowed(string baseUri)
    {
        var uri = new Uri(baseUri);

        Assert.That(PlaidClientOptions.CheckBaseUri(uri), Is.Null);
        Assert.DoesNotThrow(() => _ = new PlaidClient(new PlaidClientOptions { BaseUri = uri }));
    }

    [TestCase("http://plaid.example.com/", TestName = "Plain http to a host name")]
    [TestCase("http://production.plaid.com/", TestName = "Plain http to Plaid itself")]
    [TestCase("http://10.0.0.1/", TestName = "Plain http to a private address")]
    [TestCase("http://128.0.0.1/", TestName = "Plain http just outside 127.0.0.0/8")]
    [TestCase("http://0.0.0.0/", TestName = "Plain http to the unspecified address")]
    [TestCase("http://[::2]/", TestName = "Plain http to an IPv6 address other than ::1")]
    [TestCase("http://localhost.attacker.example/", TestName = "Plain http to a name that starts with localhost")]
    public void Plain_http_off_loopback_is_refused_by_both_constructors(string baseUri)
    {
        var options = new PlaidClientOptions { ClientId = "id-1234", Secret = "secret-1234", BaseUri = new Uri(baseUri) };

        var withOwnHttpClient = Assert.Throws<ArgumentException>(() => _ = new PlaidClient(new HttpClient(), options));
        var withSharedHttpClient = Assert.Throws<ArgumentException>(() => _ = new PlaidClient(options));

        foreach (var exception in new[] { withOwnHttpClient!, withSharedHttpClient! })
        {
            Assert.That(exception.Message, Does.Contain("PlaidClientOptions.BaseUri must use https"));
            Assert.That(exception.Message, Does.Contain("loopback host (localhost, 127.0.0.0/8, ::1)"));
        }
    }

    [Test]
    public void The_name_loopback_is_allowed_because_Uri_sends_it_to_localhost_not_to_dns()
    {
        Assert.That(new Uri("http://loopback:5000/").IdnHost, Is.EqualTo("localhost"));
    }

    [Test]
    public void The_refusal_names_the_host_but_never_the_user_info_path_or_query()
    {
        var problem = PlaidClientOptions.CheckBaseUri(new Uri("http://user:hunter2@plaid.example.com/path-k3y?secret=s3cr3t"));

        Assert.That(problem, Does.StartWith("must use https").And.Contain("'plaid.example.com'"));
        Assert.That(problem, Does.Not.Contain("hunter2").And.Not.Contain("path-k3y").And.Not.Contain("s3cr3t"));
    }

    [TestCase("ftp://example.test/")]
    [TestCase("relative/path")]
    public void Anything_but_an_absolute_http_or_https_uri_is_refused(string baseUri)
    {
        Assert.That(PlaidClientOptions.CheckBaseUri(new Uri(baseUri, UriKind.RelativeOrAbsolute)), Is.EqualTo("must be an absolute http or https URI."));
    }
}
