namespace Plaid.Generated.Testing;

/// <summary>Plaid's checks of its own on a /processor/balance/get request, after <see cref="CommonRules"/>, in Plaid's order.</summary>
internal static class BalanceRules
{
    private const string TokenPrefix = "processor-";
    private const string ErrorTokenMarker = "error-";

    /// <summary>The documented error the request earns, or null when <paramref name="account"/> is the answer.</summary>
    public static DocumentedError? Judge(
        BalanceRequest request, Uri? requestUri, FakePlaidHandler handler, out FakeAccount? account)
    {
        account = null;
        if (CommonRules.Judge(request, handler) is { } error)
        {
            return error;
        }

        if (TokenError(request.ProcessorToken!, requestUri) is { } tokenError)
        {
            return tokenError;
        }

        account = handler.AccountFor(request.ProcessorToken!);
        return FreshnessError(request, account);
    }

    /// <summary>Shape, environment, and the <c>processor-&lt;env&gt;-error-&lt;CODE&gt;</c> scenario tokens.</summary>
    private static DocumentedError? TokenError(string token, Uri? requestUri)
    {
        var rest = token.StartsWith(TokenPrefix, StringComparison.Ordinal) ? token[TokenPrefix.Length..] : "";
        var dash = rest.IndexOf('-');
        var environment = dash > 0 ? rest[..dash] : "";
        if (environment is not ("sandbox" or "production") || dash == rest.Length - 1)
        {
            return DocumentedErrors.ByCode[PlaidErrorCodes.InvalidProcessorToken];
        }

        if (HostEnvironment(requestUri) is { } host && host != environment)
        {
            return CommonRules.With(PlaidErrorCodes.InvalidProcessorToken,
                $"the processor token is for the {environment} environment, but the request was sent to {host}");
        }

        var identifier = rest[(dash + 1)..];
        if (!identifier.StartsWith(ErrorTokenMarker, StringComparison.Ordinal))
        {
            return null;
        }

        var code = identifier[ErrorTokenMarker.Length..];
        return DocumentedErrors.ByCode.TryGetValue(code, out var documented)
            ? documented
            : CommonRules.With(PlaidErrorCodes.InvalidProcessorToken,
                $"the fake knows no error code '{code}'; it knows {string.Join(", ", DocumentedErrors.ByCode.Keys)}");
    }

    /// <summary>
    /// Plaid's Capital One rule: <c>options.min_last_updated_datetime</c> is required, and bounds how old the balance
    /// may be, for non-depository accounts at <c>ins_128026</c> only; every other account ignores it. A malformed
    /// value is refused whatever the account, as Plaid validates a request's format before reading it.
    /// </summary>
    private static DocumentedError? FreshnessError(BalanceRequest request, FakeAccount account)
    {
        DateTimeOffset minLastUpdated = default;
        if (request.MinLastUpdatedText is not null && !request.TryGetMinLastUpdated(out minLastUpdated))
        {
            return CommonRules.With(PlaidErrorCodes.InvalidField,
                $"options.min_last_updated_datetime must be an RFC 3339 date-time, not '{request.MinLastUpdatedText}'");
        }

        if (!account.NeedsMinLastUpdated)
        {
            return null;
        }

        if (request.MinLastUpdatedText is null)
        {
            return DocumentedErrors.ByCode[PlaidErrorCodes.InvalidField];
        }

        // An account with no date has no balance known to be fresh enough.
        return account.LastUpdatedDatetime is not { } lastUpdated || minLastUpdated > lastUpdated
            ? DocumentedErrors.ByCode[PlaidErrorCodes.LastUpdatedDatetimeOutOfRange]
            : null;
    }

    private static string? HostEnvironment(Uri? requestUri) => requestUri?.Host switch
    {
        "sandbox.plaid.com" => "sandbox",
        "production.plaid.com" => "production",
        _ => null,
    };

}
