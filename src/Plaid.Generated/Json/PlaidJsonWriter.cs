using System.Globalization;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated;

/// <summary>Implemented by every generated type (build/templates/Class.Json.liquid): it writes itself as Plaid's wire format.</summary>
internal interface IPlaidJsonModel
{
    void WriteJson(Utf8JsonWriter writer);

    /// <summary>The first required member left unset (null, or a blank string) as <c>CSharpName (json_name)</c>, or null.</summary>
    string? MissingRequiredMember();
}

/// <summary>What the writers that build/templates/Class.Json.liquid generates call.</summary>
internal static class PlaidJsonWriter
{
    /// <summary>Plaid's documented form, <c>YYYY-MM-DDTHH:mm:ssZ</c>, in UTC whatever offset the caller used.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
#if NET8_0_OR_GREATER
        Span<byte> text = stackalloc byte[20]; // "s" (yyyy-MM-ddTHH:mm:ss) has the runtime's fast path; a custom format does not
        value.UtcDateTime.TryFormat(text, out var written, "s", CultureInfo.InvariantCulture);
        text[written] = (byte)'Z';
        writer.WriteStringValue(text[..(written + 1)]);
#else
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
#endif
    }

    /// <summary>A value of <c>AdditionalProperties</c> or of a member the spec leaves untyped, as Newtonsoft.Json writes it.</summary>
    public static void WriteAny(Utf8JsonWriter writer, object? value)
    {
        if (value is IPlaidJsonModel model)
        {
            model.WriteJson(writer);
        }
        else
        {
            writer.WriteRawValue(value is JToken token ? token.ToString(Formatting.None) : JsonConvert.SerializeObject(value));
        }
    }
}
