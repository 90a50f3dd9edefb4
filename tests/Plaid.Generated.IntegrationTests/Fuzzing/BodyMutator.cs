using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>Derives a hostile body from a valid one; every choice comes from the given <see cref="Random"/>, so a seed reproduces it.</summary>
internal sealed class BodyMutator(Random random)
{
    private static readonly string[] ExtremeNumbers =
        ["1e400", "-1e400", "1e-400", "-0", "123456789012345678901234567890", "0.1e1", "NaN", "Infinity", "01", "1.", "-"];

    private static readonly string[] NonFiniteLiterals = ["NaN", "Infinity", "-Infinity", "+Infinity", "nan"];

    private static readonly string[] Comments = [" /* fuzz */", " // fuzz\n", "/**/", " #fuzz\n"];

    // Valid JSON numbers the client must take in an unknown member, keeping their text.
    private static readonly string[] ValidOddNumbers = ["1e400", "-0", "1E+2", "-0.0e-0", "0.1000000000000000000000000000001", "123456789012345678901234567890"];

    private static readonly string[] Documents =
        ["", " ", "null", "[]", "{}", "\"account\"", "0", "true", "<html><body>502 Bad Gateway</body></html>", "{\"account\":null,\"request_id\":null}"];

    private static readonly int[] HugeLengths = [1_000, 65_536, 500_000, 1_100_000];

    private static readonly int[] NestingDepths = [10, 63, 65, 1_000, 10_000];

    public byte[] Mutate(string json, Mutation mutation) => mutation switch
    {
        Mutation.Truncate => Truncate(Encoding.UTF8.GetBytes(json)),
        Mutation.FlipBytes => FlipBytes(Encoding.UTF8.GetBytes(json)),
        Mutation.ReplaceDocument => Encoding.UTF8.GetBytes(Pick(Documents)),
        Mutation.DuplicateMember => Encoding.UTF8.GetBytes(DuplicateMember(JObject.Parse(json))),
        Mutation.UnquotedName => Encoding.UTF8.GetBytes(UnquotedName(JObject.Parse(json))),
        Mutation.TrailingComma => Encoding.UTF8.GetBytes(TrailingComma(JObject.Parse(json).ToString(Formatting.None))),
        _ => Encoding.UTF8.GetBytes(MutateTree(JObject.Parse(json), mutation).ToString(Formatting.None)),
    };

    private byte[] Truncate(byte[] body) => body[..random.Next(body.Length)];

    private byte[] FlipBytes(byte[] body)
    {
        for (var flips = random.Next(1, 5); flips > 0; flips--)
        {
            body[random.Next(body.Length)] ^= (byte)random.Next(1, 256);
        }

        return body;
    }

    private JObject MutateTree(JObject root, Mutation mutation)
    {
        var values = root.Descendants().Where(token => token is not JProperty).ToList();
        var properties = root.Descendants().OfType<JProperty>().ToList();
        switch (mutation)
        {
            case Mutation.SwapType:
                var target = Pick(values);
                target.Replace(RandomValue(except: target.Type));
                break;
            case Mutation.RemoveMember:
                Pick(properties).Remove();
                break;
            case Mutation.AddMember:
                var objects = root.DescendantsAndSelf().OfType<JObject>().ToList();
                var host = Pick(objects);
                host[$"fuzz_{random.Next(1000)}"] = RandomValue(except: null);
                break;
            case Mutation.HugeString:
                Pick(properties).Value = new string((char)random.Next('a', 'z' + 1), Pick(HugeLengths));
                break;
            case Mutation.DeepNesting:
                Pick(properties).Value = Nested(Pick(NestingDepths));
                break;
            case Mutation.ExtremeNumber:
                Pick(properties).Value = new JRaw(Pick(ExtremeNumbers));
                break;
            case Mutation.LeadingZero:
                var numbers = properties.Where(p => p.Value.Type is JTokenType.Integer or JTokenType.Float).ToList();
                var number = numbers.Count > 0 ? Pick(numbers) : Pick(properties);
                number.Value = new JRaw("0" + (number.Value.Type is JTokenType.Integer or JTokenType.Float ? number.Value.ToString(Formatting.None) : random.Next(100).ToString(CultureInfo.InvariantCulture)));
                break;
            case Mutation.HexNumber:
                Pick(properties).Value = new JRaw($"0x{random.Next(1, 4096):X}");
                break;
            case Mutation.NonFiniteLiteral:
                Pick(properties).Value = new JRaw(Pick(NonFiniteLiterals));
                break;
            case Mutation.ControlCharacter:
                var text = StringValued(properties);
                var quoted = JsonConvert.ToString(text.Value.ToString());
                text.Value = new JRaw(quoted.Insert(random.Next(1, quoted.Length), ((char)random.Next(0, 0x20)).ToString()));
                break;
            case Mutation.Comment:
                var commented = Pick(properties);
                commented.Value = new JRaw(commented.Value.ToString(Formatting.None) + Pick(Comments));
                break;
            case Mutation.SingleQuotes:
                var single = StringValued(properties);
                single.Value = new JRaw($"'{single.Value}'");
                break;
            case Mutation.CaseVariantName:
                var renamed = Pick(properties);
                renamed.Replace(new JProperty(CaseVariant(renamed.Name), renamed.Value));
                break;
            case Mutation.EchoCredential:
                Pick(properties).Value = $"echo {Pick(Credentials.All.ToArray())} echo";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, "not a tree mutation");
        }

