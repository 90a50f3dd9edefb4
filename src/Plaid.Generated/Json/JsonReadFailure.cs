using System.Text.Json;

namespace Plaid.Generated;

/// <summary>
/// Why a generated reader stopped, and at which byte. The message waits for the path (<see cref="JsonPath.At"/>),
/// which is worked out only when a read fails, so a read that succeeds tracks no names.
/// </summary>
internal sealed class JsonReadFailure(long offset, Func<string, string> describe) : Exception
{
    public long Offset { get; } = offset;

    /// <summary>The message, given the JSON path of the token at <see cref="Offset"/>.</summary>
    public string Describe(string path) => describe(path);

    public static JsonReadFailure At(long offset, Func<string, string> describe) => new(offset, describe);

    /// <summary>The text is not strict JSON, or breaks a rule of the wire (a member twice).</summary>
    public static JsonReadFailure Invalid(string problem, long offset) =>
        new(offset, path => $"Invalid JSON at byte {offset}{(path.Length == 0 ? "" : $" after '{path}'")}: {problem}");

    public static JsonReadFailure Twice(string member, long offset) =>
        Invalid($"The member '{member}' appears twice in one object, so which value applies is ambiguous.", offset);

    public static JsonReadFailure Expected(string what, ref Utf8JsonReader reader)
    {
        var found = TokenName(ref reader);
        return new(reader.TokenStartIndex, path => $"Expected {what} at '{path}', found {found}.");
    }

    // The token names Newtonsoft.Json uses, which earlier messages of this client used too.
    private static string TokenName(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.TryGetInt64(out _) ? "Integer" : "Float",
        JsonTokenType.True or JsonTokenType.False => "Boolean",
        var other => other.ToString(),
    };
}

/// <summary>
/// A failure to read a body as the type the spec gives it: not strict JSON, or JSON of another shape. The message
/// names the byte or the member (<c>account.balances.current</c>); the client reports it in a <see cref="PlaidApiException"/>.
/// </summary>
internal sealed class PlaidJsonException(string message, Exception inner) : Exception(message, inner);
