using System.Text.Json;

namespace Plaid.Generated;

/// <summary>Where a byte of a document is, for error messages only: worked out by reading the document again up to it.</summary>
internal static class JsonPath
{
    /// <summary>The path of the last token at or before <paramref name="offset"/>, as Newtonsoft.Json writes it (<c>causes[2].code</c>).</summary>
    public static string At(ReadOnlySpan<byte> utf8, long offset)
    {
        var open = new List<(string? Name, int Index)>(); // per open container: the member being read, or the array's item
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = PlaidJsonReader.MaxDepth });
        try
        {
            while (reader.Read() && reader.TokenStartIndex <= offset)
            {
                var token = reader.TokenType;
                if (open.Count > 0 && open[^1].Index >= -1 && token is not (JsonTokenType.EndArray or JsonTokenType.PropertyName))
                {
                    open[^1] = (null, open[^1].Index + 1);
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    open.Add((null, token == JsonTokenType.StartArray ? -1 : int.MinValue));
                }
                else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    open.RemoveAt(open.Count - 1);
                }
                else if (token == JsonTokenType.PropertyName)
                {
                    open[^1] = (reader.GetString(), int.MinValue);
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // The failure being described: the path so far is the answer.
        }

        return string.Concat(open.Select((entry, i) =>
            entry.Name is { } name ? (i == 0 || open.Take(i).All(e => e.Name is null && e.Index < 0) ? name : "." + name)
            : entry.Index >= 0 ? $"[{entry.Index}]" : ""));
    }

    /// <summary>The byte offset of a failure of <see cref="Utf8JsonReader"/>, which counts lines and bytes within the line.</summary>
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
