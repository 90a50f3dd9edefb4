using System.Buffers;
using System.Text.Json;
using Newtonsoft.Json;
using JsonException = System.Text.Json.JsonException;

namespace Plaid.Generated;

/// <summary>
/// Hands Newtonsoft.Json (the binder) the tokens of System.Text.Json's <see cref="Utf8JsonReader"/>
/// (the parser), which reads RFC 8259 and nothing else: no comments, single quotes, unquoted names,
/// trailing commas, leading zeros, hex, <c>NaN</c>, raw control characters, invalid UTF-8 or content
/// after the value. It also refuses the same name twice in one object (I-JSON, RFC 7493).
/// </summary>
/// <remarks>
/// The body is already in memory, so each <see cref="Read"/> resumes a fresh <see cref="Utf8JsonReader"/>
/// (a ref struct, which a class cannot hold) from the saved state. A number becomes a <see cref="long"/>,
/// else a <see cref="decimal"/> when one holds it exactly, else a <see cref="JsonToken.Raw"/> token
/// with its text, so an unknown member keeps its exact value and a balance is never rounded.
/// </remarks>
internal sealed class Utf8JsonTokenReader : JsonReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = PlaidJson.MaxDepth,
    };

    private readonly ReadOnlyMemory<byte> _utf8;
    private JsonReaderState _state = new(Options);
    private int _consumed;
    private bool _readingDecimal;
    private bool _readingText;

    // The names of the objects being read, each object's from where it started: objects here have a
    // few dozen members, so a linear scan beats hashing. Both arrays are rented for the document.
    private string[] _names = ArrayPool<string>.Shared.Rent(32);
    private int[] _objectStarts = ArrayPool<int>.Shared.Rent(PlaidJson.MaxDepth + 1);
    private int _nameCount;
    private int _openObjects;

    /// <param name="utf8">The JSON text; a leading UTF-8 byte order mark is skipped, as RFC 8259 §8.1 allows.</param>
    public Utf8JsonTokenReader(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8[ByteOrderMarkLength(utf8.Span)..];
        MaxDepth = PlaidJson.MaxDepth;
    }

    /// <summary>How many bytes a leading UTF-8 byte order mark takes: 3, or 0 without one. The one place that knows it.</summary>
    internal static int ByteOrderMarkLength(ReadOnlySpan<byte> utf8) => utf8.StartsWith("\uFEFF"u8) ? 3 : 0;

    public override bool Read()
    {
        if (_consumed == _utf8.Length && _openObjects == 0 && TokenType == JsonToken.None)
        {
            return false; // an empty body: the caller reports it as such, not as a syntax error
        }

        var reader = new Utf8JsonReader(_utf8.Span[_consumed..], isFinalBlock: true, _state);
        try
        {
            if (!reader.Read())
            {
                _consumed = _utf8.Length;
                SetToken(JsonToken.None);
                return false;
            }

            SetToken(ref reader);
        }
        catch (JsonException exception)
        {
            throw Invalid(WithoutPosition(exception.Message), ErrorOffset(exception));
        }
        catch (InvalidOperationException exception)
        {
            // GetString refuses invalid UTF-8 and lone surrogates in strings and names.
            throw Invalid(exception.Message, _consumed + (int)reader.TokenStartIndex);
        }

        _consumed += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        return true;
    }

    // Typed reads take only their own JSON type: Newtonsoft would also turn "12" into 12 or 1 into "1".
    // Like Newtonsoft's own readers they answer null at the end of an array, which is how the
    // serializer reads the items of a typed array (string[], int[] ...): one call past the last item.
    public override string? ReadAsString()
    {
        _readingText = true; // free text (names, ids): not worth a table lookup
        try
        {
            return ReadTyped(JsonToken.String, "a string") ? (string?)Value : null;
        }
        finally
        {
            _readingText = false;
        }
    }

    public override bool? ReadAsBoolean() => ReadTyped(JsonToken.Boolean, "true or false") ? (bool)Value! : null;

    public override int? ReadAsInt32()
    {
        if (!ReadTyped(JsonToken.Integer, "an integer"))
        {
            return null;
        }

        return Value is long number && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw Unexpected($"The number at '{Path}' is outside the range of a 32-bit integer: {Value}.");
    }

    public override decimal? ReadAsDecimal()
    {
        _readingDecimal = true; // SetNumber then boxes the decimal once, not a long first
        try
        {
            if (!ReadValue())
            {
                return null;
            }
        }
        finally
        {
            _readingDecimal = false;
        }

        return TokenType switch
        {
            JsonToken.Float => (decimal)Value!,
            JsonToken.Raw => throw Unexpected($"The number at '{Path}' is outside the range or precision of a decimal: {Value}."),
            _ => throw Unexpected($"Expected a number at '{Path}', found {TokenType}."),
        };
    }

    private bool ReadTyped(JsonToken expected, string what)
    {
        if (!ReadValue())
        {
            return false;
        }

        return TokenType == expected ? true : throw Unexpected($"Expected {what} at '{Path}', found {TokenType}.");
    }

    /// <summary>Reads the next token; false when it holds no value: the end of the text, null, or the end of an array.</summary>
    private bool ReadValue() => Read() && TokenType is not (JsonToken.Null or JsonToken.EndArray);

    private JsonReaderException Unexpected(string message) => new(message, Path, 0, _consumed, null);

    public override void Close()
    {
        base.Close();
        var names = Interlocked.Exchange(ref _names, []);
        if (names.Length > 0)
        {
            ArrayPool<string>.Shared.Return(names, clearArray: true);
            ArrayPool<int>.Shared.Return(_objectStarts);
            _objectStarts = [];
        }
    }

    private void SetToken(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                _objectStarts[_openObjects++] = _nameCount;
                SetToken(JsonToken.StartObject);
                break;
            case JsonTokenType.EndObject:
                var start = _objectStarts[--_openObjects];
                Array.Clear(_names, start, _nameCount - start);
                _nameCount = start;
                SetToken(JsonToken.EndObject);
                break;
            case JsonTokenType.StartArray:
                SetToken(JsonToken.StartArray);
                break;
            case JsonTokenType.EndArray:
                SetToken(JsonToken.EndArray);
                break;
            case JsonTokenType.PropertyName:
                var name = TableString(ref reader);
                Remember(name, _consumed + (int)reader.TokenStartIndex);
                SetToken(JsonToken.PropertyName, name);
                break;
            case JsonTokenType.String:
                SetToken(JsonToken.String, _readingText ? reader.GetString() : TableString(ref reader));
                break;
            case JsonTokenType.Number:
                SetNumber(ref reader);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                SetToken(JsonToken.Boolean, reader.GetBoolean());
                break;
            default:
                SetToken(JsonToken.Null);
                break;
        }
    }

    // A member name or an enum's value: the table's instance when it has one. CopyString unescapes
    // and refuses invalid UTF-8 as GetString does, without the allocation.
    private static string TableString(ref Utf8JsonReader reader)
    {
        const int LongestBufferedString = 64;
        if (reader.ValueSpan.Length > LongestBufferedString)
        {
            return reader.GetString()!;
        }

        Span<char> text = stackalloc char[LongestBufferedString];
        return WireStringTable.Get(text[..reader.CopyString(text)]);
    }

    private void SetNumber(ref Utf8JsonReader reader)
    {
        if (!_readingDecimal && reader.TryGetInt64(out var integer))
        {
            SetToken(JsonToken.Integer, integer);
        }
        else if (ExactDecimal.TryParse(reader.ValueSpan, out var number))
        {
            SetToken(JsonToken.Float, number);
        }
        else
        {
            SetToken(JsonToken.Raw, System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    private void Remember(string name, int offset)
    {
        for (var i = _objectStarts[_openObjects - 1]; i < _nameCount; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                throw Invalid($"The member '{name}' appears twice in one object, so which value applies is ambiguous.", offset);
            }
        }

        if (_nameCount == _names.Length)
        {
            var larger = ArrayPool<string>.Shared.Rent(_names.Length * 2);
            _names.AsSpan(0, _nameCount).CopyTo(larger);
            ArrayPool<string>.Shared.Return(_names, clearArray: true);
            _names = larger;
        }

        _names[_nameCount++] = name;
    }

    private JsonReaderException Invalid(string problem, int offset)
    {
        var after = string.IsNullOrEmpty(Path) ? "" : $" after '{Path}'";
        return new JsonReaderException($"Invalid JSON at byte {offset}{after}: {problem}", Path, 0, offset, null);
    }

    // Its position is relative to where this Read resumed the reader; Invalid gives the absolute one.
    private static string WithoutPosition(string message)
    {
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position < 0 ? message : message[..position];
    }

    // Utf8JsonReader counts lines and positions from where this Read resumed it.
    private int ErrorOffset(JsonException exception)
    {
        var rest = _utf8.Span[_consumed..];
        var lineStart = 0;
        for (var line = 0L; line < exception.LineNumber && lineStart < rest.Length; line++)
        {
            var newline = rest[lineStart..].IndexOf((byte)'\n');
            lineStart = newline < 0 ? rest.Length : lineStart + newline + 1;
        }

        return _consumed + lineStart + (int)(exception.BytePositionInLine ?? 0);
    }
}
