using System.Text;
using System.Text.RegularExpressions;

namespace Plaid.Generated.Tests.SecondOperation;

/// <summary>
/// Adds one operation of Plaid's spec, and every schema it reaches that the fragment lacks, to the fragment: a cut
/// by lines of the block-style YAML both files use. Plaid's prose stays out: descriptions and summaries become a
/// placeholder (a response must have one), examples and external docs are dropped.
/// </summary>
internal static partial class UpstreamOperationCut
{
    private const string Placeholder = "Cut from Plaid's spec by a test.";
    private static readonly HashSet<string> ProseKeys = ["description", "summary"];
    private static readonly HashSet<string> DroppedKeys = ["example", "examples", "externalDocs"];

    public static string AddTo(string fragment, string upstream, string path)
    {
        var fragmentLines = Lines(fragment);
        var upstreamLines = Lines(upstream);
        var known = SchemaNames(fragmentLines);

        var pathBlock = Block(upstreamLines, Section(upstreamLines, "paths:", 0), $"  {path}:");
        var schemaBlocks = new List<string>();
        var pending = new Queue<string>(References(pathBlock));
        while (pending.TryDequeue(out var name))
        {
            if (!known.Add(name))
            {
                continue;
            }

            var block = Block(upstreamLines, Section(upstreamLines, "  schemas:", Section(upstreamLines, "components:", 0)), $"    {name}:");
            schemaBlocks.Add(block);
            foreach (var reference in References(block))
            {
                pending.Enqueue(reference);
            }
        }

        var result = new List<string>(fragmentLines);
        result.InsertRange(Section(result, "  schemas:", Section(result, "components:", 0)) + 1, schemaBlocks.Select(WithoutProse));
        result.InsertRange(Section(result, "paths:", 0) + 1, [WithoutProse(pathBlock)]);
        return string.Join('\n', result);
    }

    private static List<string> Lines(string yaml) => [.. yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')];

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static int Section(List<string> lines, string header, int from)
    {
        var index = lines.FindIndex(from, line => line == header);
        return index >= 0 ? index : throw new InvalidOperationException($"'{header.Trim()}' not found.");
    }

    // A mapping entry: its key line and every following line indented deeper (or blank).
    private static string Block(List<string> lines, int sectionStart, string header)
    {
        var start = lines.FindIndex(sectionStart, line => line == header);
        if (start < 0)
        {
            throw new InvalidOperationException($"'{header.Trim()}' not found in Plaid's spec.");
        }

        var end = start + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || Indent(lines[end]) > Indent(header)))
        {
            end++;
        }

        return string.Join('\n', lines.GetRange(start, end - start));
    }

    private static HashSet<string> SchemaNames(List<string> lines)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var start = Section(lines, "  schemas:", Section(lines, "components:", 0)) + 1;
        for (var i = start; i < lines.Count && (lines[i].Trim().Length == 0 || Indent(lines[i]) >= 4); i++)
        {
            if (Indent(lines[i]) == 4 && lines[i].EndsWith(':'))
            {
                names.Add(lines[i].Trim().TrimEnd(':'));
            }
        }

        return names;
    }

    private static IEnumerable<string> References(string block) =>
        SchemaReference().Matches(block).Select(match => match.Groups[1].Value);

    private static string WithoutProse(string block)
    {
        var output = new StringBuilder();
        var parents = new Stack<(int Indent, string Key)>();
        var skipDeeperThan = -1;
        foreach (var line in block.Split('\n'))
        {
            var indent = Indent(line);
            if (skipDeeperThan >= 0 && (line.Trim().Length == 0 || indent > skipDeeperThan))
            {
                continue;
            }

            skipDeeperThan = -1;
            while (parents.Count > 0 && parents.Peek().Indent >= indent)
            {
                parents.Pop();
            }

            var key = MappingKey().Match(line) is { Success: true } match ? match.Groups[1].Value : null;
            var isMemberName = parents.Count > 0 && parents.Peek().Key == "properties";
            if (key is not null && !isMemberName && (ProseKeys.Contains(key) || DroppedKeys.Contains(key)))
            {
                skipDeeperThan = indent;
                if (ProseKeys.Contains(key))
                {
                    output.Append(' ', indent).Append(key).Append(": ").Append(Placeholder).Append('\n');
                }

                continue;
            }

            if (key is not null)
            {
                parents.Push((indent, key));
            }

            output.Append(line).Append('\n');
        }

        return output.ToString().TrimEnd('\n');
    }

    [GeneratedRegex(@"#/components/schemas/([A-Za-z0-9_]+)")]
    private static partial Regex SchemaReference();

    [GeneratedRegex(@"^ *([A-Za-z_$][A-Za-z0-9_$-]*):(?: |$)")]
    private static partial Regex MappingKey();
}
