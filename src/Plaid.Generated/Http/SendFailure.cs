using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Plaid.Generated;

/// <summary>
/// Whether a failed send provably never reached the server: the connection could not be made, so no byte of the
/// request left. The rule that lets the client retry an operation that is not safe to repeat
/// (<see cref="PlaidApiException.IsConnectFailure"/>). Anything else (a reset, a response cut off) may have been
/// processed and counts as sent.
/// </summary>
internal static class SendFailure
{
    public static bool IsBeforeSending(HttpRequestException exception)
    {
#if NET8_0_OR_GREATER
        if (exception.HttpRequestError is not HttpRequestError.Unknown)
        {
            return exception.HttpRequestError is HttpRequestError.ConnectionError
                or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError;
        }
#endif

        // netstandard2.0 (and a handler that sets no HttpRequestError): .NET Framework's handler wraps a WebException
        // with the stage that failed; SocketsHttpHandler a SocketException from connecting, or an AuthenticationException
        // from the handshake. A failure after connecting has an IOException in between, which is not looked through.
        return exception.InnerException switch
        {
            WebException web => web.Status is WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure
                or WebExceptionStatus.ProxyNameResolutionFailure or WebExceptionStatus.SecureChannelFailure or WebExceptionStatus.TrustFailure,
            SocketException socket => socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData
                or SocketError.AddressNotAvailable,
            AuthenticationException => true,
            _ => false,
        };
    }
}
