using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated;

/// <summary>Reads one generated type from the current token (null for JSON null).</summary>
internal delegate T? JsonModelReader<T>(ref Utf8JsonReader reader, bool requireMembers)
    where T : class;

/// <summary>
/// The document entry and value helpers of the readers build/templates/Class.Json.liquid generates. The tokenizer,
/// <see cref="Utf8JsonReader"/>, reads RFC 8259 and nothing else (no comments, single quotes, trailing commas, leading
/// zeros, <c>NaN</c>, raw control characters, content after the value); a member twice is refused (I-JSON, RFC 7493).
/// </summary>
internal static class PlaidJsonReader
{
    /// <summary>Deeper than any Plaid response; a deeper document is hostile and fails fast.</summary>
    internal const int MaxDepth = 64;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth };

    /// <summary>How many bytes a leading UTF-8 byte order mark takes: 3, or 0 (RFC 8259 §8.1 lets a reader skip it).</summary>
    internal static int ByteOrderMarkLength(ReadOnlySpan<byte> utf8) => utf8.StartsWith("\uFEFF"u8) ? 3 : 0;

    /// <summary>The document read by <paramref name="read"/>: null for an empty body or JSON null.</summary>
    /// <exception cref="PlaidJsonException">The body is not strict JSON, or does not fit the type.</exception>
    public static T? ReadDocument<T>(ReadOnlySpan<byte> utf8, JsonModelReader<T> read, bool requireMembers)
        where T : class
    {
        utf8 = utf8[ByteOrderMarkLength(utf8)..];
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            if (utf8.IsEmpty || !reader.Read())
            {
                return null;
            }

            var value = read(ref reader, requireMembers);
            reader.Read(); // refuses content after the value
            return value;
        }
        catch (Exception exception) when (exception is JsonReadFailure or JsonException or InvalidOperationException)
        {
            // Utf8JsonReader decodes a string only when asked, and refuses invalid UTF-8 and lone surrogates then (InvalidOperationException).
            var failure = exception as JsonReadFailure
                ?? JsonReadFailure.Invalid(exception.Message, exception is JsonException json ? JsonPath.Offset(utf8, json) : reader.TokenStartIndex, exception);
            throw failure.ToException(utf8);
        }
    }

    /// <summary>A member the type does not name: kept with its value, unless the object had it already.</summary>
    public static void Unknown(ref Utf8JsonReader reader, IDictionary<string, object> members)
    {
        var (name, offset) = (reader.GetString()!, reader.TokenStartIndex);
        if (members.ContainsKey(name))
        {
            throw JsonReadFailure.Twice(name, offset);
        }

        reader.Read();
        members[name] = Any(ref reader)!;
    }

    public static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw JsonReadFailure.Expected("a string", ref reader),
    };

    public static bool? Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw JsonReadFailure.Expected("true or false", ref reader),
    };

    public static long? Int64(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out var number) => number,
        JsonTokenType.Null => null,
        _ => throw JsonReadFailure.Expected("an integer", ref reader),
    };

    public static int? Int32(ref Utf8JsonReader reader) => Int64(ref reader) is not { } number ? null
        : number is >= int.MinValue and <= int.MaxValue ? (int)number
        : throw new JsonReadFailure(reader.TokenStartIndex, path => $"The number at '{path}' is outside the range of a 32-bit integer: {number}.");

    /// <summary>A number as the exact decimal its text denotes; one no decimal holds exactly is refused, not rounded.</summary>
    public static decimal? Decimal(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when ExactDecimal.TryParse(reader.ValueSpan, out var value) => value,
        JsonTokenType.Number => throw JsonReadFailure.NotDecimal(ref reader),
        JsonTokenType.Null => null,
        _ => throw JsonReadFailure.Expected("a number", ref reader),
    };

    /// <summary>An ISO 8601 date-time; one without an offset is taken as UTC.</summary>
    public static DateTimeOffset? DateTimeOffset(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String when reader.TryGetDateTime(out var local) && local.Kind == DateTimeKind.Unspecified => new DateTimeOffset(local, TimeSpan.Zero),
        JsonTokenType.String when reader.TryGetDateTimeOffset(out var value) => value,
        _ => throw JsonReadFailure.Expected("an ISO 8601 date-time", ref reader),
    };

    /// <summary>
    /// Any JSON value, as Newtonsoft.Json holds it in <c>AdditionalProperties</c>: a string, <see cref="bool"/>, <see cref="long"/>,
    /// else a <see cref="decimal"/> when one holds the number exactly, else a <see cref="JRaw"/> with its text (never rounded);
    /// an object or array as a <see cref="JObject"/> or <see cref="JArray"/>.
    /// </summary>
    public static object? Any(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new JObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (name, offset) = (reader.GetString()!, reader.TokenStartIndex);
                    if (members.ContainsKey(name))
                    {
                        throw JsonReadFailure.Twice(name, offset);
                    }

                    reader.Read();
                    members.Add(name, Token(Any(ref reader)));
                }

                return members;
            case JsonTokenType.StartArray:
                var items = new JArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Token(Any(ref reader)));
                }

                return items;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var integer) ? integer
                    : ExactDecimal.TryParse(reader.ValueSpan, out var number) ? number
                    : new JRaw(System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()));
            case JsonTokenType.True or JsonTokenType.False:
                return reader.GetBoolean();
            default:
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        }
    }

    private static JToken Token(object? value) => value as JToken ?? new JValue(value);
}
