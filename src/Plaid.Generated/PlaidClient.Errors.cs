using System.Text;

namespace Plaid.Generated;

public sealed partial class PlaidClient
{
    internal const string RequestIdHeader = "Plaid-Request-Id";

    /// <summary>A non-2xx response: parse Plaid's error object if there is one, keep status, body and request id either way.</summary>
    private static PlaidApiException ErrorResponse(
        int statusCode, HttpResponseMessage response, ResponseContent content, CredentialRedactor redactor, TimeProvider timeProvider)
    {
        var utf8 = content.TryReadAsUtf8();
        var body = redactor.Redact(utf8 ?? content.ReadAsString());
        string? problem = "the body is not valid UTF-8";
        var error = utf8 is null ? null : TryParseError(body, out problem);
        var requestId = string.IsNullOrEmpty(error?.RequestId) ? RequestIdOf(response, redactor) : error.RequestId;
        string message;
        if (error is not null)
        {
            message = $"Plaid error: HTTP {statusCode} {Describe(error.ErrorType)}/{error.ErrorCode}: {error.ErrorMessage}";
        }
        else
        {
            var what = content.Length == 0
                ? "an empty body"
                : $"a body that is not a Plaid error object ({ContentTypeOf(response)}, {content.Length} bytes{(problem is null ? "" : $"; {problem}")})";
            message = $"Plaid answered HTTP {statusCode} ({response.ReasonPhrase}) with {what}.";
        }

        if (requestId is not null)
        {
            message += $" (request_id {requestId})";
        }

        return new PlaidApiException(redactor.Redact(message), statusCode, error, requestId, body)
        {
            RetryAfter = RetryAfterHeader.Of(response.Headers, timeProvider),
        };
    }

    private static PlaidApiException MalformedSuccess(
        int statusCode, HttpResponseMessage response, ResponseContent content, CredentialRedactor redactor,
        string problem, PlaidJsonException? exception)
    {
        var body = redactor.Redact(content.ReadAsString());
        var message = redactor.Redact(
            $"Plaid answered HTTP {statusCode} but the response could not be read: {problem} ({ContentTypeOf(response)}, {content.Length} bytes).");
        return new PlaidApiException(message, statusCode, error: null, RequestIdOf(response, redactor), body, SafeInner(exception, redactor));
    }

    private static PlaidApiException BodyNotRead(
        int statusCode, HttpResponseMessage response, Exception exception, CredentialRedactor redactor)
    {
        var message = exception is ResponseTooLargeException
            ? $"Plaid answered HTTP {statusCode} but {exception.Message}"
            : redactor.Redact($"Plaid answered HTTP {statusCode} but the body could not be read: {MessageChain(exception)}");
        return new PlaidApiException(message, statusCode, error: null, RequestIdOf(response, redactor), responseBody: null,
            SafeInner(exception, redactor), isTransportFailure: exception is not ResponseTooLargeException);
    }

    private static PlaidApiException NoResponse(HttpRequestException exception, CredentialRedactor redactor) =>
        new(redactor.Redact($"No response from Plaid: {MessageChain(exception)}{TlsAdvice(exception)}"), statusCode: 0, error: null,
            requestId: null, responseBody: null, SafeInner(exception, redactor), isTransportFailure: true,
            isConnectFailure: SendFailure.IsBeforeSending(exception));

    /// <summary>
    /// What to do when the TLS handshake failed: .NET reports it as an AuthenticationException, .NET Framework as a
    /// WebException with SecureChannelFailure, which on 4.6.2 usually means TLS 1.2 is not among the process's protocols.
    /// A certificate that was rejected is said as such: no protocol advice fixes it.
    /// </summary>
    internal const string TlsHandshakeAdvice =
        " The TLS handshake failed. Plaid accepts TLS 1.2 or later only: check that the server (or a proxy in between) speaks it.";

