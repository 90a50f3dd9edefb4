using Newtonsoft.Json;
using Polly;

namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// Which outcomes the retry strategy sends again: no response at all, 408, 429, 5xx, and the
/// error codes <see cref="PlaidRetryRules"/> calls retryable even when Plaid sends them with a 400.
/// </summary>
internal static class PlaidTransientFailure
{
    // Plaid error objects are a few hundred bytes; a larger error body is not one worth parsing here.
    internal const int MaxInspectedBodyBytes = 64 * 1024;

    private const string ErrorCodeProperty = "error_code";

    public static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException;
        }

        var response = outcome.Result;
        if (response is null || response.IsSuccessStatusCode)
        {
            return false;
        }

        var statusCode = (int)response.StatusCode;
        if (statusCode == 408 || PlaidRetryRules.IsRetryable(statusCode, errorCode: null))
        {
            return true;
        }

        return PlaidRetryRules.IsRetryable(statusCode, await ErrorCodeAsync(response.Content, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Reads <c>error_code</c> from an error body. The body is buffered first, so the client still
    /// reads it in full when this response turns out to be the final one.
    /// </summary>
    private static async Task<string?> ErrorCodeAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxInspectedBodyBytes)
        {
            return null;
        }

        byte[] body;
        try
        {
            await content.LoadIntoBufferAsync(MaxInspectedBodyBytes, cancellationToken).ConfigureAwait(false);
            body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return null; // too large or cut off: the client reports it as it would without retries
        }

        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body, writable: false))) { MaxDepth = 64 };
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                if ((string?)reader.Value == ErrorCodeProperty)
                {
                    return reader.ReadAsString();
                }

                reader.Read();
                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
