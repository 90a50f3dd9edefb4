using Microsoft.Extensions.Logging;

namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// Writes a client's retries, rate-limit waits and final failures to <see cref="ILogger"/>: the facts of the
/// <c>plaid.retry</c> events and of the failed activity (operation, attempt, delay, status or exception type, Plaid's
/// error type and code, request id). Identifiers only: no credential, token or body reaches a log record.
/// </summary>
internal sealed class PlaidClientLog(ILogger logger) : PlaidCallObserver
{
    /// <summary>The category of the records: the client's type, as <c>ILogger&lt;PlaidClient&gt;</c> would name it.</summary>
    public const string Category = "Plaid.Generated.PlaidClient";

    private static readonly Action<ILogger, string, int, string, string?, string?, double, Exception?> RetryingMessage =
        LoggerMessage.Define<string, int, string, string?, string?, double>(
            LogLevel.Information,
            new EventId(1, "PlaidRetry"),
            "Plaid {Operation} attempt {Attempt} failed ({ErrorType}, error_code {ErrorCode}, request_id {RequestId}); retrying in {DelaySeconds} s");

    private static readonly Action<ILogger, string, int, string?, string?, double, Exception?> RateLimitedMessage =
        LoggerMessage.Define<string, int, string?, string?, double>(
            LogLevel.Warning,
            new EventId(2, "PlaidRateLimitWait"),
            "Plaid {Operation} attempt {Attempt} was rate limited (error_code {ErrorCode}, request_id {RequestId}); waiting {DelaySeconds} s before the next attempt");

    private static readonly Action<ILogger, string, string, string?, string?, string?, Exception?> FailedMessage =
        LoggerMessage.Define<string, string, string?, string?, string?>(
            LogLevel.Warning,
            new EventId(3, "PlaidCallFailed"),
            "Plaid {Operation} failed: {ErrorType}, error_type {PlaidErrorType}, error_code {ErrorCode}, request_id {RequestId}");

    public override void Retrying(string operation, int attempt, TimeSpan delay, bool rateLimited, PlaidCallFacts facts)
    {
        if (rateLimited)
        {
            RateLimitedMessage(logger, operation, attempt, facts.PlaidErrorCode, facts.RequestId, delay.TotalSeconds, null);
        }
        else
        {
            RetryingMessage(logger, operation, attempt, facts.ErrorType, facts.PlaidErrorCode, facts.RequestId, delay.TotalSeconds, null);
        }
    }

    // The exception is not attached: its message quotes the server's text; the identifiers are what to act on.
    public override void Failed(string operation, PlaidCallFacts facts) =>
        FailedMessage(logger, operation, facts.ErrorType, facts.PlaidErrorType, facts.PlaidErrorCode, facts.RequestId, null);
}