    /// <summary>The handshake advice on .NET Framework, where the process's own protocol list is the usual cause.</summary>
    internal const string NetFrameworkTlsHandshakeAdvice =
        " The TLS handshake failed. Plaid accepts TLS 1.2 or later only: on .NET Framework, run on 4.7 or later with the OS "
        + "defaults, or enable TLS 1.2 at startup (ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12) or "
        + "through the SchUseStrongCrypto registry value.";

    private static string TlsAdvice(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is System.Security.Authentication.AuthenticationException
                or System.Net.WebException { Status: System.Net.WebExceptionStatus.SecureChannelFailure or System.Net.WebExceptionStatus.TrustFailure })
            {
                return CertificateProblem(current) ?? (IsNetFramework ? NetFrameworkTlsHandshakeAdvice : TlsHandshakeAdvice);
            }
        }

        return "";
    }

    private static readonly bool IsNetFramework =
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    // SslPolicyErrors' names (or, for a chain, its status such as UntrustedRoot) appear in .NET's message; .NET Framework says TrustFailure.
    private static string? CertificateProblem(Exception exception)
    {
        var text = exception.Message;
        var nameMismatch = text.Contains("RemoteCertificateNameMismatch", StringComparison.Ordinal);
        var untrusted = text.Contains("RemoteCertificateChainErrors", StringComparison.Ordinal)
            || text.Contains("errors in the certificate chain", StringComparison.Ordinal) // .NET 5+: "...: UntrustedRoot"
            || exception is System.Net.WebException { Status: System.Net.WebExceptionStatus.TrustFailure };
        return (nameMismatch, untrusted) switch
        {
            (true, true) => " The server's certificate does not match its host name and is not trusted.",
            (true, false) => " The server's certificate does not match its host name.",
            (false, true) => " The server's certificate is not trusted (its chain does not end at a trusted root).",
            _ when text.Contains("RemoteCertificateNotAvailable", StringComparison.Ordinal) => " The server sent no certificate.",
            _ => null,
        };
    }

    // HttpRequestException's own text ("An error occurred while sending the request.") hides the cause
    // (reset, refused, ended prematurely) in its inner exceptions.
    private static string MessageChain(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            // An inner exception often repeats its outer one's text, or the part of it before the host:port.
            if (!messages.Exists(message => message.Contains(current.Message, StringComparison.Ordinal)))
            {
                messages.Add(current.Message);
            }
        }

        return string.Join(" ", messages);
    }

    // The redacted text is what gets parsed, so no parsed member can carry a credential.
    private static PlaidError? TryParseError(string body, out string? problem)
    {
        problem = null;
        try
        {
            var error = PlaidJsonReader.ReadDocument<PlaidError>(Encoding.UTF8.GetBytes(body), PlaidError.ReadJson, requireMembers: false);
            return error is not null && (error.ErrorCode is { Length: > 0 } || error.ErrorType != default(PlaidErrorType)) ? error : null;
        }
        catch (PlaidJsonException exception)
        {
            problem = exception.Message;
            return null;
        }
    }

    private static string Describe(PlaidErrorType errorType) => errorType == default ? "(no error_type)" : errorType.ToString();

    // The header is the server's text like the body, and goes through the same redaction.
    private static string? RequestIdOf(HttpResponseMessage response, CredentialRedactor redactor) =>
        response.Headers.TryGetValues(RequestIdHeader, out var values) && values.FirstOrDefault() is { } requestId
            ? redactor.Redact(requestId)
            : null;

    // A handler with AutomaticDecompression removes Content-Encoding, so one still present means nobody decoded it.
    private static string ContentTypeOf(HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        var encodings = response.Content.Headers.ContentEncoding;
        return encodings.Count == 0
            ? mediaType
            : $"{mediaType}, Content-Encoding {string.Join(", ", encodings)} not decoded: enable AutomaticDecompression on the HttpClient's handler";
    }

    // The inner exception keeps its stack for debugging, unless its text quotes a credential.
    private static Exception? SafeInner(Exception? exception, CredentialRedactor redactor) =>
        exception is not null && !redactor.Leaks(exception.ToString()) ? exception : null;
}
