using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace Plaid.Generated;

public sealed partial class PlaidClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private Endpoint[] _endpoints = [];

    /// <summary>
    /// The one code path every generated operation goes through: serialize, authenticate, send,
    /// then either parse the success body or turn the response into a <see cref="PlaidApiException"/>.
    /// </summary>
    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        HttpMethod method, string path, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class
    {
        var credentials = ResolveCredentials(request as IPlaidCredentials);
        using var message = new HttpRequestMessage(method, EndpointUri(path))
        {
            Content = CreateJsonContent(request),
        };
        ApplyHeaders(message, credentials);

        var sendStartedAt = Stopwatch.GetTimestamp();
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
            ObserveStatusCode(statusCode);
            EnsureAnsweredByConfiguredOrigin(response, credentials.Redactor);
            ResponseContent content;
            using var deadline = CallDeadline.ForBody(_httpClient, sendStartedAt, cancellationToken);
            try
            {
                var reading = ResponseContent.ReadAsync(response.Content, _maxResponseBytes, deadline.Token);
                if (!reading.IsCompleted)
                {
                    deadline.Arm();
                }

                content = await reading.ConfigureAwait(false);
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

    // The bytes are not pooled: a handler may still be writing them after the call has given up on the response.
    private static ByteArrayContent CreateJsonContent<TRequest>(TRequest request)
    {
        using var json = new PooledCharWriter();
        using (var writer = new JsonTextWriter(json) { ArrayPool = JsonCharPool.Instance, CloseOutput = false })
        {
            PlaidJson.RequestWriter.Serialize(writer, request, typeof(TRequest));
        }

        var utf8 = new byte[Encoding.UTF8.GetByteCount(json.Written)];
        Encoding.UTF8.GetBytes(json.Written, utf8);
        var content = new ByteArrayContent(utf8);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private static TResponse ReadSuccess<TResponse>(
        int statusCode, HttpResponseMessage response, ResponseContent content, CredentialRedactor redactor)
        where TResponse : class
    {
        try
        {
            using var reader = content.OpenJsonReader();
            return PlaidJson.Deserialize<TResponse>(reader)
                ?? throw MalformedSuccess(statusCode, response, content, redactor,
                    content.Length == 0 ? "the body is empty" : "the body is JSON null", exception: null);
        }
        catch (JsonException exception)
        {
            throw MalformedSuccess(statusCode, response, content, redactor, exception.GetBaseException().Message, exception);
        }
    }

    // Building the Uri costs about 350 B per call (docs/performance.md), so each client keeps one per
    // operation path. Copy on write: a published array is never changed, so reads need no lock; two
    // calls racing to add the same path both build it, and one of the arrays wins, which is harmless.
    private Uri EndpointUri(string path)
    {
        var endpoints = Volatile.Read(ref _endpoints);
        foreach (var endpoint in endpoints)
        {
            if (string.Equals(endpoint.Path, path, StringComparison.Ordinal))
            {
                return endpoint.Uri;
            }
        }

        var uri = new Uri(_baseUri, path);
        Volatile.Write(ref _endpoints, [.. endpoints, new Endpoint(path, uri)]);
        return uri;
    }

    private sealed record Endpoint(string Path, Uri Uri);
}
