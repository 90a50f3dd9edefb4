namespace Plaid.Generated.Testing;

/// <summary>The checks Plaid makes on every request before the endpoint's own, in Plaid's order.</summary>
internal static class CommonRules
{
    public const string SupportedPlaidVersion = "2020-09-14";

    /// <summary>The documented error the request earns, or null when the endpoint's own rules come next.</summary>
    public static DocumentedError? Judge(IFakeRequest request, FakePlaidHandler handler)
    {
        if (!request.IsJsonObject)
        {
            return DocumentedErrors.ByCode[PlaidErrorCodes.InvalidBody];
        }

        if (request.PlaidVersion != SupportedPlaidVersion)
        {
            return With(PlaidErrorCodes.InvalidHeaders,
                $"Plaid-Version must be {SupportedPlaidVersion}, not '{request.PlaidVersion ?? "(missing)"}'");
        }

        if (request.UnknownMember is { } unknown)
        {
            return With(PlaidErrorCodes.UnknownFields, $"the following fields are not recognized by this endpoint: {unknown}");
        }

        var missing = request.ClientId is null ? "client_id" : request.Secret is null ? "secret" : request.MissingMember;
        if (missing is not null)
        {
            return With(PlaidErrorCodes.MissingFields, $"the following required fields are missing: {missing}");
        }

        return (handler.ClientId is { } clientId && clientId != request.ClientId) || (handler.Secret is { } secret && secret != request.Secret)
            ? DocumentedErrors.ByCode[PlaidErrorCodes.InvalidApiKeys]
            : null;
    }

    public static DocumentedError With(string code, string message) => DocumentedErrors.ByCode[code] with { Message = message };
}
