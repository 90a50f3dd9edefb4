using System.Text.Json;

namespace Plaid.Generated;

/// <summary>
/// Why a generated reader stopped, and at which byte. The message waits for the path (<see cref="JsonPath.At"/>), worked
/// out only when a read fails, so a read that succeeds tracks no names.
/// </summary>
internal sealed class JsonReadFailure(long offset, Func<string, string> describe, Exception? cause = null) : Exception(null, cause)
{
    /// <summary>The text is not strict JSON (Utf8JsonReader's message, whose line and position the byte replaces), or breaks a rule of the wire.</summary>
    public static JsonReadFailure Invalid(string problem, long offset, Exception? cause = null) =>
        new(offset, path => $"Invalid JSON at byte {offset}{(path.Length == 0 ? "" : $" after '{path}'")}: {problem.Split([" LineNumber:"], StringSplitOptions.None)[0]}", cause);

    public static JsonReadFailure Twice(string member, long offset) =>
        Invalid($"The member '{member}' appears twice in one object, so which value applies is ambiguous.", offset);

    public static JsonReadFailure Expected(string what, ref Utf8JsonReader reader)
    {
        // Newtonsoft.Json's token names, which this client's messages have always used.
        var found = reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetInt64(out _) ? "Integer" : "Float",
            JsonTokenType.True or JsonTokenType.False => "Boolean",
            var other => other.ToString(),
        };
        return new(reader.TokenStartIndex, path => $"Expected {what} at '{path}', found {found}.");
    }

    public static JsonReadFailure NotDecimal(ref Utf8JsonReader reader)
    {
        var text = System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
        return new(reader.TokenStartIndex, path => $"The number at '{path}' is outside the range or precision of a decimal: {text}.");
    }

    public static JsonReadFailure Null(string member, ref Utf8JsonReader reader) =>
        new(reader.TokenStartIndex, path => $"Required property '{member}' expects a non-null value (at '{path}').");

    public PlaidJsonException ToException(ReadOnlySpan<byte> utf8) => new(describe(JsonPath.At(utf8, offset)), InnerException ?? this);
}

/// <summary>
/// A body that is not strict JSON, or JSON of another shape than the spec's. The message names the byte or the member
/// (<c>account.balances.current</c>); the client reports it in a <see cref="PlaidApiException"/>.
/// </summary>
internal sealed class PlaidJsonException(string message, Exception inner) : Exception(message, inner);
