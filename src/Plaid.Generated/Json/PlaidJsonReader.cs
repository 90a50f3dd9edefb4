using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated;

/// <summary>Reads one generated type from the current token; see <see cref="PlaidJsonReader"/>.</summary>
internal delegate T? JsonModelReader<T>(ref Utf8JsonReader reader, bool requireMembers)
    where T : class;

/// <summary>
/// What the readers that build/templates/Class.Json.liquid generates call: each helper converts the reader's
/// current token, or fails with a <see cref="JsonReadFailure"/> naming what it expected. The tokenizer is
/// System.Text.Json's <see cref="Utf8JsonReader"/>, which reads RFC 8259 and nothing else: no comments, single
/// quotes, unquoted names, trailing commas, leading zeros, hex, <c>NaN</c>, raw control characters or content after
/// the value. Strings are decoded strictly (invalid UTF-8 and lone surrogates refused); a member twice in one object
/// is refused too (I-JSON, RFC 7493).
/// </summary>
internal static class PlaidJsonReader
{
    /// <summary>Deeper than any Plaid response; a deeper document is hostile and fails fast.</summary>
    internal const int MaxDepth = 64;

    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = MaxDepth,
    };

    /// <summary>How many bytes a leading UTF-8 byte order mark takes: 3, or 0 without one (RFC 8259 §8.1 lets a reader skip it).</summary>
    internal static int ByteOrderMarkLength(ReadOnlySpan<byte> utf8) => utf8.StartsWith("\uFEFF"u8) ? 3 : 0;

    /// <summary>
    /// The document in <paramref name="utf8"/> read by <paramref name="read"/>: null for an empty body or JSON null.
    /// </summary>
    /// <exception cref="PlaidJsonException">The body is not strict JSON, or does not fit the type.</exception>
    public static T? ReadDocument<T>(ReadOnlySpan<byte> utf8, JsonModelReader<T> read, bool requireMembers)
        where T : class
    {
        utf8 = utf8[ByteOrderMarkLength(utf8)..];
        if (utf8.IsEmpty)
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var value = reader.TokenType == JsonTokenType.Null ? null : read(ref reader, requireMembers);
            reader.Read(); // refuses content after the value
            return value;
        }
        catch (JsonReadFailure failure)
        {
            throw new PlaidJsonException(failure.Describe(JsonPath.At(utf8, failure.Offset)), failure);
        }
        catch (JsonException exception)
        {
            var offset = JsonPath.Offset(utf8, exception);
            throw new PlaidJsonException(JsonReadFailure.Invalid(WithoutPosition(exception.Message), offset).Describe(JsonPath.At(utf8, offset)), exception);
        }
        catch (InvalidOperationException exception)
        {
            // Utf8JsonReader decodes strings only when asked, and refuses invalid UTF-8 and lone surrogates then.
            var offset = reader.TokenStartIndex;
            throw new PlaidJsonException(JsonReadFailure.Invalid(exception.Message, offset).Describe(JsonPath.At(utf8, offset)), exception);
        }
    }

    /// <summary>Checks that the current token starts an object, for a generated type's reader.</summary>
    public static void StartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonReadFailure.Expected($"an object for {typeName}", ref reader);
        }
    }

    /// <summary>Moves to the next member's name; false at the end of the object.</summary>
    public static bool NextMember(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Refuses a member read before in the same object, then moves to its value.</summary>
    public static void FirstTime(ref Utf8JsonReader reader, ref bool seen)
    {
        if (seen)
        {
            throw JsonReadFailure.Twice(reader.GetString()!, reader.TokenStartIndex);
        }

        seen = true;
        reader.Read();
    }

    /// <summary>Moves into an array: true when the current token starts one, false for null.</summary>
    public static bool StartArray(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.StartArray => true,
            JsonTokenType.Null => false,
            _ => throw JsonReadFailure.Expected("an array", ref reader),
        };

    /// <summary>Moves to the next item of an array; false at its end.</summary>
    public static bool NextItem(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    /// <summary>A member the type does not name: kept with its value, unless the object had it already.</summary>
    public static void Unknown(ref Utf8JsonReader reader, IDictionary<string, object> members)
    {
        var offset = reader.TokenStartIndex;
        var name = reader.GetString()!;
        if (members.ContainsKey(name))
        {
            throw JsonReadFailure.Twice(name, offset);
        }

        reader.Read();
        members[name] = Any(ref reader)!;
    }

    public static string? String(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw JsonReadFailure.Expected("a string", ref reader),
        };

    public static bool? Boolean(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw JsonReadFailure.Expected("true or false", ref reader),
        };

    public static int? Int32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number))
        {
            throw JsonReadFailure.Expected("an integer", ref reader);
        }

        return number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw JsonReadFailure.At(reader.TokenStartIndex, path => $"The number at '{path}' is outside the range of a 32-bit integer: {number}.");
    }

    public static long? Int64(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when reader.TryGetInt64(out var number) => number,
            _ => throw JsonReadFailure.Expected("a 64-bit integer", ref reader),
        };

    /// <summary>A number as the exact decimal its text denotes; one that no decimal holds exactly is refused, not rounded.</summary>
    public static decimal? Decimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonReadFailure.Expected("a number", ref reader);
        }

        if (ExactDecimal.TryParse(reader.ValueSpan, out var value))
        {
            return value;
        }

        var text = System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
        throw JsonReadFailure.At(reader.TokenStartIndex, path => $"The number at '{path}' is outside the range or precision of a decimal: {text}.");
    }

    /// <summary>An ISO 8601 date-time; one without an offset is taken as UTC.</summary>
    public static DateTimeOffset? DateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTime(out var local) && local.Kind == DateTimeKind.Unspecified)
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        return reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
            ? value
            : throw JsonReadFailure.Expected("an ISO 8601 date-time", ref reader);
    }

    /// <summary>An extensible enum: any string, listed in the spec or not.</summary>
    public static T? Enum<T>(ref Utf8JsonReader reader)
        where T : struct, IExtensibleEnum<T>
    {
        const int LongestBufferedValue = 64;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when reader.ValueSpan.Length <= LongestBufferedValue:
                Span<char> text = stackalloc char[LongestBufferedValue];
                return default(T).FromWireText(text[..reader.CopyString(text)]);
            case JsonTokenType.String:
                return default(T).FromWireText(reader.GetString().AsSpan());
            default:
                throw JsonReadFailure.Expected($"a string for {typeof(T).Name}", ref reader);
        }
    }

    /// <summary>
    /// Any JSON value, as Newtonsoft.Json holds it in <c>AdditionalProperties</c>: a string, <see cref="bool"/>,
    /// <see cref="long"/>, else a <see cref="decimal"/> when one holds the number exactly, else a <see cref="JRaw"/>
    /// with its text (never rounded); an object or array as a <see cref="JObject"/> or <see cref="JArray"/>.
    /// </summary>
    public static object? Any(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new JObject();
                while (NextMember(ref reader))
                {
                    var offset = reader.TokenStartIndex;
                    var name = reader.GetString()!;
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
                while (NextItem(ref reader))
                {
                    items.Add(Token(Any(ref reader)));
                }

                return items;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.True or JsonTokenType.False:
                return reader.GetBoolean();
            case JsonTokenType.Number when reader.TryGetInt64(out var integer):
                return integer;
            case JsonTokenType.Number:
                return ExactDecimal.TryParse(reader.ValueSpan, out var number)
                    ? number
                    : new JRaw(System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()));
            default:
                return null;
        }
    }

    /// <summary>Refuses a required member absent from its object.</summary>
    public static Exception Missing(string member, string typeName, ref Utf8JsonReader reader) =>
        JsonReadFailure.At(reader.TokenStartIndex, _ => $"Required property '{member}' not found in JSON ({typeName}).");

    /// <summary>Refuses null for a member that cannot be null.</summary>
    public static Exception Null(string member, ref Utf8JsonReader reader) =>
        JsonReadFailure.At(reader.TokenStartIndex, path => $"Required property '{member}' expects a non-null value (at '{path}').");

    private static JToken Token(object? value) => value as JToken ?? new JValue(value);

    // Utf8JsonReader's message ends with its own " LineNumber: ... | BytePositionInLine: ...": the failure says the byte instead.
    private static string WithoutPosition(string message)
    {
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position < 0 ? message : message[..position];
    }
}
