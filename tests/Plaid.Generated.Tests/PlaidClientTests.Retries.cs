using System.Diagnostics;
using System.Net;
using static Plaid.Generated.Tests.RetryHarness;

namespace Plaid.Generated.Tests;

/// <summary>
/// The client's own retries (<see cref="PlaidClientOptions.Resilience"/>), driven on fake time: which failures are sent
/// again, how many times, how far apart, and where the total timeout stops them. On sockets and for every way of making a
/// client: the integration tests' RetryMatrixTests.
/// </summary>
public class PlaidClientRetryTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public async Task Server_errors_are_retried_with_exponential_backoff_until_success()
    {
        var harness = new RetryHarness().Answers(
            Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.InternalServerError), Status(HttpStatusCode.BadGateway), Success);

        var response = await harness.GetAsync();

        Assert.That(response.Account.Name, Is.EqualTo("Plaid Checking"));
        Assert.That(harness.Gaps, Is.EqualTo(new[] { 1 * Second, 2 * Second, 4 * Second }));
    }

    [Test]
    public async Task Base_delay_sets_the_first_wait_and_each_retry_doubles_it()
    {
        var harness = new RetryHarness(options => options.BaseDelay = TimeSpan.FromMilliseconds(250)).Answers(
            Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), Success);

        await harness.GetAsync();

        Assert.That(harness.Gaps, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000) }));
    }

    [Test]
    public async Task Attempts_are_bounded_and_the_last_failure_reaches_the_caller()
    {
        var harness = new RetryHarness(options => options.MaxRetryAttempts = 2)
            .Answers(PlaidError(HttpStatusCode.InternalServerError, "API_ERROR", PlaidErrorCodes.InternalServerError));

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(error!.ErrorCode, Is.EqualTo(PlaidErrorCodes.InternalServerError));
        Assert.That(harness.Attempts, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task The_defaults_retry_three_times()
    {
        var defaults = new PlaidClientOptions().Resilience;
        var harness = new RetryHarness().Answers(Status(HttpStatusCode.ServiceUnavailable));

        await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That((defaults.Enabled, defaults.MaxRetryAttempts, defaults.BaseDelay, defaults.UseJitter, defaults.TotalTimeout),
            Is.EqualTo((true, 3, Second, true, 60 * Second)));
        Assert.That(harness.Attempts, Has.Count.EqualTo(4));
    }

    [TestCase(HttpStatusCode.RequestTimeout)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_statuses_are_retried(HttpStatusCode status)
    {
        var harness = new RetryHarness().Answers(Status(status), Success);

        await harness.GetAsync();

        Assert.That(harness.Attempts, Has.Count.EqualTo(2));
    }

    [TestCase(HttpStatusCode.TooManyRequests, null)]
    [TestCase(HttpStatusCode.TooManyRequests, "BALANCE_LIMIT")]
    [TestCase(HttpStatusCode.TooManyRequests, "ACCOUNTS_BALANCE_GET_LIMIT")]
    [TestCase(HttpStatusCode.TooManyRequests, "RATE_LIMIT")]
    public async Task A_rate_limit_answer_without_Retry_After_is_not_retried_within_the_call(HttpStatusCode status, string? code)
    {
        var harness = new RetryHarness().Answers(code is null ? Status(status) : PlaidError(status, "RATE_LIMIT_EXCEEDED", code), Success);

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(harness.Attempts, Has.Count.EqualTo(1), "a retry seconds later would be one more request into Plaid's per-minute window");
        Assert.That((error!.IsRateLimited, error.IsRetryable, error.StatusCode), Is.EqualTo((true, true, 429)), "retryable later, by the caller");
    }

    [Test]
    public async Task RATE_LIMIT_EXCEEDED_is_rate_limited_whatever_its_status()
    {
        var harness = new RetryHarness().Answers(PlaidError(HttpStatusCode.BadRequest, "RATE_LIMIT_EXCEEDED", "INSTITUTION_RATE_LIMIT"), Success);

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
        Assert.That(error!.IsRateLimited, Is.True);
    }

    [Test]
    public async Task Network_failures_are_retried()
    {
        var harness = new RetryHarness().Answers(ConnectionReset, ConnectionReset, Success);

        await harness.GetAsync();

        Assert.That(harness.Gaps, Is.EqualTo(new[] { 1 * Second, 2 * Second }));
    }

    [TestCase(PlaidErrorCodes.InstitutionDown)]
    [TestCase(PlaidErrorCodes.InstitutionNotResponding)]
    [TestCase(PlaidErrorCodes.PlannedMaintenance)]
    public async Task Retryable_Plaid_codes_sent_with_a_400_are_retried(string code)
    {
        var harness = new RetryHarness().Answers(PlaidError(HttpStatusCode.BadRequest, "INSTITUTION_ERROR", code), Success);

        await harness.GetAsync();

        Assert.That(harness.Attempts, Has.Count.EqualTo(2));
    }

    [TestCase(PlaidErrorCodes.ItemLoginRequired, "ITEM_ERROR")]
    [TestCase(PlaidErrorCodes.InstitutionNoLongerSupported, "INSTITUTION_ERROR")]
    [TestCase(PlaidErrorCodes.InvalidField, "INVALID_REQUEST")]
    public async Task Other_Plaid_errors_fail_at_once_with_the_body_intact(string code, string type)
    {
        var harness = new RetryHarness().Answers(PlaidError(HttpStatusCode.BadRequest, type, code));

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
        Assert.That(error!.ErrorCode, Is.EqualTo(code));
        Assert.That(error.RequestId, Is.EqualTo($"req-{code}"));
    }

    [TestCase(HttpStatusCode.BadRequest, 1, TestName = "A refused body (error_code twice) with a 400 is not retried")]
    [TestCase(HttpStatusCode.ServiceUnavailable, 2, TestName = "A refused body (error_code twice) with a 503 is retried for its status")]
    public async Task A_body_the_client_refuses_is_retried_only_for_its_status(HttpStatusCode status, int attempts)
    {
        var harness = new RetryHarness().Answers(
            Status(status, """{"error_type":"INSTITUTION_ERROR","error_code":"INSTITUTION_DOWN","error_code":"ITEM_LOGIN_REQUIRED"}"""), Success);

        var outcome = await Catch(harness.GetAsync);

        Assert.That(harness.Attempts, Has.Count.EqualTo(attempts));
        if (attempts == 1)
        {
            Assert.That(outcome, Is.TypeOf<PlaidApiException>().With.Property(nameof(PlaidApiException.Error)).Null
                .And.Message.Contains("'error_code' appears twice"));
        }
        else
        {
            Assert.That(outcome, Is.Null, "the retry succeeded");
        }
    }

    [Test]
    public async Task An_unreadable_success_body_is_not_retried()
    {
        var harness = new RetryHarness().Answers(Status(HttpStatusCode.OK, "<html>maintenance</html>"), Success);

        await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_retryable_code_after_a_byte_order_mark_is_retried_as_the_client_reads_it()
    {
        var harness = new RetryHarness().Answers(
            Status(HttpStatusCode.BadRequest, "\uFEFF" + """{"error_type":"INSTITUTION_ERROR","error_code":"INSTITUTION_DOWN","error_message":"m","display_message":null,"request_id":"r"}"""),
            Success);

        await harness.GetAsync();

        Assert.That(harness.Attempts, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Retry_after_in_seconds_sets_the_delay()
    {
        var harness = new RetryHarness().Answers(
            Status(HttpStatusCode.TooManyRequests, configure: r => r.Headers.Add("Retry-After", "7")), Success);

        await harness.GetAsync();

        Assert.That(harness.Gaps, Is.EqualTo(new[] { 7 * Second }));
    }

    [Test]
    public async Task Retry_after_as_an_http_date_sets_the_delay_on_the_clients_clock()
    {
        var harness = new RetryHarness();
        var retryAt = harness.Time.GetUtcNow().AddSeconds(9).ToString("r");
        harness.Answers(Status(HttpStatusCode.ServiceUnavailable, configure: r => r.Headers.Add("Retry-After", retryAt)), Success);

        await harness.GetAsync();

        Assert.That(harness.Gaps, Is.EqualTo(new[] { 9 * Second }));
    }

    [Test]
    public async Task Jittered_delays_stay_within_a_fifth_of_the_backoff()
    {
        var harness = new RetryHarness(options => options.UseJitter = true).Answers(
            Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), Success);

        await harness.GetAsync();

        Assert.That(harness.Gaps, Has.Count.EqualTo(3));
        for (var retry = 0; retry < 3; retry++)
        {
            var backoff = Math.Pow(2, retry);
            Assert.That(harness.Gaps[retry].TotalSeconds, Is.InRange(0.8 * backoff, 1.2 * backoff), $"retry {retry + 1}");
        }
    }

    [TestCase(false, 3, TestName = "Enabled false sends once")]
    [TestCase(true, 0, TestName = "MaxRetryAttempts 0 sends once")]
    public async Task Retries_turned_off_send_once(bool enabled, int maxRetryAttempts)
    {
        var harness = new RetryHarness(options =>
        {
            options.Enabled = enabled;
            options.MaxRetryAttempts = maxRetryAttempts;
        }).Answers(Status(HttpStatusCode.ServiceUnavailable), Success);

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(error!.StatusCode, Is.EqualTo(503));
        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_wait_that_would_end_past_the_total_timeout_is_not_started()
    {
        var harness = new RetryHarness(options => options.TotalTimeout = 10 * Second)
            .Answers(Status(HttpStatusCode.TooManyRequests, configure: r => r.Headers.Add("Retry-After", "60")), Success);

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(error!.StatusCode, Is.EqualTo(429));
        Assert.That(error.RetryAfter, Is.EqualTo(60 * Second), "the caller still sees what the server asked for");
        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Backoff_stops_when_the_next_wait_would_cross_the_total_timeout()
    {
        // Waits of 1, 2 and 4 s: the third would end at 7 s, past the 6 s deadline.
        var harness = new RetryHarness(options => options.TotalTimeout = 6 * Second).Answers(Status(HttpStatusCode.ServiceUnavailable));

        await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(harness.Gaps, Is.EqualTo(new[] { 1 * Second, 2 * Second }));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task The_total_timeout_bounds_the_body_read_with_retries_on_or_off(bool retriesEnabled)
    {
        var body = new StallingStream();
        var harness = new RetryHarness(options =>
            {
                options.TotalTimeout = 10 * Second;
                options.Enabled = retriesEnabled;
            })
            .Answers(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });

        var call = harness.Call();
        await body.Reading.WaitAsync(TimeSpan.FromSeconds(30));
        harness.Time.Advance(10 * Second);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => call);

        Assert.That(error!.InnerException, Is.TypeOf<TimeoutException>());
        Assert.That(error.Message, Is.EqualTo(
            "The Plaid call did not finish within Plaid:Resilience:TotalTimeout (10 seconds; PlaidClientOptions.Resilience.TotalTimeout in code), attempts, the waits between them and the response body included."));
        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_cancelled_token_ends_the_wait_between_retries_without_the_clock_moving()
    {
        var harness = new RetryHarness().Answers(Status(HttpStatusCode.ServiceUnavailable), Success);
        using var cancellation = new CancellationTokenSource();

        var call = harness.Call(cancellation.Token);
        await harness.Time.WaitForTimerAsync(1 * Second);
        await cancellation.CancelAsync();

        var error = await Catch(() => call).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(error, Is.InstanceOf<OperationCanceledException>().And.Property(nameof(OperationCanceledException.CancellationToken)).EqualTo(cancellation.Token));
        Assert.That(error!.InnerException, Is.Not.InstanceOf<TimeoutException>());
        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_call_with_retries_is_one_activity_with_a_retry_event_per_retry_and_one_measurement()
    {
        var harness = new RetryHarness().Answers(
            Status(HttpStatusCode.ServiceUnavailable), PlaidError(HttpStatusCode.BadRequest, "INSTITUTION_ERROR", PlaidErrorCodes.InstitutionDown), ConnectionReset, Success);
        using var capture = new TelemetryCapture();

        await harness.GetAsync();

        var activity = capture.Activities.Single();
        var retries = activity.Events.Where(e => e.Name == "plaid.retry")
            .Select(e => (Attempt: e.Tags.Single(t => t.Key == "plaid.retry.attempt").Value, Reason: e.Tags.Single(t => t.Key == "plaid.retry.reason").Value,
                Delay: e.Tags.Single(t => t.Key == "plaid.retry.delay").Value));
        Assert.That(retries, Is.EqualTo(new (object?, object?, object?)[]
        {
            (1, "503", 1.0),
            (2, "INSTITUTION_DOWN", 2.0),
            (3, "System.Net.Http.HttpRequestException", 4.0),
        }));
        Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(200), "the status of the answer the call returned");
        Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Unset));
        Assert.That(capture.Measurements, Has.Count.EqualTo(1));
        Assert.That(capture.Measurements[0].Value, Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public async Task After_retries_the_status_code_is_the_last_attempts_and_none_when_it_got_no_response()
    {
        var harness = new RetryHarness().Answers(Status(HttpStatusCode.ServiceUnavailable), ConnectionReset);
        using var capture = new TelemetryCapture();

        var failure = await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        var activity = capture.Activities.Single();
        Assert.That(failure!.IsTransportFailure, Is.True);
        Assert.That(harness.Attempts, Has.Count.EqualTo(4));
        Assert.That(activity.GetTagItem("error.type"), Is.EqualTo("System.Net.Http.HttpRequestException"));
        Assert.That(activity.GetTagItem("http.response.status_code"), Is.Null, "the 503 of the first attempt is not the last attempt's");
    }

    [Test]
    public async Task A_call_that_runs_out_of_retries_is_one_error_activity_and_one_measurement()
    {
        var harness = new RetryHarness(options => options.MaxRetryAttempts = 1).Answers(Status(HttpStatusCode.ServiceUnavailable));
        using var capture = new TelemetryCapture();

        await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        var activity = capture.Activities.Single();
        Assert.That(activity.Events.Count(e => e.Name == "plaid.retry"), Is.EqualTo(1));
        Assert.That(activity.GetTagItem("error.type"), Is.EqualTo("503"));
        Assert.That(capture.Measurements.Single().Tags["error.type"], Is.EqualTo("503"));
    }

    private static async Task<Exception?> Catch(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
