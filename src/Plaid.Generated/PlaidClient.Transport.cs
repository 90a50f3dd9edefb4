using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace Plaid.Generated;

public sealed partial class PlaidClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    /// <summary>
    /// The one code path every generated operation goes through: serialize, authenticate, send,
    /// then either parse the success body or turn the response into a <see cref="PlaidApiException"/>.
    /// </summary>
    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        HttpMethod method, string path, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IPlaidCredentials
        where TResponse : class
    {
        var credentials = ResolveCredentials(request);
        using var message = new HttpRequestMessage(method, new Uri(_baseUri, path))
        {
            Content = CreateJsonContent(request),
        };
        ApplyHeaders(message, credentials);

        using var deadline = CallDeadline.Start(_httpClient, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw NoResponse(exception, credentials.Redactor);
        }

        using (response)
        {
            var statusCode = (int)response.StatusCode;
            ResponseContent content;
            try
            {
                content = await ResponseContent.ReadAsync(response.Content, _maxResponseBytes, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (deadline.Token.IsCancellationRequested)
            {
                throw deadline.Canceled(exception);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException)
            {
                throw BodyNotRead(statusCode, response, exception, credentials.Redactor);
            }

            using (content)
            {
                return response.IsSuccessStatusCode
                    ? ReadSuccess<TResponse>(statusCode, response, content, credentials.Redactor)
                    : throw ErrorResponse(statusCode, response, content, credentials.Redactor);
            }
        }
    }

    private static ByteArrayContent CreateJsonContent<TRequest>(TRequest request)
    {
        var json = new StringBuilder(256);
        using (var writer = new JsonTextWriter(new StringWriter(json)))
        {
            PlaidJson.Serializer.Serialize(writer, request, typeof(TRequest));
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json.ToString()));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private static TResponse ReadSuccess<TResponse>(
        int statusCode, HttpResponseMessage response, ResponseContent content, CredentialRedactor redactor)
        where TResponse : class
    {
        try
        {
            using var reader = new UniqueMemberJsonReader(content.OpenReader());
            return PlaidJson.Serializer.Deserialize<TResponse>(reader)
                ?? throw MalformedSuccess(statusCode, response, content, redactor,
                    content.Length == 0 ? "the body is empty" : "the body is JSON null", exception: null);
        }
        catch (JsonException exception)
        {
            throw MalformedSuccess(statusCode, response, content, redactor, exception.GetBaseException().Message, exception);
        }
    }
}
