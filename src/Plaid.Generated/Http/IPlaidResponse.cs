namespace Plaid.Generated;

/// <summary>
/// A body Plaid answers with, carrying the id Plaid gives the request (for support and traces).
/// Build/templates/Class.Inheritance.liquid attaches it to every generated class with a <c>request_id</c>.
/// </summary>
internal interface IPlaidResponse
{
    string? RequestId { get; }
}
