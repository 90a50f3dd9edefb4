using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>What a member must hold, as the spec (openapi/processor-balance-get.yaml) types it, not as the generated code does.</summary>
internal enum Kind
{
    Any,
    String,
    Number,
    Integer,
    Boolean,
    DateTime,
    Object,
    Array,
    StringArray,
}

/// <summary>Whether a member must be there and whether null is one of its values.</summary>
internal enum Presence
{
    Required,
    RequiredNullable,
    Optional,
    OptionalNotNull,
}

internal sealed record Member(string Name, Kind Kind, Presence Presence, Member[]? Members = null)
{
    /// <summary>Null when <paramref name="value"/> is one this member takes; otherwise why not.</summary>
    public string? Check(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return Presence is Presence.Required or Presence.OptionalNotNull ? $"'{path}' is null" : null;
        }

        var fits = Kind switch
        {
            Kind.String => value.ValueKind == JsonValueKind.String,
            Kind.Number => value.ValueKind == JsonValueKind.Number && Schema.TryExactDecimal(value, out _),
            Kind.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            Kind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            Kind.DateTime => value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out _),
            Kind.Object => value.ValueKind == JsonValueKind.Object,
            Kind.Array => value.ValueKind == JsonValueKind.Array,
            Kind.Any => true,
            Kind.StringArray => value.ValueKind == JsonValueKind.Array
                && value.EnumerateArray().All(item => item.ValueKind is JsonValueKind.String or JsonValueKind.Null),
            _ => false,
        };
        if (!fits)
        {
            return $"'{path}' is not a {Kind}: {Schema.Shorten(value.GetRawText())}";
        }

        return Kind == Kind.Object && Members is not null ? Schema.Check(value, Members, path) : null;
    }
}

internal static class Schema
{
    /// <summary>A success body's and Plaid's error object's members, read from the client's spec when the tests run.</summary>
    public static readonly (Member[] BalanceResponse, Member[] PlaidError) FromSpec = SpecMembers.Read(SpecMembers.ClientSpecPath);

    public static Member[] BalanceResponse => FromSpec.BalanceResponse;

    public static Member[] PlaidError => FromSpec.PlaidError;

    private static readonly BigInteger MantissaLimit = BigInteger.One << 96;

    /// <summary>Null when <paramref name="element"/> is an object whose members fit <paramref name="members"/>.</summary>
    public static string? Check(JsonElement element, Member[] members, string path = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return $"'{(path.Length == 0 ? "(root)" : path)}' is not an object";
        }

        foreach (var member in members)
        {
            var memberPath = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            if (!element.TryGetProperty(member.Name, out var value))
            {
                if (member.Presence is Presence.Required or Presence.RequiredNullable)
                {
                    return $"required '{memberPath}' is absent";
                }

                continue;
            }

            if (member.Check(value, memberPath) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The names in <paramref name="element"/> that <paramref name="members"/> does not list: what lands in AdditionalProperties.</summary>
    public static IEnumerable<string> UnknownNames(JsonElement element, Member[] members) =>
        element.EnumerateObject().Select(member => member.Name).Where(name => members.All(known => known.Name != name));

    public static Member[] MembersOf(Member[] members, string name) => members.Single(member => member.Name == name).Members!;

    /// <summary>The decimal a JSON number denotes, when one holds it exactly (computed with <see cref="BigInteger"/>, not by the client's code).</summary>
    public static bool TryExactDecimal(JsonElement number, out decimal value)
    {
        value = 0;
        var text = number.GetRawText();
        var exponentAt = text.IndexOfAny(['e', 'E']);
        var exponent = exponentAt < 0 ? BigInteger.Zero : BigInteger.Parse(text[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var mantissaText = exponentAt < 0 ? text : text[..exponentAt];
        var pointAt = mantissaText.IndexOf('.', StringComparison.Ordinal);
        var fractionDigits = pointAt < 0 ? 0 : mantissaText.Length - pointAt - 1;
        var mantissa = BigInteger.Parse(mantissaText.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var negative = mantissa.Sign < 0 || text.StartsWith('-');
        mantissa = BigInteger.Abs(mantissa);
        if (mantissa.IsZero)
        {
            return true;
        }

        var power = exponent - fractionDigits;
        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            power++;
        }

        if (power > 29 || power < -28)
        {
            return false;
        }

        if (power > 0)
        {
            mantissa *= BigInteger.Pow(10, (int)power);
            power = 0;
        }

        if (mantissa >= MantissaLimit)
        {
            return false;
        }

        var bytes = mantissa.ToByteArray(isUnsigned: true, isBigEndian: false);
        Array.Resize(ref bytes, 12);
        value = new decimal(BitConverter.ToInt32(bytes, 0), BitConverter.ToInt32(bytes, 4), BitConverter.ToInt32(bytes, 8), negative, (byte)(int)-power);
        return true;
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
