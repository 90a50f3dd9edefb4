using System.Net;
using static Plaid.Generated.DependencyInjection.Tests.PlaidHarness;

namespace Plaid.Generated.DependencyInjection.Tests;

/// <summary>The resilience handler, driven on fake time: how many attempts, and how far apart.</summary>
public class RetryTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public async Task Server_errors_are_retried_with_exponential_backoff_until_success()
    {
        var harness = new PlaidHarness().Answers(
            Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.InternalServerError), Status(HttpStatusCode.BadGateway), Success);

        var response = await harness.GetAsync();

        Assert.That(response.Account.Name, Is.EqualTo("Plaid Checking"));
        Assert.That(harness.Gaps, Is.EqualTo(new[] { 1 * Second, 2 * Second, 4 * Second }));
    }

    [Test]
    public async Task Base_delay_sets_the_first_wait_and_each_retry_doubles_it()
    {
        var harness = new PlaidHarness(options => options.BaseDelay = TimeSpan.FromMilliseconds(250)).Answers(
            Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), Success);

        await harness.GetAsync();

        Assert.That(harness.Gaps, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000) }));
    }

    [Test]
    public async Task Attempts_are_bounded_and_the_last_failure_reaches_the_caller()
    {
        var harness = new PlaidHarness(options => options.MaxRetryAttempts = 2)
            .Answers(PlaidError(HttpStatusCode.InternalServerError, "API_ERROR", PlaidErrorCodes.InternalServerError));

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(error!.ErrorCode, Is.EqualTo(PlaidErrorCodes.InternalServerError));
        Assert.That(harness.Attempts, Has.Count.EqualTo(3));
    }

    [TestCase(HttpStatusCode.RequestTimeout)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_statuses_are_retried(HttpStatusCode status)
    {
        var harness = new PlaidHarness().Answers(Status(status), Success);

        await harness.GetAsync();

        Assert.That(harness.Attempts, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Network_failures_are_retried()
    {
        var harness = new PlaidHarness().Answers(ConnectionReset, ConnectionReset, Success);

        await harness.GetAsync();

        Assert.That(harness.Gaps, Is.EqualTo(new[] { 1 * Second, 2 * Second }));
    }

    [TestCase(PlaidErrorCodes.InstitutionDown)]
    [TestCase(PlaidErrorCodes.InstitutionNotResponding)]
    [TestCase(PlaidErrorCodes.PlannedMaintenance)]
    public async Task Retryable_Plaid_codes_sent_with_a_400_are_retried(string code)
    {
        var harness = new PlaidHarness().Answers(PlaidError(HttpStatusCode.BadRequest, "INSTITUTION_ERROR", code), Success);

        await harness.GetAsync();

        Assert.That(harness.Attempts, Has.Count.EqualTo(2));
    }

    [TestCase(PlaidErrorCodes.ItemLoginRequired, "ITEM_ERROR")]
    [TestCase(PlaidErrorCodes.InstitutionNoLongerSupported, "INSTITUTION_ERROR")]
    [TestCase(PlaidErrorCodes.InvalidField, "INVALID_REQUEST")]
    public async Task Other_Plaid_errors_fail_at_once_with_the_body_intact(string code, string type)
    {
        var harness = new PlaidHarness().Answers(PlaidError(HttpStatusCode.BadRequest, type, code));

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
        Assert.That(error!.ErrorCode, Is.EqualTo(code));
        Assert.That(error.RequestId, Is.EqualTo($"req-{code}"));
    }

    [Test]
    public async Task An_error_code_with_a_lone_surrogate_escape_is_the_clients_PlaidApiException_not_an_escape_from_the_retry_rule()
    {
        var harness = new PlaidHarness().Answers(Status(HttpStatusCode.BadRequest, """{"error_type":"API_ERROR","error_code":"\ud800"}"""));

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
        Assert.That(error!.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task A_retryable_code_after_a_byte_order_mark_is_retried_as_the_client_reads_it()
    {
        var harness = new PlaidHarness().Answers(
            Status(HttpStatusCode.BadRequest, "\uFEFF" + """{"error_type":"INSTITUTION_ERROR","error_code":"INSTITUTION_DOWN","error_message":"m","display_message":null,"request_id":"r"}"""),
            Success);

        await harness.GetAsync();

        Assert.That(harness.Attempts, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Retry_after_in_seconds_sets_the_delay()
    {
        var harness = new PlaidHarness().Answers(
            Status(HttpStatusCode.TooManyRequests, configure: r => r.Headers.Add("Retry-After", "7")), Success);

        await harness.GetAsync();

        Assert.That(harness.Gaps, Is.EqualTo(new[] { 7 * Second }));
    }

    [Test]
    public async Task Retry_after_as_an_http_date_sets_the_delay()
    {
        var harness = new PlaidHarness();
        var retryAt = harness.Time.GetUtcNow().AddSeconds(9).ToString("r");
        harness.Answers(Status(HttpStatusCode.ServiceUnavailable, configure: r => r.Headers.Add("Retry-After", retryAt)), Success);

        await harness.GetAsync();

        Assert.That(harness.Gaps, Is.EqualTo(new[] { 9 * Second }));
    }

    [Test]
    public async Task Jittered_delays_stay_positive_and_near_the_backoff()
    {
        var harness = new PlaidHarness(options => options.UseJitter = true)
            .Answers(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), Success);

        await harness.GetAsync();

        Assert.That(harness.Gaps, Has.Count.EqualTo(2).And.All.InRange(TimeSpan.FromTicks(1), 30 * Second));
    }

    [Test]
    public async Task Turning_retries_off_sends_once()
    {
        var harness = new PlaidHarness(options => options.Enabled = false).Answers(Status(HttpStatusCode.ServiceUnavailable));

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.GetAsync);

        Assert.That(error!.StatusCode, Is.EqualTo(503));
        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_total_timeout_ends_the_call_while_it_waits_to_retry()
    {
        var harness = new PlaidHarness(options => options.TotalTimeout = 10 * Second)
            .Answers(Status(HttpStatusCode.TooManyRequests, configure: r => r.Headers.Add("Retry-After", "60")));

        var call = harness.Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Token });
        await harness.Time.WaitForTimerAsync(60 * Second);
        harness.Time.Advance(10 * Second);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => call);

        Assert.That(error!.InnerException, Is.TypeOf<TimeoutException>().With.InnerException.InstanceOf<OperationCanceledException>());
        Assert.That(error.Message, Is.EqualTo(
            "The Plaid call did not finish within PlaidResilienceOptions.TotalTimeout (10 seconds), attempts, the waits between them and the response body included."));
        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task The_total_timeout_bounds_the_body_read_with_retries_on_or_off(bool retriesEnabled)
    {
        var body = new StallingStream();
        var harness = new PlaidHarness(options =>
            {
                options.TotalTimeout = 10 * Second;
                options.Enabled = retriesEnabled;
            })
            .Answers(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });

        var call = harness.Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Token });
        await body.Reading.WaitAsync(TimeSpan.FromSeconds(30));
        harness.Time.Advance(10 * Second);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => call);

        Assert.That(error!.InnerException, Is.TypeOf<TimeoutException>());
        Assert.That(error.Message, Does.StartWith("The Plaid call did not finish within PlaidResilienceOptions.TotalTimeout (10 seconds)"));
        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_cancelled_token_ends_the_wait_between_retries_without_the_clock_moving()
    {
        var harness = new PlaidHarness().Answers(Status(HttpStatusCode.ServiceUnavailable), Success);
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Token }, cancellation.Token);
        await harness.Time.WaitForTimerAsync(1 * Second);
        await cancellation.CancelAsync();

        Assert.That(await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(30))), Is.SameAs(call), "the call waited for the retry delay");
        Assert.That(call.IsCanceled, Is.True, call.Exception?.ToString());
        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
    }
}
