namespace Plaid.Generated;

/// <summary>
/// The <c>error_code</c> values /processor/balance/get is documented to return. Plaid advises
/// handling errors by code, not by HTTP status; codes not listed here still reach
/// <see cref="PlaidApiException.ErrorCode"/> unchanged.
/// </summary>
public static class PlaidErrorCodes
{
    /// <summary>A field is invalid. Capital One (<c>ins_128026</c>) non-depository accounts without <c>options.min_last_updated_datetime</c> get this.</summary>
    public const string InvalidField = "INVALID_FIELD";

    /// <summary>No balance is as recent as <c>options.min_last_updated_datetime</c> asked. Not preventable: fall back to a cached balance.</summary>
    public const string LastUpdatedDatetimeOutOfRange = "LAST_UPDATED_DATETIME_OUT_OF_RANGE";

    /// <summary>The processor token is unknown, or from another environment.</summary>
    public const string InvalidProcessorToken = "INVALID_PROCESSOR_TOKEN";

    /// <summary>The client id or secret is wrong for the environment.</summary>
    public const string InvalidApiKeys = "INVALID_API_KEYS";

    /// <summary>A required field is missing from the request.</summary>
    public const string MissingFields = "MISSING_FIELDS";

    /// <summary>The request body is not valid JSON.</summary>
    public const string InvalidBody = "INVALID_BODY";

    /// <summary>A required header is missing or malformed.</summary>
    public const string InvalidHeaders = "INVALID_HEADERS";

    /// <summary>The request has fields the endpoint does not know.</summary>
    public const string UnknownFields = "UNKNOWN_FIELDS";

    /// <summary>Too many balance requests for this Item in the current window.</summary>
    public const string BalanceLimit = "BALANCE_LIMIT";

    /// <summary>Too many balance requests.</summary>
    public const string AccountsBalanceGetLimit = "ACCOUNTS_BALANCE_GET_LIMIT";

    /// <summary>Too many requests.</summary>
    public const string RateLimit = "RATE_LIMIT";

    /// <summary>Too many requests to this institution.</summary>
    public const string InstitutionRateLimit = "INSTITUTION_RATE_LIMIT";

    /// <summary>The user must re-authenticate through Link update mode.</summary>
    public const string ItemLoginRequired = "ITEM_LOGIN_REQUIRED";

    /// <summary>The institution does not support balance for this Item.</summary>
    public const string ProductsNotSupported = "PRODUCTS_NOT_SUPPORTED";

    /// <summary>The institution is down; retry later.</summary>
    public const string InstitutionDown = "INSTITUTION_DOWN";

    /// <summary>The institution did not answer in time; retry later.</summary>
    public const string InstitutionNotResponding = "INSTITUTION_NOT_RESPONDING";

    /// <summary>Plaid no longer supports the institution; never retry.</summary>
    public const string InstitutionNoLongerSupported = "INSTITUTION_NO_LONGER_SUPPORTED";

    /// <summary>Plaid failed internally; retry.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>Plaid is in planned maintenance; retry later.</summary>
    public const string PlannedMaintenance = "PLANNED_MAINTENANCE";
}
