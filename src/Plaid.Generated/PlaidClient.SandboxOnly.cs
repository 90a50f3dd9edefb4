namespace Plaid.Generated;

public sealed partial class PlaidClient
{
    private const string ProductionHost = "production.plaid.com";

    /// <summary>How this client names its Production target in the refusal, or null when it does not target Production.</summary>
    private readonly string? _productionTarget;

    /// <summary>
    /// Production as configured: <see cref="PlaidEnvironment.Production"/>, or a <see cref="PlaidClientOptions.BaseUri"/> on
    /// Plaid's Production host. Any other explicit host (a fake, Prism, a proxy) is the caller's to answer for.
    /// </summary>
    private static string? ProductionTarget(PlaidClientOptions options) => options.BaseUri switch
    {
        null when options.Environment == PlaidEnvironment.Production => "PlaidEnvironment.Production",
        { IsAbsoluteUri: true } uri when string.Equals(uri.IdnHost.TrimEnd('.'), ProductionHost, StringComparison.OrdinalIgnoreCase)
            => $"PlaidClientOptions.BaseUri {uri.Scheme}://{uri.IdnHost}",
        _ => null,
    };

    /// <summary>A Sandbox-only operation (path under <c>/sandbox/</c>) would only earn an error from Production: refused unsent.</summary>
    private void RefuseProduction(PlaidOperation operation)
    {
        if (_productionTarget is { } target)
        {
            throw new InvalidOperationException(
                $"{operation.Name} exists only in Plaid's Sandbox, but this client targets Production ({target}); nothing was sent. "
                + "Call it with a client for PlaidEnvironment.Sandbox and Sandbox keys.");
        }
    }
}
