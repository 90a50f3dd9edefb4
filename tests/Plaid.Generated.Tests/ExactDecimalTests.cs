using System.Globalization;
using System.Numerics;
using System.Text;

namespace Plaid.Generated.Tests;

/// <summary>
/// The balance parser against an independent reference (the number's digits and exponent in <see cref="BigInteger"/>
/// arithmetic): the same numbers are refused, and an accepted one has the value and the scale decimal.Parse gives it.
/// </summary>
public class ExactDecimalTests
{
    [Test]
    public void Random_numbers_agree_with_an_exact_reference([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 20_000; i++)
        {
            var text = RandomNumber(random);

            var accepted = ExactDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var value);

            var exact = Reference(text, out var expected);
            Assert.That(accepted, Is.EqualTo(exact), text);
            if (exact && expected != 0)
            {
                Assert.That(value, Is.EqualTo(expected), text);
                Assert.That(value.ToString(CultureInfo.InvariantCulture),
                    Is.EqualTo(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)), text);
            }
        }
    }

    private static string RandomNumber(Random random)
    {
        var text = new StringBuilder(random.Next(4) == 0 ? "-" : "");
        var integer = random.Next(5) == 0 ? "0" : Digits(random, random.Next(1, 32)).TrimStart('0');
        text.Append(integer.Length == 0 ? "0" : integer);
        if (random.Next(2) == 0)
        {
            text.Append('.').Append(Digits(random, random.Next(1, 35)));
        }

        if (random.Next(3) == 0)
        {
            text.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(3) switch { 0 => "-", 1 => "+", _ => "" }).Append(random.Next(0, 40));
        }

        return text.ToString();
    }

    private static string Digits(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + (random.Next(3) == 0 ? 0 : random.Next(10)))));

    // value = mantissa * 10^power, exactly; a decimal holds it when the trailing-zero-free mantissa fits 96 bits at a scale of 0..28.
    private static bool Reference(string text, out decimal value)
    {
        value = 0;
        var exponentAt = text.IndexOfAny(['e', 'E']);
        var power = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var mantissaText = (exponentAt < 0 ? text : text[..exponentAt]).TrimStart('-');
        var pointAt = mantissaText.IndexOf('.', StringComparison.Ordinal);
        power -= pointAt < 0 ? 0 : mantissaText.Length - pointAt - 1;
        var mantissa = BigInteger.Parse(mantissaText.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        if (mantissa.IsZero)
        {
            return true;
        }

        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            power++;
        }

        if (power < -28)
        {
            return false;
        }

        var whole = power > 0 ? mantissa * BigInteger.Pow(10, power) : mantissa;
        if (whole >= BigInteger.One << 96)
        {
            return false;
        }

        value = (decimal)whole / (power < 0 ? (decimal)BigInteger.Pow(10, -power) : 1m);
        value = text.StartsWith('-') ? -value : value;
        return true;
    }
}
