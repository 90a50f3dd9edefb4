namespace Plaid.Generated;

/// <summary>
/// A request body that may carry its own credentials; those win over the client's options for that call.
/// Build/templates/Class.Inheritance.liquid attaches it to every generated class with <c>client_id</c> and <c>secret</c>.
/// </summary>
internal interface IPlaidCredentials
{
    string? ClientId { get; }

    string? Secret { get; }
}
