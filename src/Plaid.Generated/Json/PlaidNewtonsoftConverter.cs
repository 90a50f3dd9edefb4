using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated;

/// <summary>
/// Lets Newtonsoft.Json in a caller's code (<c>JsonConvert</c>, <c>JObject.FromObject</c>) read and write a generated type through
/// its generated reader and writer: the client's wire format and checks. What Newtonsoft's reader accepts before the
/// converter sees it (comments, single quotes, a member twice) only the client's own calls refuse.
/// </summary>
internal abstract class PlaidNewtonsoftConverter<T>(JsonModelReader<T> read) : JsonConverter
    where T : class, IPlaidJsonModel
{
    public override bool CanConvert(Type objectType) => objectType == typeof(T);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        // Numbers and dates as their text: Newtonsoft's defaults would make 110.10 a double and re-zone dates.
        var (dates, floats) = (reader.DateParseHandling, reader.FloatParseHandling);
        (reader.DateParseHandling, reader.FloatParseHandling) = (DateParseHandling.None, FloatParseHandling.Decimal);
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
        using var json = new JsonTextReader(new StringReader(value is T model ? Encoding.UTF8.GetString(JsonBodyWriter.ToUtf8(model)) : "null"))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        writer.WriteToken(json);
    }
}
