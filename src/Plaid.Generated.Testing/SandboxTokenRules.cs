using System.Net;

namespace Plaid.Generated.Testing;

/// <summary>
/// Plaid's checks of its own on a /sandbox/processor_token/create request, after <see cref="CommonRules"/>: the
/// institution id must look like one (<c>ins_</c> and digits), and the Sandbox test password decides how the new
/// Item signs in: none or <c>pass_good</c> succeeds, <c>error_&lt;ERROR_CODE&gt;</c> fails with that error of the
/// fake's table (as Plaid's Sandbox does with its own error passwords), anything else is <c>INVALID_CREDENTIALS</c>.
/// </summary>
internal static class SandboxTokenRules
{
    private static readonly DocumentedError InvalidInstitution =
        new("INVALID_INSTITUTION", PlaidErrorType.InvalidInput, HttpStatusCode.BadRequest, "invalid institution_id provided");

    private static readonly DocumentedError InvalidCredentials =
        new("INVALID_CREDENTIALS", PlaidErrorType.ItemError, HttpStatusCode.BadRequest, "the provided credentials were not correct",
            "The provided credentials were not correct. Please try again.");

    private const string GoodPassword = "pass_good";
    private const string ErrorPasswordPrefix = "error_";

    public static DocumentedError? Judge(SandboxTokenRequest request, FakePlaidHandler handler)
    {
        if (CommonRules.Judge(request, handler) is { } error)
        {
            return error;
        }

        var institution = request.InstitutionId!;
        if (!institution.StartsWith("ins_", StringComparison.Ordinal) || institution.Length == 4 || !institution[4..].All(c => c is >= '0' and <= '9'))
        {
            return InvalidInstitution with { Message = $"invalid institution_id provided: '{institution}'" };
        }

        return request.OverridePassword switch
        {
            null or GoodPassword => null,
            { } password when password.StartsWith(ErrorPasswordPrefix, StringComparison.Ordinal)
                && DocumentedErrors.ByCode.TryGetValue(password[ErrorPasswordPrefix.Length..], out var documented) => documented,
            _ => InvalidCredentials,
        };
    }
}
