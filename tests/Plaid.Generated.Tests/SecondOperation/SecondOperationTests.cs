using Newtonsoft.Json;

namespace Plaid.Generated.Tests.SecondOperation;

/// <summary>
/// Issue 12.2: adding an operation to the fragment is enough. In a copy of the library, <c>build/ContractDiff extract</c>
/// cuts the fragment again from Plaid's spec with POST /processor/auth/get added (our descriptions kept, none of Plaid's
/// copied); one build of a consumer program then calls it through MockHttp. No file of the library mentions the
/// operation, so nothing in this test could have been written by hand for it.
/// </summary>
[NonParallelizable]
[Category(LibraryCopy.Category)]
[Category("Slow")]
public class SecondOperationTests
{
    private const string ClientId = "client-id-77c1d0";
    private const string Secret = "secret-Hk2Pq9Wm4Ns6";
    private const string Token = "processor-sandbox-5f1c-8e2b";

    private const string SuccessBody = """
        {
          "account": {
            "account_id": "vzeNDwK7KQIm4yEog683uElbp9GRLEFXGK98D",
            "balances": { "available": 100, "current": 110, "iso_currency_code": "USD", "limit": null, "unofficial_currency_code": null },
            "mask": "0000", "name": "Plaid Checking", "official_name": "Plaid Gold Checking", "subtype": "checking", "type": "depository"
          },
          "numbers": {
            "ach": { "account": "9900009606", "account_id": "vzeNDwK7KQIm4yEog683uElbp9GRLEFXGK98D", "routing": "011401533", "wire_routing": "021000021" },
            "eft": null, "international": null, "bacs": null
          },
          "request_id": "auth-request-1"
        }
        """;

    private const string ErrorBody = """
        {
          "error_type": "ITEM_ERROR", "error_code": "ITEM_LOGIN_REQUIRED", "error_message": "the login details of this item have changed",
          "display_message": null, "request_id": "auth-request-2"
        }
        """;

