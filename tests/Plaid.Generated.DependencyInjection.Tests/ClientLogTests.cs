using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Plaid.Generated.Tests;
using RichardSzalay.MockHttp;
using static Plaid.Generated.DependencyInjection.Tests.TestPlaid;

namespace Plaid.Generated.DependencyInjection.Tests;

/// <summary>
/// What a client from AddPlaidClient writes to ILogger under its own category: retries (Information), rate-limit
/// waits and the final failure (Warning), with Plaid's error code and request id, never a credential or the token.
/// </summary>
public class ClientLogTests
{
    private const string RateLimitBody =
        """{"error_type":"RATE_LIMIT_EXCEEDED","error_code":"RATE_LIMIT","error_message":"slow down","display_message":null,"request_id":"req-429a"}""";

    private const string ServerErrorBody =
        """{"error_type":"API_ERROR","error_code":"INTERNAL_SERVER_ERROR","error_message":"oops","display_message":null,"request_id":"req-500b"}""";

    private const string ItemErrorBody =
        """{"error_type":"ITEM_ERROR","error_code":"ITEM_LOGIN_REQUIRED","error_message":"login","display_message":null,"request_id":"req-400c"}""";

    [Test]
    public async Task Retries_rate_limit_waits_and_the_final_failure_are_logged_with_code_and_request_id()
    {
        var (client, logs, time) = Build(HttpStatusCode.TooManyRequests, RateLimitBody, HttpStatusCode.InternalServerError, ServerErrorBody,
            HttpStatusCode.BadRequest, ItemErrorBody);

        var error = await Assert.ThrowsAsync<PlaidApiException>(() => time.RunAsync(Call(client), TimeSpan.FromMinutes(5)));
        var records = Records(logs);

        Assert.That(error!.ErrorCode, Is.EqualTo("ITEM_LOGIN_REQUIRED"));
        Assert.That(records, Has.Count.EqualTo(3), string.Join("\n", records.Select(r => r.Message)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records[0].Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(records[0].Message, Does.Contain("attempt 1 was rate limited").And.Contain("RATE_LIMIT").And.Contain("req-429a").And.Contain("waiting"));
            Assert.That(records[1].Level, Is.EqualTo(LogLevel.Information));
            Assert.That(records[1].Message, Does.Contain("attempt 2 failed").And.Contain("INTERNAL_SERVER_ERROR").And.Contain("req-500b").And.Contain("retrying in"));
            Assert.That(records[2].Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(records[2].Message, Does.Contain("failed").And.Contain("ITEM_ERROR").And.Contain("ITEM_LOGIN_REQUIRED").And.Contain("req-400c"));
            Assert.That(records.Select(r => r.Id.Name), Is.EqualTo(new[] { "PlaidRateLimitWait", "PlaidRetry", "PlaidCallFailed" }));
        }
    }

    [Test]
    public async Task The_records_carry_the_facts_as_structured_state()
    {
        var (client, logs, time) = Build(HttpStatusCode.BadRequest, ItemErrorBody);

        await Assert.ThrowsAsync<PlaidApiException>(() => time.RunAsync(Call(client), TimeSpan.FromMinutes(5)));
        var state = Records(logs).Single().StructuredState!.ToDictionary(pair => pair.Key, pair => pair.Value);

        Assert.That(state["ErrorCode"], Is.EqualTo("ITEM_LOGIN_REQUIRED"));
        Assert.That(state["RequestId"], Is.EqualTo("req-400c"));
        Assert.That(state["ErrorType"], Is.EqualTo("400"));
    }

    [Test]
    public async Task No_record_carries_a_credential_or_the_token()
    {
        var (client, logs, time) = Build(HttpStatusCode.TooManyRequests, RateLimitBody, HttpStatusCode.BadRequest, ItemErrorBody);

        await Assert.ThrowsAsync<PlaidApiException>(() => time.RunAsync(Call(client), TimeSpan.FromMinutes(5)));
        var text = string.Join("\n", Records(logs).Select(r => $"{r.Message} {r.Exception} {string.Join(",", r.StructuredState ?? [])}"));

        Assert.That(text, Is.Not.Empty);
        Assert.That(text, Does.Not.Contain(Secret).And.Not.Contain(ClientId).And.Not.Contain(Token));
    }

    [Test]
    public async Task A_success_writes_nothing()
    {
        var (client, logs, time) = Build(HttpStatusCode.OK, SuccessBody);

        await time.RunAsync(Call(client), TimeSpan.FromMinutes(5));

        Assert.That(Records(logs), Is.Empty);
    }

    private static List<FakeLogRecord> Records(FakeLogCollector logs) =>
        [.. logs.GetSnapshot().Where(record => record.Category == "Plaid.Generated.PlaidClient")];

    private static Task<ProcessorBalanceGetResponse> Call(IPlaidClient client) =>
        client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Token });

    /// <summary>A client from AddPlaidClient whose attempts get the answers in turn (the last one repeats).</summary>
    private static (IPlaidClient Client, FakeLogCollector Logs, ObservedTimeProvider Time) Build(params object[] answers)
    {
        var time = new ObservedTimeProvider();
        var logs = new FakeLogCollector();
        var attempt = 0;
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(() =>
        {
            var index = Math.Min(attempt++, (answers.Length / 2) - 1) * 2;
            var answer = Answer((HttpStatusCode)answers[index], (string)answers[index + 1]);
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                answer.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2)); // retried only when the server says when
            }

            return Task.FromResult(answer);
        });
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(new FakeLoggerProvider(logs)));
        services.AddPlaidClient(
                options =>
                {
                    options.ClientId = ClientId;
                    options.Secret = Secret;
                },
                resilience =>
                {
                    resilience.MaxRetryAttempts = 3;
                    resilience.UseJitter = false;
                    resilience.TotalTimeout = TimeSpan.FromMinutes(10); // beyond RunAsync's 5 minutes: the fake clock never runs the deadline out
                })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        return (services.BuildServiceProvider().GetRequiredService<IPlaidClient>(), logs, time);
    }
}
