using System.Net.Sockets;
using System.Security.Authentication;
using RichardSzalay.MockHttp;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

/// <summary>The tool speaks in its flags and variables, and says each cause once and as it is.</summary>
public partial class PlaidBalanceCliTests
{
    private const string OfflineNotice = "answering from FakePlaidHandler";

    [Test]
    public async Task A_short_client_id_is_named_as_the_variable_the_user_set()
    {
        var environment = new Dictionary<string, string?> { [Credentials.ClientIdVariable] = "abc", [Credentials.SecretVariable] = Secret };

        var result = await InProcessAsync(environment, new NoNetwork(), ServerArgs);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.StartWith("plaid-balance: PLAID_CLIENT_ID is shorter than 4 characters"));
        Assert.That(result.Stderr, Does.Not.Contain("PlaidClientOptions"));
    }

    [Test]
    public async Task A_token_for_another_environment_names_env()
    {
        var result = await InProcessAsync("--env", "sandbox", "--processor-token", "processor-production-0asd1-a92nc");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.Contain("--processor-token is for the 'production' environment but --env is sandbox"));
        Assert.That(result.Stderr, Does.Contain("set --env to match"));
        Assert.That(result.Stderr, Does.Not.Contain("PlaidClientOptions"));
    }

    [Test]
    public async Task The_offline_notice_does_not_precede_a_usage_error()
    {
        var result = await InProcessAsync("--processor-token", "bad");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.StartWith("plaid-balance: --processor-token is not a processor token"));
        Assert.That(result.Stderr, Does.Not.Contain(OfflineNotice));
    }

    [Test]
    public async Task The_offline_notice_still_precedes_an_offline_answer()
    {
        var result = await InProcessAsync();

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.Stderr, Does.StartWith("plaid-balance: PLAID_CLIENT_ID and PLAID_SECRET are not set").And.Contain(OfflineNotice));
    }

    [TestCase("--bogus", TestName = "Parse error: unknown flag")]
    [TestCase("--env", "staging", TestName = "Parse error: bad value")]
    [TestCase("--jsn", TestName = "Parse error: misspelt flag")]
    public async Task Parse_errors_carry_the_prefix_and_no_blank_line(params string[] args)
    {
        var result = await InProcessAsync(args);
        var lines = result.Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(lines, Has.None.Empty, result.Stderr);
        Assert.That(lines[0], Does.StartWith("plaid-balance: "));
        Assert.That(lines.Where(line => !line.StartsWith("  ", StringComparison.Ordinal)), Has.All.StartWith("plaid-balance: ").Or.StartWith("Run 'plaid-balance --help'"));
        Assert.That(result.Stderr, Does.Not.Contain(OfflineNotice));
    }

    [Test]
    public async Task A_misspelt_flag_lists_its_candidates_indented_under_it()
    {
        var result = await InProcessAsync("--jsn");

        Assert.That(result.Stderr.ReplaceLineEndings("\n"), Does.Contain("Did you mean one of the following?\n  --json\n"));
    }

    [Test]
    public async Task With_credentials_and_no_token_nothing_is_sent_even_to_a_base_url()
    {
        var result = await InProcessAsync(WithCredentials, new NoNetwork(), "--base-url", "https://plaid-proxy.example");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.StartWith("plaid-balance: --processor-token is required when PLAID_CLIENT_ID and PLAID_SECRET are set"));
        Assert.That(result.AllOutput, Does.Not.Contain("0asd1-a92nc"));
    }

    [Test]
    public async Task An_unknown_host_is_reported_with_its_cause_once()
    {
        var handler = new MockHttpMessageHandler();
        // What SocketsHttpHandler throws on Linux for a name that does not resolve.
        handler.Fallback.Throw(new HttpRequestException(
            "Name or service not known (plaid.invalid:443)", new SocketException((int)SocketError.HostNotFound, "Name or service not known")));

        var result = await InProcessAsync(WithCredentials, handler, ServerArgs);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Transport));
        Assert.That(result.Stderr.Trim(), Is.EqualTo("plaid-balance: No response from Plaid: Name or service not known (plaid.invalid:443)"));
    }

    [TestCase("RemoteCertificateNameMismatch", "The server's certificate does not match its host name.", TestName = "Certificate for another host")]
    [TestCase("RemoteCertificateChainErrors", "The server's certificate is not trusted", TestName = "Untrusted certificate")]
    [TestCase("RemoteCertificateNameMismatch, RemoteCertificateChainErrors", "does not match its host name and is not trusted", TestName = "Both")]
    public async Task A_rejected_certificate_is_reported_as_that_without_protocol_advice(string errors, string reported)
    {
        var handler = new MockHttpMessageHandler();
        // .NET's own texts: HttpRequestException over AuthenticationException naming SslPolicyErrors.
        handler.Fallback.Throw(new HttpRequestException("The SSL connection could not be established, see inner exception.",
            new AuthenticationException($"The remote certificate is invalid according to the validation procedure: {errors}")));

        var result = await InProcessAsync(WithCredentials, handler, ServerArgs);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Transport));
        Assert.That(result.Stderr, Does.Contain(reported));
        Assert.That(result.Stderr, Does.Not.Contain("TLS 1.2").And.Not.Contain(".NET Framework"));
    }

    [Test]
    public async Task A_failed_handshake_on_modern_NET_gets_no_NET_Framework_advice()
    {
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Throw(new HttpRequestException("The SSL connection could not be established, see inner exception.",
            new AuthenticationException("Authentication failed because the remote party sent a TLS alert: 'ProtocolVersion'.")));

        var result = await InProcessAsync(WithCredentials, handler, ServerArgs);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Transport));
        Assert.That(result.Stderr, Does.Contain("The TLS handshake failed. Plaid accepts TLS 1.2 or later only"));
        Assert.That(result.Stderr, Does.Not.Contain(".NET Framework").And.Not.Contain("ServicePointManager"));
    }
}
