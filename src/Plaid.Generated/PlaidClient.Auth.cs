namespace Plaid.Generated;

public sealed partial class PlaidClient
{
    internal const string ClientIdHeader = "PLAID-CLIENT-ID";
    internal const string SecretHeader = "PLAID-SECRET";
    internal const string VersionHeader = "Plaid-Version";

    /// <summary>
    /// Works out the credentials of one call: a <c>client_id</c> or <c>secret</c> in the body wins
    /// for that call and is then not repeated in a header; otherwise the options' value goes in the header.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither the options nor the body carry a credential.</exception>
    /// <exception cref="ArgumentException">A credential in the body is too short to be redacted.</exception>
    private CallCredentials ResolveCredentials(IPlaidCredentials? request)
    {
        var bodyClientId = Credential(string.IsNullOrWhiteSpace(request?.ClientId) ? null : request.ClientId, "The request's ClientId", "request");
        var bodySecret = Credential(string.IsNullOrWhiteSpace(request?.Secret) ? null : request.Secret, "The request's Secret", "request");
        var missingClientId = bodyClientId is null && _clientId is null;
        var missingSecret = bodySecret is null && _secret is null;
        if (missingClientId || missingSecret)
        {
            var missing = new List<string>(2);
            if (missingClientId)
            {
                missing.Add("client id (PlaidClientOptions.ClientId or the request's ClientId)");
            }

            if (missingSecret)
            {
                missing.Add("secret (PlaidClientOptions.Secret or the request's Secret)");
            }

            throw new InvalidOperationException($"No Plaid {string.Join(" and no ", missing)}. Nothing was sent.");
        }

        return new CallCredentials(
            HeaderClientId: bodyClientId is null ? _clientId : null,
            HeaderSecret: bodySecret is null ? _secret : null,
            Redactor: new CredentialRedactor(bodyClientId ?? _clientId, bodySecret ?? _secret));
    }

    private void ApplyHeaders(HttpRequestMessage message, in CallCredentials credentials)
    {
        var headers = message.Headers;
        if (credentials.HeaderClientId is not null)
        {
            headers.TryAddWithoutValidation(ClientIdHeader, credentials.HeaderClientId);
        }

        if (credentials.HeaderSecret is not null)
        {
            headers.TryAddWithoutValidation(SecretHeader, credentials.HeaderSecret);
        }

        headers.TryAddWithoutValidation(VersionHeader, _plaidVersion);
    }

    // A credential the redactor would leave alone could reach exception text: refused, without echoing it.
    private static string? Credential(string? value, string what, string parameterName) =>
        CredentialRedactor.TooShort(value) is { } problem ? throw new ArgumentException($"{what} {problem}", parameterName) : value;

    private readonly record struct CallCredentials(string? HeaderClientId, string? HeaderSecret, CredentialRedactor Redactor);
}
