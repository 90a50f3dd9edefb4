using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated;

/// <summary>
/// Lets Newtonsoft.Json in a caller's code (<c>JsonConvert.SerializeObject</c>, <c>DeserializeObject</c>) read and write a
/// generated type as the client does: through its generated reader and writer, so the wire format and the checks
/// (required members, JSON types, exact decimals, dates in UTC seconds) are the same. Each generated type names its
/// own subclass in a <see cref="JsonConverterAttribute"/>.
/// </summary>
/// <remarks>
/// What Newtonsoft's reader has already decided cannot be undone here: it reads the caller's text leniently
/// (comments, single quotes, a member twice), so only the client's own calls refuse those.
/// </remarks>
internal abstract class PlaidNewtonsoftConverter<T>(JsonModelReader<T> read) : JsonConverter
    where T : class, IPlaidJsonModel
{
    public override bool CanConvert(Type objectType) => objectType == typeof(T);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        // Numbers and dates as their text: Newtonsoft's defaults would turn 110.10 into a double and re-zone dates.
        var (dates, floats) = (reader.DateParseHandling, reader.FloatParseHandling);
        reader.DateParseHandling = DateParseHandling.None;
        reader.FloatParseHandling = FloatParseHandling.Decimal;
        try
        {
            var json = JToken.ReadFrom(reader).ToString(Formatting.None);
            return PlaidJsonReader.ReadDocument(Encoding.UTF8.GetBytes(json), read, requireMembers: true);
        }
        catch (PlaidJsonException exception)
        {
            throw new JsonSerializationException(exception.Message, exception);
        }
        finally
        {
            (reader.DateParseHandling, reader.FloatParseHandling) = (dates, floats);
        }
    }

    // Token by token, not as raw text: a JTokenWriter (JObject.FromObject) takes no raw value.
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not T model)
        {
            writer.WriteNull();
            return;
        }

        using var json = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(PlaidJsonWriter.ToUtf8(model))))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        writer.WriteToken(json);
    }
}
