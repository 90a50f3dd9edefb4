using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Plaid.Generated.Testing;

/// <summary>
/// The JSON bodies <see cref="FakePlaidHandler"/> answers with, member for member as Plaid sends them: a member
/// the spec does not allow to be null (<c>verification_status</c>, <c>persistent_account_id</c>) is left out
/// when the fake has no value for it, never sent as null.
/// </summary>
internal static class FakeResponses
{
    /// <summary>The spec example's request id, so the default answer is the spec's example response.</summary>
    public const string SuccessRequestId = "1zlMf";

    public static HttpResponseMessage Success(FakeAccount account) => Json(HttpStatusCode.OK, writer =>
    {
        writer.WriteStartObject("account");
        writer.WriteString("account_id", account.AccountId);
        writer.WriteStartObject("balances");
        WriteNumber(writer, "available", account.Available);
        WriteNumber(writer, "current", account.Current);
        WriteNumber(writer, "limit", account.Limit);
        writer.WriteString("iso_currency_code", account.IsoCurrencyCode);
        writer.WriteNull("unofficial_currency_code");
        writer.WriteString("last_updated_datetime", account.LastUpdatedDatetime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteString("holder_category", account.HolderCategory);
        writer.WriteString("mask", account.Mask);
        writer.WriteString("name", account.Name);
        writer.WriteString("official_name", account.OfficialName);
        if (account.PersistentAccountId is { } persistentAccountId)
        {
            writer.WriteString("persistent_account_id", persistentAccountId);
        }

        writer.WriteString("subtype", account.Subtype);
        writer.WriteString("type", account.Type);
        writer.WriteEndObject();
        writer.WriteString("request_id", SuccessRequestId);
    });

    /// <summary>The spec example's request id for /sandbox/processor_token/create.</summary>
    public const string ProcessorTokenRequestId = "Aim3b";

    public static HttpResponseMessage ProcessorToken(string processorToken) => Json(HttpStatusCode.OK, writer =>
    {
        writer.WriteString("processor_token", processorToken);
        writer.WriteString("request_id", ProcessorTokenRequestId);
    });

    public static HttpResponseMessage Error(DocumentedError error, TimeSpan? retryAfter = null)
    {
        var response = Json(error.Status, writer =>
        {
            writer.WriteString("display_message", error.DisplayMessage);
            writer.WriteString("documentation_url",
                $"https://plaid.com/docs/errors/{error.Type.ToString().ToLowerInvariant().Replace('_', '-')}/#{error.Code.ToLowerInvariant()}");
            writer.WriteString("error_code", error.Code);
            writer.WriteNull("error_code_reason");
            writer.WriteString("error_message", error.Message);
            writer.WriteString("error_type", error.Type.ToString());
            writer.WriteString("request_id", $"fake-{error.Code}");
            writer.WriteNull("suggested_action");
            writer.WriteStartArray("causes");
            writer.WriteEndArray();
            writer.WriteNumber("status", (int)error.Status);
        });
        if (retryAfter is { } delay)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(delay);
        }

        return response;
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, Action<Utf8JsonWriter> writeMembers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(status) { Content = content };
    }
}
