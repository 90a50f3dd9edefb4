using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Plaid.Generated;

/// <summary>
/// Turns the text of a JSON number into the <see cref="decimal"/> it denotes, or fails when no decimal holds it exactly
/// (out of range, a digit beyond 28 decimal places, more digits than 96 bits): <c>decimal.Parse</c> alone would round.
/// </summary>
internal static class ExactDecimal
{
    /// <param name="number">A valid RFC 8259 number (the reader has checked the grammar).</param>
    /// <param name="value">The number with the scale of its text, as <c>decimal.Parse</c> gives it; 0 for any zero.</param>
    public static bool TryParse(ReadOnlySpan<byte> number, out decimal value)
    {
        value = 0;
        var exponentAt = number.IndexOfAny((byte)'e', (byte)'E');
        var digits = (exponentAt < 0 ? number : number[..exponentAt])[(number[0] == (byte)'-' ? 1 : 0)..];
        var pointAt = digits.IndexOf((byte)'.');
        var integerDigits = pointAt < 0 ? digits.Length : pointAt;
        int first = 0, last = digits.Length - 1;
        while (first < digits.Length && digits[first] is (byte)'0' or (byte)'.')
        {
            first++;
        }

        if (first == digits.Length)
        {
            return true;
        }

        while (digits[last] is (byte)'0' or (byte)'.')
        {
            last--;
        }

        // How many significant digits, and the power of ten of the last one: what decides whether a decimal holds them.
        var significant = last - first + 1 - (pointAt > first && pointAt < last ? 1 : 0);
        var exponent = 0;
        if (exponentAt >= 0 && !Utf8Parser.TryParse(number[(exponentAt + 1)..], out exponent, out _))
        {
            return false; // beyond the range of int, so beyond a decimal's for any significant digit
        }

        var lastPower = (last < integerDigits ? integerDigits - last - 1 : integerDigits - last) + exponent;
        if (lastPower < -28 || significant + Math.Max(lastPower, 0) > 29)
        {
            return false;
        }

#if NET8_0_OR_GREATER
        var parsed = decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
#else
        var parsed = decimal.TryParse(Encoding.UTF8.GetString(number.ToArray()), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
#endif
        return parsed && (significant + Math.Max(lastPower, 0) <= 28 || SameDigits(value, digits[first..(last + 1)]));
    }

    // For 29 digits, which a decimal holds only below 2^96: did parsing round?
    private static bool SameDigits(decimal value, ReadOnlySpan<byte> significant)
    {
        var parsed = value.ToString(CultureInfo.InvariantCulture).Replace("-", "").Replace(".", "").Trim('0');
        return parsed == Encoding.ASCII.GetString(significant.ToArray()).Replace(".", "");
    }
}
