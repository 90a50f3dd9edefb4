using Newtonsoft.Json.Linq;
using Plaid.Generated.Cli.OfflineFake;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

public partial class PlaidBalanceCliTests
{
    private static IEnumerable<string> DocumentedCodes => DocumentedErrors.ByCode.Keys;

    [Test]
    public void The_fake_knows_every_documented_error_code()
    {
        var codes = typeof(PlaidErrorCodes).GetFields().Select(field => (string)field.GetRawConstantValue()!);

        Assert.That(DocumentedErrors.ByCode.Keys, Is.EquivalentTo(codes));
    }

    [TestCaseSource(nameof(DocumentedCodes))]
    public async Task An_error_token_gets_that_error_and_exit_code_1(string code)
    {
        var documented = DocumentedErrors.ByCode[code];

        var result = await InProcessAsync("--processor-token", $"processor-sandbox-error-{code}");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.PlaidError));
        Assert.That(result.Stderr, Does.Contain($"error_type:      {documented.Type}"));
        Assert.That(result.Stderr, Does.Contain($"error_code:      {code}"));
        Assert.That(result.Stderr, Does.Contain($"error_message:   {documented.Message}"));
        Assert.That(result.Stderr, Does.Contain($"request_id:      offline-{code}"));
        Assert.That(result.Stderr, Does.Contain($"HTTP {(int)documented.Status}"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task With_json_the_error_object_goes_to_stdout()
    {
        var result = await InProcessAsync("--processor-token", "processor-sandbox-error-ITEM_LOGIN_REQUIRED", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.PlaidError));
        var error = JObject.Parse(result.Stdout);
        Assert.That((string?)error["error_code"], Is.EqualTo(PlaidErrorCodes.ItemLoginRequired));
        Assert.That((string?)error["error_type"], Is.EqualTo("ITEM_ERROR"));
        Assert.That(result.Stderr, Does.Contain("error_code:      ITEM_LOGIN_REQUIRED"));
    }

    [Test]
    public async Task An_unknown_error_code_in_a_fake_token_lists_the_known_ones()
    {
        var result = await InProcessAsync("--processor-token", "processor-sandbox-error-NO_SUCH_CODE");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.PlaidError));
        Assert.That(result.Stderr, Does.Contain("NO_SUCH_CODE").And.Contain(PlaidErrorCodes.ItemLoginRequired));
    }
}
