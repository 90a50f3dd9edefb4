using System.Net.Http.Headers;

namespace Plaid.Generated;

public sealed partial class PlaidClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private Endpoint[] _endpoints = [];

    /// <summary>
    /// Every generated operation calls this once <see cref="ValidateRequest"/> has passed its request and resolved its
    /// <paramref name="credentials"/>. In the order
    /// things happen: the call's telemetry starts and its deadline (<see cref="PlaidResilienceOptions.TotalTimeout"/>)
    /// begins; then attempts, each after its permits from the budgets (<see cref="AcquireBudgetsAsync"/>), each sending,
    /// reading and parsing or turning the answer into an error (<see cref="AttemptAsync"/>), until one succeeds or fails for
    /// good, waiting between them as <see cref="RetryDelay"/> says; the outcome ends the telemetry.
    /// </summary>
    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        PlaidOperation operation, CallCredentials credentials, TRequest request,
        JsonModelReader<TResponse> readResponse, CancellationToken cancellationToken)
        where TRequest : class, IPlaidJsonModel
        where TResponse : class
    {
        using var telemetry = CallTelemetry.Start(operation.Name, _observer);
        using var deadline = new CallDeadline(_totalTimeout, _timeProvider, cancellationToken);
        Exception? final = null; // thrown past the handler below: an error answer is thrown once, not thrown and rethrown
        try
        {
            var body = JsonBodyWriter.ToUtf8(request);
            var uri = EndpointUri(operation.Path);
            var processorToken = (request as IProcessorTokenRequest)?.ProcessorToken;
            var budgetWait = TimeSpan.Zero;
            for (var attempt = 1; ; attempt++)
            {
                PlaidApiException failure;
                var waited = await AcquireBudgetsAsync(processorToken, telemetry, deadline).ConfigureAwait(false);
                if (waited > TimeSpan.Zero)
                {
                    budgetWait += waited;
                    telemetry.ObserveBudgetWait(budgetWait);
                }

                try
                {
                    var (response, error) = await AttemptAsync(operation.Method, uri, body, readResponse, credentials, telemetry, deadline).ConfigureAwait(false);
                    if (response is not null)
                    {
                        telemetry.Succeeded(response);
                        return response;
                    }

                    failure = error!;
                }
                catch (PlaidApiException thrown)
                {
                    failure = thrown;
                }

                if (RetryDelay(operation, attempt, failure, deadline) is not { } delay)
                {
                    final = Finish(failure, telemetry, deadline);
                    throw final;
                }

                telemetry.Retrying(attempt, failure, delay);
                await deadline.WaitAsync(delay).ConfigureAwait(false);
                telemetry.ObserveStatusCode(null); // the next attempt's, or none if it gets no response
            }
        }
        catch (Exception exception) when (!ReferenceEquals(exception, final))
        {
            var outcome = Finish(exception, telemetry, deadline);
            if (ReferenceEquals(outcome, exception))
            {
                throw;
            }

            throw outcome;
        }
    }

    private static Exception Finish(Exception exception, CallTelemetry telemetry, CallDeadline deadline)
    {
        var outcome = deadline.Outcome(exception);
        telemetry.Failed(outcome);
        return outcome;
    }

    /// <summary>
    /// The wait before sending again after <paramref name="attempt"/> failed, or null to give up: only a failure that
    /// <see cref="PlaidApiException.IsRetryable"/>, within <see cref="PlaidResilienceOptions.MaxRetryAttempts"/>, for what
    /// the server asked (<c>Retry-After</c>) or else the backoff, and only when the wait ends before the deadline.
    /// A rate-limit answer (<see cref="PlaidApiException.IsRateLimited"/>) without <c>Retry-After</c> is not retried within
    /// the call: Plaid's windows are a minute long and say nothing of when they reopen, so a retry seconds later would be
    /// one more request into the same window (docs/reliability.md, "Rate limits").
    /// An operation not safe to repeat (<see cref="PlaidOperation.IsIdempotent"/> false) is sent again only when the
    /// request provably was not processed: the connection failed before it was sent, or a rate limit refused it; a 5xx,
    /// a 408, a reset after sending or INSTITUTION_DOWN may have done it already.
    /// </summary>
    private TimeSpan? RetryDelay(PlaidOperation operation, int attempt, PlaidApiException failure, CallDeadline deadline)
    {
        if (attempt > _maxRetryAttempts || !failure.IsRetryable || deadline.Token.IsCancellationRequested
            || (failure.IsRateLimited && failure.RetryAfter is null)
            || !(operation.IsIdempotent || failure.IsConnectFailure || failure.IsRateLimited))
        {
            return null;
        }

        var delay = failure.RetryAfter ?? PlaidRetryRules.Backoff(attempt, _baseDelay, _useJitter);
        return deadline.Allows(delay) ? delay : null;
    }

    /// <summary>
    /// One attempt: send, read the body, then either parse it or turn the error answer into a <see cref="PlaidApiException"/>,
    /// returned rather than thrown; a failure to get or read an answer is thrown.
    /// </summary>
    private async ValueTask<(TResponse? Response, PlaidApiException? Error)> AttemptAsync<TResponse>(
        HttpMethod method, Uri uri, byte[] body, JsonModelReader<TResponse> readResponse, CallCredentials credentials,
        CallTelemetry telemetry, CallDeadline deadline)
        where TResponse : class
    {
        using var message = new HttpRequestMessage(method, uri) { Content = JsonContent(body) };
        ApplyHeaders(message, credentials);

        var sendStartedAt = deadline.Timestamp;
        HttpResponseMessage response;
        try
        {
            var sending = _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!sending.IsCompleted)
            {
                deadline.Arm();
            }

            response = await sending.ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw NoResponse(exception, credentials.Redactor);
        }

        using (response)
        {
            var statusCode = (int)response.StatusCode;
            telemetry.ObserveStatusCode(statusCode);
            EnsureAnsweredByConfiguredOrigin(response, credentials.Redactor);
            ResponseContent content;
            try
            {
                var reading = ResponseContent.ReadAsync(response.Content, _maxResponseBytes, deadline.Token);
                if (!reading.IsCompleted)
                {
                    deadline.Arm();
                    deadline.LimitBodyRead(_httpClient.Timeout, sendStartedAt);
                }

                content = await reading.ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (deadline.BodyReadTimedOut)
            {
                throw deadline.BodyReadTimeout(exception);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException)
            {
                throw BodyNotRead(statusCode, response, exception, credentials.Redactor);
            }
            finally
            {
                deadline.EndBodyRead();
            }

            using (content)
            {
                return response.IsSuccessStatusCode
                    ? (ReadSuccess(statusCode, response, content, readResponse, credentials.Redactor), null)
                    : (null, ErrorResponse(statusCode, response, content, credentials.Redactor, _timeProvider));
            }
        }
    }

    private static ByteArrayContent JsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private static TResponse ReadSuccess<TResponse>(
        int statusCode, HttpResponseMessage response, ResponseContent content, JsonModelReader<TResponse> read, CredentialRedactor redactor)
        where TResponse : class
    {
        try
        {
            return PlaidJsonReader.ReadDocument(content.Bytes, read, requireMembers: true)
                ?? throw MalformedSuccess(statusCode, response, content, redactor,
                    content.Length == 0 ? "the body is empty" : "the body is JSON null", exception: null);
        }
        catch (PlaidJsonException exception)
        {
            throw MalformedSuccess(statusCode, response, content, redactor, exception.Message, exception);
        }
    }

    // Building the Uri costs about 350 B per call (docs/performance.md), so each client keeps one per
    // operation path. Copy on write: a published array is never changed, so reads need no lock; two
    // calls racing to add the same path both build it, and one of the arrays wins, which is harmless.
    private Uri EndpointUri(string path)
    {
        var endpoints = Volatile.Read(ref _endpoints);
        foreach (var endpoint in endpoints)
        {
            if (string.Equals(endpoint.Path, path, StringComparison.Ordinal))
            {
                return endpoint.Uri;
            }
        }

        var uri = new Uri(_baseUri, path);
        Volatile.Write(ref _endpoints, [.. endpoints, new Endpoint(path, uri)]);
        return uri;
    }

    private sealed record Endpoint(string Path, Uri Uri);
}
