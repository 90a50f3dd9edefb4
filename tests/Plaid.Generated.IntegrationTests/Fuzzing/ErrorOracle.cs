using System.Text.Json;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>
/// Judges a non-2xx body with its own strict parse: a strict JSON object whose known members have
/// their spec types and that names an error_code or error_type must come out as a parsed Plaid error
/// with those values (credentials redacted); anything else as a <see cref="PlaidApiException"/> without one.
/// </summary>
internal static class ErrorOracle
{
    /// <summary>Null when the body is a Plaid error object; otherwise why it is not.</summary>
    public static string? NotAPlaidError(byte[] body)
    {
        using var document = StrictJson.Parse(body, out var problem);
        if (document is null)
        {
            return $"not strict JSON: {problem}";
        }

        var root = document.RootElement;
        if (Schema.Check(root, Schema.PlaidError) is { } misfit)
        {
            return misfit;
        }

        return Text(root, "error_code") is { Length: > 0 } || root.TryGetProperty("error_type", out _) ? null : "neither error_code nor error_type";
    }

    /// <summary>Null when the exception carries the error of <paramref name="body"/>, a Plaid error object.</summary>
    public static string? Judge(byte[] body, PlaidApiException exception)
    {
        using var document = StrictJson.Parse(body, out _);
        var root = document!.RootElement;
        var requestId = Text(root, "request_id") is { Length: > 0 } id ? id : null;
        return Differs("error_type", Text(root, "error_type"), exception.ErrorType?.ToString())
            ?? Differs("error_code", Text(root, "error_code"), exception.ErrorCode)
            ?? Differs("error_message", Text(root, "error_message"), exception.ErrorMessage)
            ?? Differs("request_id", requestId, exception.RequestId);
    }

    // The client redacts the body's text before it parses it, so no member can carry a credential.
    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Redacted(value.GetString()!) : null;

    private static string Redacted(string text) =>
        Credentials.All.Aggregate(text, (current, credential) => current.Replace(credential, "REDACTED", StringComparison.Ordinal));

    private static string? Differs(string name, string? expected, string? actual) =>
        expected == actual ? null : $"'{name}' is '{actual}' in the exception but '{expected}' in the body";
}
