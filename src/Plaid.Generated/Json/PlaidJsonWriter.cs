using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated;

/// <summary>Implemented by every generated type (build/templates/Class.Json.liquid): it writes itself as Plaid's wire format.</summary>
internal interface IPlaidJsonModel
{
    void WriteJson(Utf8JsonWriter writer);
}

/// <summary>What the writers that build/templates/Class.Json.liquid generates call, and the request body they make.</summary>
internal static class PlaidJsonWriter
{
    /// <summary>The model as compact UTF-8 JSON, for callers other than the send path (which uses <see cref="RequestBodyWriter"/>).</summary>
    public static byte[] ToUtf8(IPlaidJsonModel model)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            model.WriteJson(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Plaid's documented form, <c>YYYY-MM-DDTHH:mm:ssZ</c>, in UTC whatever offset the caller used.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        Span<byte> text = stackalloc byte[20];
        Digits(text[..4], utc.Year);
        text[4] = (byte)'-';
        Digits(text[5..7], utc.Month);
        text[7] = (byte)'-';
        Digits(text[8..10], utc.Day);
        text[10] = (byte)'T';
        Digits(text[11..13], utc.Hour);
        text[13] = (byte)':';
        Digits(text[14..16], utc.Minute);
        text[16] = (byte)':';
        Digits(text[17..19], utc.Second);
        text[19] = (byte)'Z';
        writer.WriteStringValue(text);
    }

    /// <summary>A value of <c>AdditionalProperties</c> or of a member the spec leaves untyped, as Newtonsoft.Json would write it.</summary>
    public static void WriteAny(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool boolean:
                writer.WriteBooleanValue(boolean);
                break;
            case long integer:
                writer.WriteNumberValue(integer);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case IPlaidJsonModel model:
                model.WriteJson(writer);
                break;
            case JToken token:
                writer.WriteRawValue(token.ToString(Formatting.None));
                break;
            default:
                writer.WriteRawValue(JsonConvert.SerializeObject(value));
                break;
        }
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
