namespace Plaid.Generated.Testing;

/// <summary>What every request the fake serves carries, and <see cref="CommonRules"/> checks first.</summary>
internal interface IFakeRequest
{
    bool IsJsonObject { get; }

    /// <summary>From the body, else the <c>PLAID-CLIENT-ID</c> header: body credentials win, as with Plaid.</summary>
    string? ClientId { get; }

    string? Secret { get; }

    string? PlaidVersion { get; }

    /// <summary>The first member the endpoint does not define (<c>options.x</c> for one inside options), or null.</summary>
    string? UnknownMember { get; }

    /// <summary>The first required member of the endpoint's own that is missing, or null.</summary>
    string? MissingMember { get; }
}
