namespace Plaid.Generated;

/// <summary>
/// What a client reports besides its activity events, for a package that turns them into log records (the DI
/// package's ILogger). Internal, so the core depends on no logging library; the facts are the ones the
/// <c>plaid.retry</c> events and the failed activity carry: identifiers only, never a credential, token or body.
/// </summary>
internal abstract class PlaidCallObserver
{
    /// <summary>An attempt failed and the client waits <paramref name="delay"/> before the next.</summary>
    /// <param name="operation">The operation's name, as the activity's.</param>
    /// <param name="attempt">The attempt that failed, from 1.</param>
    /// <param name="delay">The wait before the next attempt.</param>
    /// <param name="rateLimited">Plaid answered 429 / RATE_LIMIT_EXCEEDED: the wait is a rate-limit wait.</param>
    /// <param name="facts">Why the attempt failed.</param>
    public abstract void Retrying(string operation, int attempt, TimeSpan delay, bool rateLimited, PlaidCallFacts facts);

    /// <summary>The call failed for good: this is what it throws.</summary>
    public abstract void Failed(string operation, PlaidCallFacts facts);
}

/// <summary>One failure as identifiers: <c>error.type</c> (status code or exception type), Plaid's error type and code, the request id.</summary>
internal readonly record struct PlaidCallFacts(string ErrorType, string? PlaidErrorType, string? PlaidErrorCode, string? RequestId);
