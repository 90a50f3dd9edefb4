namespace Plaid.Generated.Cli;

/// <summary>What <c>plaid-balance</c> returns to the shell.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Plaid answered with an error object (error_type, error_code).</summary>
    public const int PlaidError = 1;

    /// <summary>Bad flag, bad date, malformed token, missing credentials: nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>No usable response: unreachable, timed out, non-JSON or malformed body.</summary>
    public const int Transport = 3;
}
