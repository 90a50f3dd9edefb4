using System.Text.Json;

namespace Plaid.Generated.Conformance;

/// <summary>
/// Judges one call from the raw answer: a 2xx must parse and equal its body in every member of the spec's
/// success schema; any other status must be a <see cref="PlaidApiException"/> with that status that keeps the
/// Plaid error as sent, or has no error fields when the body is not a JSON object.
/// </summary>
internal sealed class AnswerCheck(SpecMember success, SpecMember error)
{
    public static async Task<AnswerCheck> LoadAsync(string specPath)
    {
        var document = await SpecSchema.LoadAsync(specPath).ConfigureAwait(false);
        return new AnswerCheck(
            SpecSchema.Component(document, "ProcessorBalanceGetResponse"), SpecSchema.Component(document, "PlaidError"));
    }

    /// <summary>The first thing wrong with the call, or null when it is right.</summary>
    public string? Problem(Exchange exchange, ProcessorBalanceGetResponse? response, Exception? failure)
    {
        if (!exchange.Answered)
        {
            return $"no answer: {failure?.Message}";
        }

        JsonDocument? body = null;
        try
        {
            body = exchange.Body.Length == 0 ? null : JsonDocument.Parse(exchange.Body);
        }
        catch (JsonException exception)
        {
            return $"HTTP {exchange.Status}: the body is not JSON ({exception.Message})";
        }

        using (body)
        {
            if (exchange.Status is >= 200 and < 300)
            {
                return response is null
                    ? $"HTTP {exchange.Status} did not parse: {failure?.Message}"
                    : BodyComparison.Difference(body?.RootElement ?? default, response, success) is { } difference
                        ? $"HTTP {exchange.Status}: {difference}"
                        : null;
            }

            if (failure is not PlaidApiException exception)
            {
                return $"HTTP {exchange.Status} gave {(failure is null ? "a response" : failure.GetType().Name)}, not a PlaidApiException";
            }

            var problem = exception.StatusCode != exchange.Status
                ? $"the exception says HTTP {exception.StatusCode}"
                : body?.RootElement is { ValueKind: JsonValueKind.Object } root ? ErrorKept(root, exception) : NoErrorFields(exception);
            return problem is null ? null : $"HTTP {exchange.Status}: {problem}";
        }
    }

    private string? ErrorKept(JsonElement raw, PlaidApiException exception)
    {
        if (exception.Error is null)
        {
            return $"the Plaid error was lost: {exception.Message}";
        }

        static string? Text(JsonElement raw, string name) =>
            raw.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var requestId = Text(raw, "request_id") is { Length: > 0 } sent ? sent : null;
        return Text(raw, "error_type") != exception.ErrorType?.ToString() ? $"ErrorType is {exception.ErrorType}"
            : Text(raw, "error_code") != exception.ErrorCode ? $"ErrorCode is {exception.ErrorCode}"
            : Text(raw, "error_message") != exception.ErrorMessage ? $"ErrorMessage is {exception.ErrorMessage}"
            : Text(raw, "display_message") != exception.DisplayMessage ? $"DisplayMessage is {exception.DisplayMessage}"
            : requestId != exception.RequestId ? $"RequestId is {exception.RequestId}"
            : BodyComparison.Difference(raw, exception.Error, error);
    }

    private static string? NoErrorFields(PlaidApiException exception) =>
        exception.Error is null && exception.ErrorType is null && exception.ErrorCode is null && exception.ErrorMessage is null
        && exception.DisplayMessage is null && exception.Causes.Count == 0
            ? null
            : $"a body that is not a JSON object gave error fields ({exception.ErrorType}/{exception.ErrorCode})";
}
