using Newtonsoft.Json;

namespace Plaid.Generated;

/// <summary>
/// Reads and writes a generated extensible enum as its wire string. Any string is accepted,
/// known or not; anything else (a number, an object, null where the spec forbids it) is a
/// <see cref="JsonSerializationException"/>, which the client reports as a malformed response.
/// </summary>
internal sealed class ExtensibleEnumJsonConverter<T> : JsonConverter where T : struct, IExtensibleEnum<T>
{
    public override bool CanConvert(Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        return reader.TokenType switch
        {
            JsonToken.String => default(T).FromWireValue((string)reader.Value!),
            JsonToken.Null when objectType == typeof(T?) => null,
            _ => throw new JsonSerializationException(
                $"Expected a string for {typeof(T).Name} at '{reader.Path}', found {reader.TokenType}."),
        };
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.WriteValue(value.ToString());
        }
    }
}