    private static readonly string Upstream =
        Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "plaid-openapi", "2020-09-14.yml"));

    private LibraryCopy? _copy;
    private Dictionary<string, string?> _report = null!;
    private string _buildOutput = null!;

    [OneTimeSetUp]
    public void AddTheOperationBuildAndCall()
    {
        if (!File.Exists(Upstream))
        {
            var reason = $"Plaid's published spec is not at {Upstream} (../shared is absent here).";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason + " The second-operation build is skipped.");
        }

        _copy = LibraryCopy.Shared();
        var fragment = _copy.PathOf("openapi/processor-balance-get.yaml");
        _copy.Dotnet(
            Path.Combine(AppContext.BaseDirectory, "ContractDiff.dll"), "extract", "--upstream", Upstream,
            "--operation", "POST /processor/balance/get", "--operation", "POST /processor/auth/get",
            "--descriptions-from", fragment, "--out", fragment);

        Directory.CreateDirectory(_copy.PathOf("probe"));
        File.WriteAllText(_copy.PathOf("probe/Probe.csproj"), Probe.Project);
        File.WriteAllText(_copy.PathOf("probe/Program.cs"), Probe.Program);
        File.WriteAllText(_copy.PathOf("probe/success.json"), SuccessBody);
        File.WriteAllText(_copy.PathOf("probe/error.json"), ErrorBody);

        // The new operation's schemas have no descriptions of ours yet: CS1591 stays a warning here, so that the
        // build shows which members need one (see Undescribed_members_of_the_operation_are_named_by_the_build).
        _buildOutput = _copy.Dotnet("build", "probe/Probe.csproj", "-nodeReuse:false", "-v:q", "-p:WarningsNotAsErrors=CS1591");
        var output = _copy.Dotnet("probe/bin/Debug/net10.0/Probe.dll", ClientId, Secret, Token, "probe/success.json", "probe/error.json");
        _report = JsonConvert.DeserializeObject<Dictionary<string, string?>>(output)!;
    }

    [Test]
    public void No_library_source_names_the_operation()
    {
        var mentions = Directory.EnumerateFiles(_copy!.PathOf("src/Plaid.Generated"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(_copy.PathOf("build/templates")))
            .Where(path => File.ReadAllText(path) is var text
                && (text.Contains("ProcessorAuth", StringComparison.Ordinal) || text.Contains("processor/auth", StringComparison.Ordinal)));

        Assert.That(mentions, Is.Empty);
        Assert.That(File.ReadAllText(_copy.PathOf("src/Plaid.Generated/obj/Generated/PlaidClient.g.cs")),
            Does.Contain("partial class ProcessorAuthGetRequest : IPlaidJsonModel, IPlaidCredentials, IProcessorTokenRequest"));
    }

    [Test]
    public void Undescribed_members_of_the_operation_are_named_by_the_build()
    {
        Assert.That(_buildOutput, Does.Contain("warning CS1591").And.Contain("'ProcessorAuthGetRequest'"),
            "a generated type without a description must not build silently");
    }

    [Test]
    public void The_request_goes_out_like_the_first_operations()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_report["success.method"], Is.EqualTo("POST"));
            Assert.That(_report["success.url"], Is.EqualTo("https://sandbox.plaid.com/processor/auth/get"));
            Assert.That(_report["success.content_type"], Is.EqualTo("application/json"));
            Assert.That(_report["success.header.PLAID-CLIENT-ID"], Is.EqualTo(ClientId));
            Assert.That(_report["success.header.PLAID-SECRET"], Is.EqualTo(Secret));
            Assert.That(_report["success.header.Plaid-Version"], Is.EqualTo("2020-09-14"));
            Assert.That(_report["success.body"], Is.EqualTo($$"""{"processor_token":"{{Token}}"}"""));
        }
    }

    [Test]
    public void Credentials_in_the_body_win_and_leave_the_headers()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_report["body_credentials.header.PLAID-CLIENT-ID"], Is.Null);
            Assert.That(_report["body_credentials.header.PLAID-SECRET"], Is.Null);
            Assert.That(_report["body_credentials.body"], Does.Contain("\"client_id\":\"body-client-id\"").And.Contain("\"secret\":\"body-secret-value\""));
        }
    }

    [Test]
    public void The_response_is_parsed_into_the_generated_types()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_report["success.request_id"], Is.EqualTo("auth-request-1"));
            Assert.That(_report["success.account_name"], Is.EqualTo("Plaid Checking"));
            Assert.That(_report["success.ach_account"], Is.EqualTo("9900009606"));
            Assert.That(_report["success.ach_routing"], Is.EqualTo("011401533"));
            Assert.That(_report["success.eft"], Is.EqualTo("null"));
        }
    }

    [Test]
    public void A_Plaid_error_is_a_typed_PlaidApiException()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_report["error.exception"], Is.EqualTo("Plaid.Generated.PlaidApiException"));
            Assert.That(_report["error.status"], Is.EqualTo("400"));
            Assert.That(_report["error.error_type"], Is.EqualTo("ITEM_ERROR"));
            Assert.That(_report["error.error_code"], Is.EqualTo("ITEM_LOGIN_REQUIRED"));
            Assert.That(_report["error.request_id"], Is.EqualTo("auth-request-2"));
            Assert.That(_report["error.message"], Does.Not.Contain(Secret));
        }
    }

    [Test]
    public void An_unreadable_success_body_is_a_PlaidApiException()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_report["unreadable.exception"], Is.EqualTo("Plaid.Generated.PlaidApiException"));
            Assert.That(_report["unreadable.status"], Is.EqualTo("200"));
            Assert.That(_report["unreadable.request_id"], Is.EqualTo("header-request-id"));
        }
    }

    [Test]
    public void Each_call_is_an_activity_named_after_the_new_operation()
    {
        Assert.That(_report["activities"], Is.EqualTo(
            "POST /processor/auth/get Unset | POST /processor/auth/get Unset | POST /processor/auth/get Error | POST /processor/auth/get Error"));
    }

    [Test]
    public void Its_processor_token_is_checked_before_sending()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_report["access_token.exception"], Is.EqualTo("System.ArgumentException"));
            Assert.That(_report["access_token.message"], Does.Contain("is an access token: POST /processor/auth/get needs a processor token"));
            Assert.That(_report["production_token.exception"], Is.EqualTo("System.ArgumentException"));
            Assert.That(_report["production_token.message"], Does.Contain("'production' environment but the client is configured for Sandbox"));
            Assert.That(_report["refused.sent"], Is.EqualTo("0"));
        }
    }
}
