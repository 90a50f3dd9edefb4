using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;

namespace Plaid.Generated;

/// <summary>
/// Reads JSON numbers into <see cref="double"/> but refuses values that do not fit (<c>1e400</c>
/// parses to infinity), so an absurd balance is an error rather than a silently wrong number.
/// </summary>
internal sealed class FiniteDoubleConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(double) || objectType == typeof(double?);

    public override bool CanWrite => false;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        double? value = reader.TokenType switch
        {
            JsonToken.Null when objectType == typeof(double?) => null,
            JsonToken.Float or JsonToken.Integer => reader.Value switch
            {
                double d => d,
                BigInteger big => (double)big,
                IConvertible convertible => convertible.ToDouble(CultureInfo.InvariantCulture),
                _ => throw Unexpected(reader),
            },
            _ => throw Unexpected(reader),
        };

        if (value is { } number && !double.IsFinite(number))
        {
            throw new JsonSerializationException($"The number at '{reader.Path}' is outside the range of a double.");
        }

        return value;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException();

    private static JsonSerializationException Unexpected(JsonReader reader) =>
        new($"Expected a number at '{reader.Path}', found {reader.TokenType}.");
}
