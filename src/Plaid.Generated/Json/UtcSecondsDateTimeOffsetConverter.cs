using System.Globalization;
using Newtonsoft.Json;

namespace Plaid.Generated;

/// <summary>
/// Writes <see cref="DateTimeOffset"/> the way Plaid documents it, <c>YYYY-MM-DDTHH:mm:ssZ</c>
/// in UTC whatever offset the caller used; reads any ISO 8601 date-time.
/// </summary>
internal sealed class UtcSecondsDateTimeOffsetConverter : JsonConverter
{
    internal const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override bool CanConvert(Type objectType) =>
        objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null when objectType == typeof(DateTimeOffset?):
                return null;
            case JsonToken.String when DateTimeOffset.TryParse(
                (string)reader.Value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                return parsed;
            case JsonToken.Date when reader.Value is DateTimeOffset value:
                return value;
            default:
                throw new JsonSerializationException($"Expected an ISO 8601 date-time at '{reader.Path}', found {reader.TokenType}.");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset date)
        {
            writer.WriteValue(date.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull();
        }
    }
}
