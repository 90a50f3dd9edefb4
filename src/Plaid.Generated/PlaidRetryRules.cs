namespace Plaid.Generated;

/// <summary>Which failures are worth sending again: shared by <see cref="PlaidApiException.IsRetryable"/> and any retry policy.</summary>
public static class PlaidRetryRules
{
    /// <summary>
    /// True for 408, 429, any 5xx, and the codes Plaid says will clear with time
    /// (INSTITUTION_DOWN, INSTITUTION_NOT_RESPONDING, PLANNED_MAINTENANCE, which Plaid sends with a 400 or 503).
    /// </summary>
    public static bool IsRetryable(int statusCode, string? errorCode) =>
        statusCode is 408 or 429
        || statusCode >= 500
        || errorCode is PlaidErrorCodes.InstitutionDown or PlaidErrorCodes.InstitutionNotResponding or PlaidErrorCodes.PlannedMaintenance;
}
