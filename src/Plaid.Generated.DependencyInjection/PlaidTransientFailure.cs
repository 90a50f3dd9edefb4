using System.Text.Json;
using Polly;

namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// Which outcomes the retry strategy sends again: no response or a body cut off (transport failures),
/// and whatever <see cref="PlaidRetryRules"/> calls retryable, reading the error body's <c>error_code</c>
/// for the codes Plaid sends with a 400.
/// </summary>
internal static class PlaidTransientFailure
{
    // Plaid error objects are a few hundred bytes; a larger error body is not one worth parsing here.
    internal const int MaxInspectedBodyBytes = 64 * 1024;

    private static readonly JsonReaderOptions StrictJson = new() { MaxDepth = 64 };

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
        if (PlaidRetryRules.IsRetryable(statusCode, errorCode: null))
        {
            return true;
        }

        if (response.Content.Headers.ContentLength > MaxInspectedBodyBytes)
        {
            return false;
        }

        var body = await InspectedErrorBody.ReadAsync(response, MaxInspectedBodyBytes, cancellationToken).ConfigureAwait(false);
        return body.CutOff || (body.Complete is { } complete && PlaidRetryRules.IsRetryable(statusCode, ErrorCodeOf(complete.Span)));
    }

    /// <summary>The top-level <c>error_code</c> string of a JSON error object, or null.</summary>
    private static string? ErrorCodeOf(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body[Utf8JsonTokenReader.ByteOrderMarkLength(body)..], StrictJson);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isErrorCode = reader.ValueTextEquals("error_code"u8);
                reader.Read();
                if (isErrorCode)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            return null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: GetString on a lone surrogate escape. Either way the client reports the body.
            return null;
        }
    }
}
