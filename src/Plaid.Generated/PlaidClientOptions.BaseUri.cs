namespace Plaid.Generated;

public sealed partial class PlaidClientOptions
{
    /// <summary>
    /// The one rule for <see cref="BaseUri"/>, used by the client's constructors, the DI package's
    /// startup validation and the CLI: an absolute <c>https</c> URI, or <c>http</c> only when the host is
    /// loopback (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>::1</c>), so the secret never crosses a network in clear text.
    /// </summary>
    /// <returns>
    /// Null when <paramref name="baseUri"/> is allowed; otherwise what is wrong with it, worded to follow
    /// the setting's name (<c>"Plaid:BaseUri " + problem</c>). The text never contains the URI's user info, path or query.
    /// </returns>
    public static string? CheckBaseUri(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);

        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            return "must be an absolute http or https URI.";
        }

        // Uri.IsLoopback: localhost, 127.0.0.0/8 and ::1 (Uri rewrites the name "loopback" to localhost, so requests go there too).
        if (baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback)
        {
            return $"must use https: plain http (here to host '{baseUri.IdnHost}') would send the secret in clear text; "
                + "http is allowed only for a loopback host (localhost, 127.0.0.0/8, ::1).";
        }

        return null;
    }
}
