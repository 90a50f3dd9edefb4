namespace Plaid.Generated;

/// <summary>
/// Any failure of a call that reached the network: a Plaid error response (with the parsed
/// <see cref="PlaidError"/>), a response that could not be read (non-JSON, empty, truncated,
/// too large, of the wrong shape), or no response at all (<see cref="StatusCode"/> 0).
/// Its text never contains the client id or the secret.
/// </summary>
public class PlaidApiException : Exception
{
    /// <summary>How much of the response body <see cref="ResponseBody"/> keeps.</summary>
    public const int MaxResponseBodyLength = 4096;

    /// <summary>Creates the exception; <paramref name="responseBody"/> is cut to <see cref="MaxResponseBodyLength"/> characters.</summary>
    public PlaidApiException(
        string message,
        int statusCode,
        PlaidError? error = null,
        string? requestId = null,
        string? responseBody = null,
        Exception? innerException = null)
        : this(message, statusCode, error, requestId, responseBody, innerException, isTransportFailure: false)
    {
    }

    internal PlaidApiException(
        string message,
        int statusCode,
        PlaidError? error,
        string? requestId,
        string? responseBody,
        Exception? innerException,
        bool isTransportFailure,
        bool isConnectFailure = false)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Error = error;
        RequestId = requestId;
        ResponseBody = responseBody is { Length: > MaxResponseBodyLength } ? responseBody[..MaxResponseBodyLength] : responseBody;
        IsTransportFailure = isTransportFailure;
        IsConnectFailure = isConnectFailure;
    }

    /// <summary>The HTTP status, or 0 when no response arrived.</summary>
    public int StatusCode { get; }

    /// <summary>The parsed Plaid error object, when the body held one.</summary>
    public PlaidError? Error { get; }

    /// <summary>The error category; unknown categories keep their wire value.</summary>
    public PlaidErrorType? ErrorType => Error is { } error && error.ErrorType != default ? error.ErrorType : (PlaidErrorType?)null;

    /// <summary>The specific error code, e.g. <see cref="PlaidErrorCodes.InvalidField"/>. Handle errors by this.</summary>
    public string? ErrorCode => Error?.ErrorCode;

    /// <summary>Plaid's explanation for developers.</summary>
    public string? ErrorMessage => Error?.ErrorMessage;

    /// <summary>A message safe to show the end user, when Plaid gives one.</summary>
    public string? DisplayMessage => Error?.DisplayMessage;

    /// <summary>Plaid's request id, from the error body or else the <c>Plaid-Request-Id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>Link to Plaid's documentation of the error.</summary>
    public string? DocumentationUrl => Error?.DocumentationUrl;

    /// <summary>What Plaid suggests doing.</summary>
    public string? SuggestedAction => Error?.SuggestedAction;

    /// <summary>Underlying errors Plaid attached, if any.</summary>
    public IReadOnlyCollection<object> Causes => Error?.Causes is { } causes ? [.. causes] : [];

    /// <summary>The start of the response body (at most <see cref="MaxResponseBodyLength"/> characters), credentials redacted.</summary>
    public string? ResponseBody { get; }

    /// <summary>How long the server asked to wait before retrying (<c>Retry-After</c>, seconds or HTTP date), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when no complete response arrived (connection refused or reset, body cut off).</summary>
    public bool IsTransportFailure { get; }

    /// <summary>
    /// True when the connection failed before the request was sent (refused, host name not resolved, TLS handshake
    /// failed), so Plaid provably never saw it: safe to send again even for an operation that is not safe to repeat,
    /// such as creating a Sandbox processor token. Implies <see cref="IsTransportFailure"/>.
    /// </summary>
    public bool IsConnectFailure { get; }

    /// <summary>
    /// True when sending the same request later may succeed: transport failures, 408, 429, 5xx,
    /// INSTITUTION_DOWN, INSTITUTION_NOT_RESPONDING and PLANNED_MAINTENANCE. For an operation that is not safe to
    /// repeat, a retry may do it twice unless <see cref="IsConnectFailure"/> or <see cref="IsRateLimited"/>: the client
    /// itself retries such an operation only then (docs/reliability.md).
    /// </summary>
    public bool IsRetryable => IsTransportFailure || PlaidRetryRules.IsRetryable(StatusCode, ErrorCode);

    /// <summary>
    /// True for a rate-limit answer: error type RATE_LIMIT_EXCEEDED (BALANCE_LIMIT, ACCOUNTS_BALANCE_GET_LIMIT, RATE_LIMIT, ...)
    /// or HTTP 429. Plaid sends these without <c>Retry-After</c>, counting per minute: the client does not retry them within
    /// the call (unless the server did send <c>Retry-After</c>); wait for the window, or keep under it with
    /// <see cref="PlaidClientOptions.RateLimits"/>.
    /// </summary>
    public bool IsRateLimited => StatusCode == 429 || ErrorType == PlaidErrorType.RateLimitExceeded;

    /// <summary>
    /// INVALID_REQUEST / INVALID_FIELD: for a non-depository Capital One (<c>ins_128026</c>) account,
    /// <c>options.min_last_updated_datetime</c> is missing; otherwise some field is invalid.
    /// </summary>
    public bool IsInvalidField => ErrorCode == PlaidErrorCodes.InvalidField;

    /// <summary>LAST_UPDATED_DATETIME_OUT_OF_RANGE: no balance is as fresh as asked. Fall back to a cached balance.</summary>
    public bool IsLastUpdatedDatetimeOutOfRange => ErrorCode == PlaidErrorCodes.LastUpdatedDatetimeOutOfRange;
}
