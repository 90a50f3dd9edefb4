using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>429 and 503 answers: the caller gets what it needs to back off and retry (retries that wait for it: RetryMatrixTests).</summary>
public class RateLimitAndMaintenanceTests
{
    [Test]
    public async Task Status_429_with_Retry_After_in_seconds_exposes_the_delay()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            Respond(context, 429, Fixtures.Read("errors/RATE_LIMIT_EXCEEDED.json"), retryAfter: "30"));
        using var caller = TestCaller.For(server);

        var exception = await caller.FailsWith<PlaidApiException>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(429));
            Assert.That(exception.ErrorType, Is.EqualTo(PlaidErrorType.RateLimitExceeded));
            Assert.That(exception.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(exception.IsRetryable, Is.True);
            Assert.That(exception.Message, Does.StartWith("Plaid error: HTTP 429 RATE_LIMIT_EXCEEDED/"));
        });
    }

    [Test]
    public async Task Status_429_with_Retry_After_as_an_HTTP_date_exposes_the_remaining_delay()
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(120);
        await using var server = await LoopbackServer.StartAsync(context =>
            Respond(context, 429, Fixtures.Read("errors/BALANCE_LIMIT.json"), retryAfter: until.ToString("R")));
        using var caller = TestCaller.For(server);

        var exception = await caller.FailsWith<PlaidApiException>();

        // An HTTP date has whole seconds, and some time passes between sending and reading it.
        Assert.That(exception.RetryAfter, Is.InRange(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(120)));
        Assert.That(exception.ErrorCode, Is.EqualTo("BALANCE_LIMIT"));
    }

    [Test]
    public async Task Bursts_of_503_planned_maintenance_are_retryable_errors_and_the_next_call_succeeds()
    {
        string[] script = ["503", "503", "503", "200", "503", "503", "200"];
        var call = -1;
        await using var server = await LoopbackServer.StartAsync(context =>
            script[Interlocked.Increment(ref call)] == "503"
                ? Respond(context, 503, Fixtures.Read("errors/PLANNED_MAINTENANCE.json"))
                : Respond(context, 200, Fixtures.SpecExample));
        using var caller = TestCaller.For(server);

        foreach (var step in script)
        {
            if (step == "200")
            {
                Assert.That((await caller.GetAsync()).Account.Balances.Current, Is.EqualTo(110));
                continue;
            }

            var exception = await caller.FailsWith<PlaidApiException>();
            Assert.Multiple(() =>
            {
                Assert.That(exception.StatusCode, Is.EqualTo(503));
                Assert.That(exception.ErrorCode, Is.EqualTo(PlaidErrorCodes.PlannedMaintenance));
                Assert.That(exception.IsRetryable, Is.True);
                Assert.That(exception.IsTransportFailure, Is.False);
                Assert.That(exception.RequestId, Is.EqualTo("req-PLANNED_MAINTENANCE"));
            });
        }
    }

    private static Task Respond(HttpContext context, int status, string body, string? retryAfter = null)
    {
        if (retryAfter is not null)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = retryAfter;
        }

        return Responses.Write(context, status, body);
    }
}
