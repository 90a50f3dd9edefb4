namespace Plaid.Generated;

/// <summary>A request body that may carry its own credentials; those win over the client's options for that call.</summary>
internal interface IPlaidCredentials
{
    string? ClientId { get; }

    string? Secret { get; }
}
