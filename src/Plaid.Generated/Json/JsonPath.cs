using System.Text;
using System.Text.Json;

namespace Plaid.Generated;

/// <summary>Where a byte of a document is, for error messages only: worked out by reading the document again up to it.</summary>
internal static class JsonPath
{
    /// <summary>
    /// The path of the last token that starts at or before <paramref name="offset"/>, written as Newtonsoft.Json
    /// writes paths (<c>account.balances.current</c>, <c>causes[2]</c>); empty at the root.
    /// </summary>
    public static string At(ReadOnlySpan<byte> utf8, long offset)
    {
        var names = new List<string?>(); // per open container: the member being read, or null in an array
        var indexes = new List<int>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = PlaidJsonReader.MaxDepth });
        try
        {
            while (reader.Read() && reader.TokenStartIndex <= offset)
            {
                var inArray = names.Count > 0 && names[^1] is null && indexes[^1] >= -1;
                if (inArray && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.PropertyName))
                {
                    indexes[^1]++;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Add(null);
                        indexes.Add(int.MinValue); // an object: no index
                        break;
                    case JsonTokenType.StartArray:
                        names.Add(null);
                        indexes.Add(-1);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.RemoveAt(names.Count - 1);
                        indexes.RemoveAt(indexes.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        names[^1] = reader.GetString();
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // The failure being described: the path so far is the answer.
        }

        var path = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] is { } name)
            {
                path.Append(path.Length == 0 ? "" : ".").Append(name);
            }
            else if (indexes[i] >= 0)
            {
                path.Append('[').Append(indexes[i]).Append(']');
            }
        }

        return path.ToString();
    }

    /// <summary>The absolute byte offset of a failure of <see cref="Utf8JsonReader"/>, which counts lines and bytes within the line.</summary>
    public static long Offset(ReadOnlySpan<byte> utf8, JsonException exception)
    {
        var lineStart = 0;
        for (var line = 0L; line < exception.LineNumber && lineStart < utf8.Length; line++)
        {
            var newline = utf8[lineStart..].IndexOf((byte)'\n');
            lineStart = newline < 0 ? utf8.Length : lineStart + newline + 1;
        }

        return lineStart + (exception.BytePositionInLine ?? 0);
    }
}