        return root;
    }

    // JObject cannot hold a name twice, so the duplicate goes into the text right after the original.
    private string DuplicateMember(JObject root)
    {
        var property = Pick(root.Descendants().OfType<JProperty>().ToList());
        var original = property.ToString(Formatting.None);
        var duplicate = new JProperty(property.Name, RandomValue(except: null)).ToString(Formatting.None);
        var text = root.ToString(Formatting.None);
        var at = text.IndexOf(original, StringComparison.Ordinal);
        return text.Insert(at + original.Length, "," + duplicate);
    }

    private JToken RandomValue(JTokenType? except)
    {
        while (true)
        {
            JToken value = random.Next(10) switch
            {
                7 => new JRaw(Pick(ValidOddNumbers)),
                8 => new JObject { ["k"] = 1, ["K"] = 2, ["nested"] = new JObject { ["a"] = "x", ["A"] = "y" } },
                9 => new JValue("caf\u00e9 \n \"quoted\" \u0001"),
                0 => new JValue($"s{random.Next(1000)}"),
                1 => new JValue(random.Next(-1000, 1000)),
                2 => new JValue(random.NextDouble() * 1e6),
                3 => new JValue(random.Next(2) == 0),
                4 => JValue.CreateNull(),
                5 => new JObject { ["k"] = random.Next(10) },
                _ => new JArray(random.Next(10), "x"),
            };
            if (value.Type != except)
            {
                return value;
            }
        }
    }

    private JProperty StringValued(List<JProperty> properties)
    {
        var strings = properties.Where(p => p.Value.Type == JTokenType.String).ToList();
        return strings.Count > 0 ? Pick(strings) : Pick(properties);
    }

    private string CaseVariant(string name)
    {
        var letters = name.Select((c, i) => (c, i)).Where(x => char.IsLetter(x.c)).Select(x => x.i).ToList();
        if (letters.Count == 0)
        {
            return name + "X";
        }

        var chars = name.ToCharArray();
        var at = Pick(letters);
        chars[at] = char.IsUpper(chars[at]) ? char.ToLowerInvariant(chars[at]) : char.ToUpperInvariant(chars[at]);
        return new string(chars);
    }

    private string UnquotedName(JObject root)
    {
        var property = Pick(root.Descendants().OfType<JProperty>().ToList());
        var text = root.ToString(Formatting.None);
        var quoted = JsonConvert.ToString(property.Name) + ":";
        var at = text.IndexOf(quoted, StringComparison.Ordinal);
        return text.Remove(at, quoted.Length).Insert(at, property.Name + ":");
    }

    // A comma before a closing bracket that follows a value ("[1,]", "{\"a\":1,}").
    private string TrailingComma(string text)
    {
        var closers = Enumerable.Range(1, text.Length - 1).Where(i => text[i] is '}' or ']' && text[i - 1] is not ('{' or '[')).ToList();
        var at = Pick(closers);
        return text.Insert(at, ",");
    }

    private static JRaw Nested(int depth)
    {
        var text = new StringBuilder(depth * 8);
        for (var i = 0; i < depth; i++)
        {
            text.Append(i % 2 == 0 ? "{\"n\":" : "[");
        }

        text.Append('1');
        for (var i = depth - 1; i >= 0; i--)
        {
            text.Append(i % 2 == 0 ? '}' : ']');
        }

        return new JRaw(text.ToString());
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
