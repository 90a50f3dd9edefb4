using System.Net;
using System.Net.Sockets;
using static Plaid.Generated.Tests.RetryHarness;

namespace Plaid.Generated.Tests;

/// <summary>
/// Retries follow whether an operation is safe to repeat (the fragment's <c>x-idempotent</c>): POST
/// /sandbox/processor_token/create is not, so it is sent again only when the request provably was not processed (the
/// connection failed before it was sent, or a rate limit refused it); POST /processor/balance/get keeps every retry
/// (<see cref="PlaidClientRetryTests"/>). On real sockets: the integration tests' IdempotencyRetryTests.
/// </summary>
public class PlaidClientIdempotencyTests
{
    public static IEnumerable<TestCaseData> MayHaveBeenProcessed()
    {
        yield return new TestCaseData(Status(HttpStatusCode.ServiceUnavailable)).SetName("A 503 is not retried for an operation not safe to repeat");
        yield return new TestCaseData(PlaidError(HttpStatusCode.InternalServerError, "API_ERROR", PlaidErrorCodes.InternalServerError))
            .SetName("INTERNAL_SERVER_ERROR is not retried for an operation not safe to repeat");
        yield return new TestCaseData(Status(HttpStatusCode.RequestTimeout)).SetName("A 408 is not retried for an operation not safe to repeat");
        yield return new TestCaseData(Status(HttpStatusCode.GatewayTimeout)).SetName("A 504 is not retried for an operation not safe to repeat");
        yield return new TestCaseData(PlaidError(HttpStatusCode.BadRequest, "INSTITUTION_ERROR", PlaidErrorCodes.InstitutionDown))
            .SetName("INSTITUTION_DOWN is not retried for an operation not safe to repeat");
        yield return new TestCaseData(PlaidError(HttpStatusCode.ServiceUnavailable, "API_ERROR", PlaidErrorCodes.PlannedMaintenance))
            .SetName("PLANNED_MAINTENANCE is not retried for an operation not safe to repeat");
        yield return new TestCaseData(ConnectionReset).SetName("A reset after sending is not retried for an operation not safe to repeat");
        yield return new TestCaseData(Throws(new HttpRequestException("Error while copying content", new IOException("Broken pipe", new SocketException((int)SocketError.ConnectionReset)))))
            .SetName("A socket error behind an IOException (after connecting) is not retried for an operation not safe to repeat");
    }

    [TestCaseSource(nameof(MayHaveBeenProcessed))]
    public async Task A_failure_after_which_the_request_may_have_been_processed_is_not_sent_again(Func<HttpResponseMessage> failure)
    {
        var harness = new RetryHarness().Answers(failure, Created);

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.CreateTokenAsync);

        Assert.That(harness.Attempts, Has.Count.EqualTo(1), "a second request could create a second Item");
        Assert.That((error!.IsRetryable, error.IsConnectFailure), Is.EqualTo((true, false)), "retryable in general, not provably unsent");
    }

    [TestCaseSource(nameof(MayHaveBeenProcessed))]
    public async Task The_same_failure_is_retried_for_an_operation_safe_to_repeat(Func<HttpResponseMessage> failure)
    {
        var harness = new RetryHarness().Answers(failure, Success);

        await harness.GetAsync();

        Assert.That(harness.Attempts, Has.Count.EqualTo(2));
    }

    public static IEnumerable<TestCaseData> NotSent()
    {
        yield return new TestCaseData(ConnectionRefused).SetName("Connection refused (HttpRequestError.ConnectionError) is retried for an operation not safe to repeat");
        yield return new TestCaseData(Throws(new HttpRequestException("No such host is known.", new SocketException((int)SocketError.HostNotFound))))
            .SetName("A name not resolved (SocketException HostNotFound, no HttpRequestError) is retried for an operation not safe to repeat");
        yield return new TestCaseData(Throws(new HttpRequestException("Unable to connect to the remote server", new WebException("Unable to connect", WebExceptionStatus.ConnectFailure))))
            .SetName(".NET Framework's ConnectFailure is retried for an operation not safe to repeat");
        yield return new TestCaseData(Throws(new HttpRequestException("The remote name could not be resolved", new WebException("not resolved", WebExceptionStatus.NameResolutionFailure))))
            .SetName(".NET Framework's NameResolutionFailure is retried for an operation not safe to repeat");
        yield return new TestCaseData(Throws(new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established",
                new System.Security.Authentication.AuthenticationException("handshake failed"))))
            .SetName("A failed TLS handshake is retried for an operation not safe to repeat");
    }

    [TestCaseSource(nameof(NotSent))]
    public async Task A_connection_that_failed_before_the_request_was_sent_is_retried(Func<HttpResponseMessage> failure)
    {
        var harness = new RetryHarness().Answers(failure, Created);

        var created = await harness.CreateTokenAsync();

        Assert.That(created.ProcessorToken, Is.EqualTo("processor-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d"));
        Assert.That(harness.Attempts, Has.Count.EqualTo(2));
        Assert.That(harness.Gaps, Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }), "the same backoff as any retry");
    }

    [Test]
    public async Task A_connection_that_never_succeeds_ends_in_a_connect_failure_after_the_usual_attempts()
    {
        var harness = new RetryHarness().Answers(ConnectionRefused);

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.CreateTokenAsync);

        Assert.That(harness.Attempts, Has.Count.EqualTo(4));
        Assert.That((error!.StatusCode, error.IsTransportFailure, error.IsConnectFailure), Is.EqualTo((0, true, true)));
        Assert.That(error.Message, Does.StartWith("No response from Plaid: Connection refused"));
    }

    [Test]
    public async Task A_429_with_Retry_After_is_retried_for_an_operation_not_safe_to_repeat()
    {
        var harness = new RetryHarness().Answers(
            Status(HttpStatusCode.TooManyRequests, """{"error_type":"RATE_LIMIT_EXCEEDED","error_code":"RATE_LIMIT","error_message":"m","request_id":"r"}""",
                response => response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7))),
            Created);

        await harness.CreateTokenAsync();

        Assert.That(harness.Gaps, Is.EqualTo(new[] { TimeSpan.FromSeconds(7) }), "a rate limit refused the request: it was not processed");
    }

    [Test]
    public async Task A_429_without_Retry_After_is_not_retried_within_the_call_for_either_kind_of_operation()
    {
        var harness = new RetryHarness().Answers(PlaidError(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED", "RATE_LIMIT"), Created);

        var error = await Assert.ThrowsAsync<PlaidApiException>(harness.CreateTokenAsync);

        Assert.That(harness.Attempts, Has.Count.EqualTo(1));
        Assert.That(error!.IsRateLimited, Is.True);
    }

    private static Func<HttpResponseMessage> Throws(Exception exception) => () => throw exception;
}
