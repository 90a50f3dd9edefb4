#if NET7_0_OR_GREATER
using Mantissa = System.UInt128;
#else
// netstandard2.0 has no 128-bit integer; BigInteger does the same arithmetic (allocating past 64 bits).
using Mantissa = System.Numerics.BigInteger;
#endif

namespace Plaid.Generated;

/// <summary>
/// Turns the text of a JSON number into the <see cref="decimal"/> it denotes, or fails when no
/// decimal holds it exactly (out of range, more than 28 decimal places, more digits than 96 bits).
/// <c>decimal.Parse</c> and <c>Utf8Parser</c> would round such a number silently.
/// </summary>
internal static class ExactDecimal
{
    private const int MaxScale = 28;
    private static readonly Mantissa MantissaLimit = Mantissa.One << 96;

    /// <param name="number">A valid RFC 8259 number (the reader has checked the grammar).</param>
    /// <param name="value">The number, when the result is true.</param>
    public static bool TryParse(ReadOnlySpan<byte> number, out decimal value)
    {
        value = 0;
        var negative = number[0] == (byte)'-';
        var digits = negative ? number[1..] : number;
        var exponentAt = digits.IndexOfAny((byte)'e', (byte)'E');
        var exponent = exponentAt < 0 ? 0 : ParseExponent(digits[(exponentAt + 1)..]);
        var mantissaText = exponentAt < 0 ? digits : digits[..exponentAt];
        var pointAt = mantissaText.IndexOf((byte)'.');
        var integerDigits = pointAt < 0 ? mantissaText.Length : pointAt;

        Mantissa mantissa = 0;
        var significant = 0;
        var pendingZeros = 0;
        var power = integerDigits; // power of ten of the digit about to be read, plus one
        var lastPower = 0;
        foreach (var character in mantissaText)
        {
            if (character == (byte)'.')
            {
                continue;
            }

            power--;
            if (character == (byte)'0')
            {
                pendingZeros += significant > 0 ? 1 : 0;
                continue;
            }

            significant += pendingZeros + 1;
            if (significant > 29)
            {
                return false;
            }

            mantissa = (mantissa * Pow10(pendingZeros + 1)) + (uint)(character - '0');
            pendingZeros = 0;
            lastPower = power;
        }

        if (significant == 0)
        {
            return true; // zero, whatever its exponent
        }

        var scale = -(lastPower + exponent);
        if (scale > MaxScale)
        {
            return false;
        }

        if (scale < 0)
        {
            if (significant - scale > 29)
            {
                return false;
            }

            mantissa *= Pow10(-scale);
            scale = 0;
        }

        // Keep the text's trailing zeros where they fit (110.10 stays 110.10, as decimal.Parse gives).
        var textScale = (mantissaText.Length - integerDigits - (pointAt < 0 ? 0 : 1)) - exponent;
        while (scale < textScale && scale < MaxScale && mantissa * 10 < MantissaLimit)
        {
            mantissa *= 10;
            scale++;
        }

        if (mantissa >= MantissaLimit)
        {
            return false;
        }

        value = new decimal(Bits(mantissa, 0), Bits(mantissa, 32), Bits(mantissa, 64), negative, (byte)scale);
        return true;
    }

    // Clamped: beyond ±100,000 every number with a significant digit is out of range either way.
    private static int ParseExponent(ReadOnlySpan<byte> text)
    {
        var negative = text[0] == (byte)'-';
        var exponent = 0;
        foreach (var character in text[(text[0] is (byte)'-' or (byte)'+' ? 1 : 0)..])
        {
            exponent = Math.Min((exponent * 10) + (character - '0'), 100_000);
        }

        return negative ? -exponent : exponent;
    }

    // Masked before the cast: BigInteger's conversion to uint checks the range, UInt128's truncates.
    private static int Bits(Mantissa mantissa, int shift) => (int)(uint)((mantissa >> shift) & uint.MaxValue);

    private static Mantissa Pow10(int exponent)
    {
        Mantissa result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
