using System.Net;

namespace Plaid.Generated.Testing;

/// <summary>The errors Plaid documents for /processor/balance/get, as <see cref="FakePlaidHandler"/> sends them.</summary>
internal static class DocumentedErrors
{
    public static readonly IReadOnlyDictionary<string, DocumentedError> ByCode = new[]
    {
        Invalid(PlaidErrorCodes.InvalidField, "min_last_updated_datetime is required for this account (a non-depository account at ins_128026)"),
        Invalid(PlaidErrorCodes.MissingFields, "the following required fields are missing: processor_token"),
        Invalid(PlaidErrorCodes.InvalidBody, "body could not be parsed as JSON"),
        Invalid(PlaidErrorCodes.InvalidHeaders, "a required header is missing or invalid"),
        Invalid(PlaidErrorCodes.UnknownFields, "the following fields are not recognized by this endpoint"),
        new DocumentedError(PlaidErrorCodes.LastUpdatedDatetimeOutOfRange, PlaidErrorType.InvalidResult, HttpStatusCode.BadRequest,
            "requested datetime for min_last_updated_datetime is out of range of the latest balance update"),
        new DocumentedError(PlaidErrorCodes.InvalidProcessorToken, PlaidErrorType.InvalidInput, HttpStatusCode.BadRequest,
            "provided processor token is in an invalid format or does not exist in this environment"),
        new DocumentedError(PlaidErrorCodes.InvalidApiKeys, PlaidErrorType.InvalidInput, HttpStatusCode.BadRequest,
            "invalid client_id or secret provided"),
        RateLimit(PlaidErrorCodes.BalanceLimit, "rate limit exceeded for balance requests for this item"),
        RateLimit(PlaidErrorCodes.AccountsBalanceGetLimit, "rate limit exceeded for accounts balance requests"),
        RateLimit(PlaidErrorCodes.RateLimit, "rate limit exceeded"),
        RateLimit(PlaidErrorCodes.InstitutionRateLimit, "rate limit exceeded for this institution"),
        new DocumentedError(PlaidErrorCodes.ProductsNotSupported, PlaidErrorType.ItemError, HttpStatusCode.BadRequest,
            "the institution does not support balance for this item"),
        new DocumentedError(PlaidErrorCodes.ItemLoginRequired, PlaidErrorType.ItemError, HttpStatusCode.BadRequest,
            "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information",
            "Your login details have changed. Please log in again."),
        Institution(PlaidErrorCodes.InstitutionDown, "this institution is not currently responding to this request. Please try again soon"),
        Institution(PlaidErrorCodes.InstitutionNotResponding, "this institution is not currently responding to this request. Please try again soon"),
        Institution(PlaidErrorCodes.InstitutionNoLongerSupported, "this institution is no longer supported"),
        new DocumentedError(PlaidErrorCodes.InternalServerError, PlaidErrorType.ApiError, HttpStatusCode.InternalServerError,
            "an unexpected error occurred"),
        new DocumentedError(PlaidErrorCodes.PlannedMaintenance, PlaidErrorType.ApiError, HttpStatusCode.ServiceUnavailable,
            "the Plaid API is temporarily unavailable due to planned maintenance"),
    }.ToDictionary(error => error.Code, StringComparer.Ordinal);

    private static DocumentedError Invalid(string code, string message) =>
        new(code, PlaidErrorType.InvalidRequest, HttpStatusCode.BadRequest, message);

    private static DocumentedError RateLimit(string code, string message) =>
        new(code, PlaidErrorType.RateLimitExceeded, HttpStatusCode.TooManyRequests, message);

    private static DocumentedError Institution(string code, string message) =>
        new(code, PlaidErrorType.InstitutionError, HttpStatusCode.BadRequest, message,
            "This financial institution is not currently responding. Please try again later.");
}

/// <summary>One documented error: what the fake puts in the error object and which status it answers with.</summary>
internal sealed record DocumentedError(string Code, PlaidErrorType Type, HttpStatusCode Status, string Message, string? DisplayMessage = null);
