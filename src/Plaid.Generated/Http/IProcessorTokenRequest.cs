namespace Plaid.Generated;

/// <summary>
/// A request body that names its account by a processor token. Build/templates/Class.Inheritance.liquid attaches it
/// to every generated class with a <c>processor_token</c> member, so every such operation gets the token checks.
/// </summary>
internal interface IProcessorTokenRequest
{
    string? ProcessorToken { get; }
}
