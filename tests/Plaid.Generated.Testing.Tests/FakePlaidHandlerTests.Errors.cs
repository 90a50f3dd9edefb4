using System.Text.RegularExpressions;
using Plaid.Generated.Tests;

namespace Plaid.Generated.Testing.Tests;

/// <summary>FakePlaidHandler under a PlaidClient, as a consumer's test uses it.</summary>
public partial class FakePlaidHandlerTests
{
    /// <summary>Rows of the README's scenario table: every code in the first column, its error_type and HTTP status.</summary>
    private static IEnumerable<TestCaseData> ReadmeScenarios()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var table = Regex.Match(readme, @"\| token suffix \(`error_code`\).*?\n\n", RegexOptions.Singleline).Value;
        foreach (Match row in Regex.Matches(table, @"^\| (?<codes>`[A-Z_]+`(?:, `[A-Z_]+`)*) \| `(?<type>[A-Z_]+)` \| (?<status>\d{3}) \|$", RegexOptions.Multiline))
        {
            foreach (Match code in Regex.Matches(row.Groups["codes"].Value, "[A-Z_]+"))
            {
                yield return new TestCaseData(code.Value, row.Groups["type"].Value, int.Parse(row.Groups["status"].Value))
                    .SetArgDisplayNames(code.Value);
            }
        }
    }

    [Test]
    public void The_readme_table_lists_every_documented_code()
    {
        var documented = typeof(PlaidErrorCodes).GetFields().Select(field => (string)field.GetRawConstantValue()!);

        Assert.That(ReadmeScenarios().Select(row => (string)row.Arguments[0]!), Is.EquivalentTo(documented));
    }

    [TestCaseSource(nameof(ReadmeScenarios))]
    public async Task An_error_token_gets_the_readme_error_type_and_status(string code, string errorType, int status)
    {
        var error = (await Assert.ThrowsAsync<PlaidApiException>(() => new FakePlaidHandler().GetAsync($"processor-sandbox-error-{code}")))!;

        Assert.That(error.ErrorCode, Is.EqualTo(code));
        Assert.That(error.ErrorType.ToString(), Is.EqualTo(errorType));
        Assert.That(error.StatusCode, Is.EqualTo(status));
        Assert.That(error.RequestId, Is.EqualTo($"fake-{code}"));
        Assert.That(error.ErrorMessage, Is.Not.Empty);
        Assert.That(error.DocumentationUrl, Does.StartWith("https://plaid.com/docs/errors/"));
    }

    [Test]
    public async Task Item_login_required_tells_the_user_to_log_in_again_and_is_not_retryable()
    {
        var error = (await Assert.ThrowsAsync<PlaidApiException>(() => new FakePlaidHandler().GetAsync("processor-sandbox-error-ITEM_LOGIN_REQUIRED")))!;

        Assert.That(error.ErrorCode, Is.EqualTo(PlaidErrorCodes.ItemLoginRequired));
        Assert.That(error.DisplayMessage, Is.Not.Empty);
        Assert.That(error.IsRetryable, Is.False);
    }

    [Test]
    public async Task A_production_error_token_is_answered_by_a_production_client()
    {
        var handler = new FakePlaidHandler();

        var error = (await Assert.ThrowsAsync<PlaidApiException>(() => Fake.Client(handler, PlaidEnvironment.Production)
            .ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = "processor-production-error-INSTITUTION_DOWN" })))!;

        Assert.That(error.ErrorCode, Is.EqualTo(PlaidErrorCodes.InstitutionDown));
        Assert.That(error.IsRetryable, Is.True);
        Assert.That(handler.ReceivedRequests.Single().RequestUri, Is.EqualTo(new Uri("https://production.plaid.com/processor/balance/get")));
    }

    [Test]
    public async Task An_unknown_code_in_an_error_token_lists_the_known_ones()
    {
        var error = (await Assert.ThrowsAsync<PlaidApiException>(() => new FakePlaidHandler().GetAsync("processor-sandbox-error-NO_SUCH_CODE")))!;

        Assert.That(error.ErrorCode, Is.EqualTo(PlaidErrorCodes.InvalidProcessorToken));
        Assert.That(error.ErrorMessage, Does.Contain("NO_SUCH_CODE").And.Contain(PlaidErrorCodes.ItemLoginRequired));
    }

    [Test]
    public async Task A_429_carries_retry_after_and_the_next_call_succeeds()
    {
        var handler = new FakePlaidHandler().RateLimitNext(1, TimeSpan.FromSeconds(7));

        var error = (await Assert.ThrowsAsync<PlaidApiException>(() => handler.GetAsync()))!;
        var next = await handler.GetAsync();

        Assert.That(error.StatusCode, Is.EqualTo(429));
        Assert.That(error.ErrorType.ToString(), Is.EqualTo("RATE_LIMIT_EXCEEDED"));
        Assert.That(error.ErrorCode, Is.EqualTo(PlaidErrorCodes.RateLimit));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(error.IsRetryable, Is.True);
        Assert.That(next.Account.Name, Is.EqualTo("Plaid Checking"));
    }
}
