using System.Net;
using Newtonsoft.Json.Linq;
using Plaid.Generated.Testing;
using RichardSzalay.MockHttp;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

/// <summary><c>plaid-balance sandbox</c>: keys to a balance in one command.</summary>
public partial class PlaidBalanceCliTests
{
    private const string TokenPattern = "processor-sandbox-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [Test]
    public async Task Sandbox_without_keys_creates_a_token_and_reads_its_balance_from_the_offline_fake_and_says_so()
    {
        var result = await InProcessAsync("sandbox");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
        Assert.That(result.Stdout, Does.Match($"^PROCESSOR TOKEN  {TokenPattern}\r?\nINSTITUTION      ins_109508\r?\n"));
        Assert.That(result.Stdout, Does.Contain("Plaid Checking").And.Contain("depository/checking").And.Contain("110.00"));
        Assert.That(result.Stderr, Does.Contain("offline fake"));
    }

    [Test]
    public async Task Sandbox_with_keys_sends_the_two_requests_to_plaid_sandbox_with_the_created_token()
    {
        var plaid = new FakePlaidHandler { ClientId = ClientId, Secret = Secret };

        var result = await InProcessAsync(WithCredentials, plaid, "sandbox", "--institution", "ins_109511");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
        var requests = plaid.ReceivedRequests;
        Assert.That(requests.Select(request => request.RequestUri?.AbsoluteUri), Is.EqualTo(new[]
        {
            "https://sandbox.plaid.com/sandbox/processor_token/create", "https://sandbox.plaid.com/processor/balance/get",
        }));
        Assert.That(requests[0].Body, Is.EqualTo("""{"institution_id":"ins_109511"}"""));
        Assert.That(requests[0].Headers["PLAID-CLIENT-ID"], Is.EqualTo(CredentialRedactor.Mask), "credentials go in the headers");
        var token = JObject.Parse(requests[1].Body)["processor_token"]!.ToString();
        Assert.That(token, Does.Match(TokenPattern));
        Assert.That(result.Stdout, Does.Contain(token).And.Contain("ins_109511"));
        Assert.That(result.Stderr, Does.Not.Contain("offline fake"));
    }

    [Test]
    public async Task Sandbox_json_prints_the_token_and_the_balance_response_as_received()
    {
        var result = await InProcessAsync("sandbox", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
        var output = JObject.Parse(result.Stdout);
        Assert.That((string?)output["processor_token"], Does.Match(TokenPattern));
        Assert.That((string?)output["institution_id"], Is.EqualTo("ins_109508"));
        Assert.That((string?)output["balance"]?["account"]?["persistent_account_id"], Is.Not.Null, "members the DTOs do not print stay");
    }

    [Test]
    public async Task Sandbox_reports_plaids_error_on_the_token_and_does_not_ask_for_a_balance()
    {
        var plaid = new MockHttpMessageHandler();
        var create = plaid.When(HttpMethod.Post, "https://sandbox.plaid.com/sandbox/processor_token/create").Respond(HttpStatusCode.BadRequest, "application/json",
            """{"error_type":"INVALID_INPUT","error_code":"INVALID_INSTITUTION","error_message":"invalid institution_id provided","display_message":null,"request_id":"req-9"}""");

        var result = await InProcessAsync(WithCredentials, plaid, "sandbox", "--institution", "ins_1");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.PlaidError));
        Assert.That(result.Stderr, Does.Contain("INVALID_INSTITUTION").And.Contain("req-9"));
        Assert.That(plaid.GetMatchCount(create), Is.EqualTo(1));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.AllOutput, Does.Not.Contain(Secret).And.Not.Contain(ClientId));
    }

    [TestCase("bank", "--institution must be a Plaid institution id such as ins_109508, not 'bank'.")]
    [TestCase("ins_", "--institution must be a Plaid institution id such as ins_109508, not 'ins_'.")]
    public async Task Sandbox_refuses_an_institution_id_that_is_not_one_before_sending(string institution, string message)
    {
        var result = await InProcessAsync(WithCredentials, new NoNetwork(), "sandbox", "--institution", institution);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.StartWith($"plaid-balance sandbox: {message}"));
    }

    [Test]
    public async Task Sandbox_refuses_production_before_sending()
    {
        var result = await InProcessAsync(WithCredentials, new NoNetwork(), "sandbox", "--base-url", "https://production.plaid.com");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr.TrimEnd(), Is.EqualTo("plaid-balance: POST /sandbox/processor_token/create exists only in Plaid's Sandbox, but this client "
            + "targets Production (--base-url https://production.plaid.com); nothing was sent. Leave out --base-url (the command targets Plaid's "
            + "Sandbox) and use Sandbox keys."), "the flags the user typed, not the library's C# names");
    }

    [Test]
    public async Task Sandbox_does_not_send_the_token_request_again_after_a_503()
    {
        var plaid = new MockHttpMessageHandler();
        var create = plaid.When(HttpMethod.Post, "https://sandbox.plaid.com/sandbox/processor_token/create").Respond(HttpStatusCode.ServiceUnavailable);

        var result = await InProcessAsync(WithCredentials, plaid, "sandbox");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Transport));
        Assert.That(plaid.GetMatchCount(create), Is.EqualTo(1), "the Item may have been created: creating a token is not safe to repeat");
        Assert.That(result.Stderr, Does.Contain("503"));
    }

    [Test]
    public async Task Sandbox_base_url_needs_keys()
    {
        var result = await InProcessAsync(NoCredentials, new NoNetwork(), "sandbox", "--base-url", "http://127.0.0.1:4010");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Stderr, Does.Contain("--base-url needs credentials"));
    }

    [Test]
    public async Task The_main_help_points_to_the_sandbox_command()
    {
        var result = await InProcessAsync("--help");

        Assert.That(result.Stdout, Does.Contain("plaid-balance sandbox --help"));
    }
}
