using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

/// <summary>A real TLS server on 127.0.0.1 with a self-signed certificate: what the tool says of a certificate it refuses.</summary>
public partial class PlaidBalanceCliTests
{
    [TestCase(true, "The server's certificate is not trusted", TestName = "A self-signed certificate for 127.0.0.1 is reported as untrusted")]
    [TestCase(false, "The server's certificate does not match its host name", TestName = "A certificate for another host is reported as not matching")]
    public async Task A_refused_certificate_is_reported_as_that(bool forLoopback, string reported)
    {
        using var certificate = SelfSigned(forLoopback);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await using var tls = new SslStream(client.GetStream());
            try
            {
                await tls.AuthenticateAsServerAsync(certificate);
            }
            catch (Exception e) when (e is AuthenticationException or IOException)
            {
                // The client refused the certificate: what the test expects.
            }
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await InProcessAsync(WithCredentials, transport: null,
            "--base-url", $"https://127.0.0.1:{port}", "--processor-token", "processor-sandbox-0asd1-a92nc", "--timeout", "20");
        await serving;

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Transport), result.AllOutput);
        Assert.That(result.Stderr, Does.Contain(reported));
        Assert.That(result.Stderr, Does.Not.Contain("TLS 1.2").And.Not.Contain(".NET Framework"));
    }

    private static X509Certificate2 SelfSigned(bool forLoopback)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(forLoopback ? "CN=127.0.0.1" : "CN=plaid-proxy.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        if (forLoopback)
        {
            names.AddIpAddress(IPAddress.Loopback);
        }
        else
        {
            names.AddDnsName("plaid-proxy.example");
        }

        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // SslStream on Linux needs the key in a form it can load: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
