namespace Plaid.Generated;

public sealed partial class PlaidClient
{
    /// <summary>
    /// Plaid never redirects, and HttpClient repeats every header but <c>Authorization</c> to the origin a
    /// redirect names, so the credentials must not follow one: a 3xx is an error, and so is a response that a
    /// redirect-following handler fetched from another origin. Neither is ever read as data.
    /// </summary>
    private void EnsureAnsweredByConfiguredOrigin(HttpResponseMessage response, CredentialRedactor redactor)
    {
        var statusCode = (int)response.StatusCode;
        if (statusCode is >= 300 and <= 399)
        {
            var location = response.Headers.Location is { } target ? $"Location {redactor.Redact(WithoutQuery(target))}" : "no Location";
            throw new PlaidApiException(
                $"Plaid answered HTTP {statusCode} ({redactor.Redact(response.ReasonPhrase ?? "")}) with {location}, a redirect. Plaid's API never "
                + "redirects and the client does not follow redirects: credentials are never sent to another origin.",
                statusCode, error: null, RequestIdOf(response, redactor));
        }

        if (response.RequestMessage?.RequestUri is { } answeredUri && !IsSameOrigin(answeredUri, _baseUri))
        {
            throw new PlaidApiException(
                $"The response came from {redactor.Redact(Origin(answeredUri))}, not from the configured "
                + $"{Origin(_baseUri)}: the HttpClient's handler followed a redirect, so the credentials and the request may "
                + "have been sent there too, and its answer is not used. Configure the handler not to follow redirects "
                + "(SocketsHttpHandler or HttpClientHandler: AllowAutoRedirect = false), or use new PlaidClient(options).",
                statusCode);
        }
    }

    // The parts Uri caches once parsed; Uri.Compare would build two strings on every call.
    private static bool IsSameOrigin(Uri first, Uri second) =>
        first.Port == second.Port
        && string.Equals(first.Scheme, second.Scheme, StringComparison.Ordinal)
        && string.Equals(first.IdnHost, second.IdnHost, StringComparison.OrdinalIgnoreCase);

    private static string Origin(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.StrongPort, UriFormat.SafeUnescaped);

    // The query and user info of a Location are whatever the redirecting server put there: leave them out.
    private static string WithoutQuery(Uri location) => location.IsAbsoluteUri
        ? location.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.SafeUnescaped)
        : location.OriginalString.Split('?', '#')[0];
}
