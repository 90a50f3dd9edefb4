using Newtonsoft.Json.Linq;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

public partial class PlaidBalanceCliTests
{
    // The README's scenario table, row for row, typed out here so that neither side can drift alone.
    [TestCase("INVALID_FIELD", "INVALID_REQUEST", 400)]
    [TestCase("MISSING_FIELDS", "INVALID_REQUEST", 400)]
    [TestCase("INVALID_BODY", "INVALID_REQUEST", 400)]
    [TestCase("INVALID_HEADERS", "INVALID_REQUEST", 400)]
    [TestCase("UNKNOWN_FIELDS", "INVALID_REQUEST", 400)]
    [TestCase("LAST_UPDATED_DATETIME_OUT_OF_RANGE", "INVALID_RESULT", 400)]
    [TestCase("INVALID_PROCESSOR_TOKEN", "INVALID_INPUT", 400)]
    [TestCase("INVALID_API_KEYS", "INVALID_INPUT", 400)]
    [TestCase("BALANCE_LIMIT", "RATE_LIMIT_EXCEEDED", 429)]
    [TestCase("ACCOUNTS_BALANCE_GET_LIMIT", "RATE_LIMIT_EXCEEDED", 429)]
    [TestCase("RATE_LIMIT", "RATE_LIMIT_EXCEEDED", 429)]
    [TestCase("INSTITUTION_RATE_LIMIT", "RATE_LIMIT_EXCEEDED", 429)]
    [TestCase("PRODUCTS_NOT_SUPPORTED", "ITEM_ERROR", 400)]
    [TestCase("ITEM_LOGIN_REQUIRED", "ITEM_ERROR", 400)]
    [TestCase("INSTITUTION_DOWN", "INSTITUTION_ERROR", 400)]
    [TestCase("INSTITUTION_NOT_RESPONDING", "INSTITUTION_ERROR", 400)]
    [TestCase("INSTITUTION_NO_LONGER_SUPPORTED", "INSTITUTION_ERROR", 400)]
    [TestCase("INTERNAL_SERVER_ERROR", "API_ERROR", 500)]
    [TestCase("PLANNED_MAINTENANCE", "API_ERROR", 503)]
    public async Task An_error_token_gets_the_readme_error_and_exit_code_1(string code, string errorType, int status)
    {
        foreach (var environment in new[] { "sandbox", "production" })
        {
            var result = await InProcessAsync("--env", environment, "--processor-token", $"processor-{environment}-error-{code}");

            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.PlaidError), environment);
            Assert.That(result.Stderr, Does.Contain($"HTTP {status} "), environment);
            Assert.That(result.Stderr, Does.Contain($"error_type:      {errorType}\n").Or.Contain($"error_type:      {errorType}\r\n"), environment);
            Assert.That(result.Stderr, Does.Contain($"error_code:      {code}"), environment);
            Assert.That(result.Stderr, Does.Match(@"error_message:   \w"), environment);
            Assert.That(result.Stderr, Does.Contain($"request_id:      fake-{code}"), environment);
            Assert.That(result.Stdout, Is.Empty, environment);
        }
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
