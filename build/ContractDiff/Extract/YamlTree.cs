using System.Text.RegularExpressions;
using SharpYaml;
using SharpYaml.Serialization;

namespace ContractDiff.Extract;

/// <summary>A YAML (or JSON) document as a plain ordered tree, which is what extraction cuts and re-emits.</summary>
internal abstract class YamlTree
{
    /// <summary>Parses the single document of a YAML or JSON file.</summary>
    /// <exception cref="SpecLoadException">The file cannot be read or is not one YAML document of mappings, sequences and scalars.</exception>
    public static YamlTree Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SpecLoadException(path, exception.Message);
        }

        if (text.Length == 0)
        {
            throw new SpecLoadException(path, "the file is empty");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new SpecLoadException(path, $"not a readable YAML or JSON document ({exception.Message})");
        }

        if (stream.Documents.Count != 1)
        {
            throw new SpecLoadException(path, $"expected one YAML document, found {stream.Documents.Count}");
        }

        return From(path, stream.Documents[0].RootNode, depth: 0);
    }

    private static YamlTree From(string path, YamlNode node, int depth)
    {
        if (depth > YamlMap.MaxDepth)
        {
            throw new SpecLoadException(path, $"nested deeper than {YamlMap.MaxDepth} levels");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var map = new YamlMap();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new SpecLoadException(path, $"a mapping key at line {key.Start.Line} is not a scalar");
                    }

                    if (map.Has(name))
                    {
                        throw new SpecLoadException(path, $"the key '{name}' appears twice in one mapping (line {key.Start.Line})");
                    }

                    map.Set(name, From(path, value, depth + 1));
                }

                return map;
            case YamlSequenceNode sequence:
                return new YamlList(sequence.Children.Select(child => From(path, child, depth + 1)));
            case YamlScalarNode scalar:
                return YamlScalar.Parsed(scalar.Value ?? "", quoted: scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any));
            default:
                throw new SpecLoadException(path, $"unsupported YAML node at line {node.Start.Line} (aliases are not supported)");
        }
    }
}

/// <summary>A mapping; keys keep the order they were added in.</summary>
internal sealed class YamlMap : YamlTree
{
    public const int MaxDepth = 256;

    private readonly List<KeyValuePair<string, YamlTree>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, YamlTree>> Entries => _entries;

    public YamlTree? this[string key] => _entries.FirstOrDefault(entry => entry.Key == key).Value;

    public bool Has(string key) => _entries.Exists(entry => entry.Key == key);

    public string? Text(string key) => this[key] is YamlScalar { IsString: true } scalar ? scalar.Value : null;

    public void Set(string key, YamlTree value)
    {
        var at = _entries.FindIndex(entry => entry.Key == key);
        if (at >= 0)
        {
            _entries[at] = new(key, value);
        }
        else
        {
            _entries.Add(new(key, value));
        }
    }

    public void Remove(string key) => _entries.RemoveAll(entry => entry.Key == key);
}

internal sealed class YamlList(IEnumerable<YamlTree> items) : YamlTree
{
    public List<YamlTree> Items { get; } = [.. items];
}

/// <summary>A scalar: its text, and whether YAML reads it as a string (quoted, or plain text that is no number, bool or null).</summary>
internal sealed partial class YamlScalar : YamlTree
{
    private YamlScalar(string value, bool isString)
    {
        Value = value;
        IsString = isString;
    }

    public string Value { get; }

    public bool IsString { get; }

    public static YamlScalar String(string value) => new(value, isString: true);

    public static YamlScalar Parsed(string value, bool quoted) => new(value, quoted || !IsNonString(value));

    /// <summary>Whether plain text would be read as null, a bool or a number (YAML 1.1 or 1.2), so a string with it must be quoted.</summary>
    public static bool IsNonString(string plain) => NonString().IsMatch(plain);

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9][0-9_]*([eE][-+]?[0-9]+)?|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|\.(inf|Inf|INF))|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$")]
    private static partial Regex NonString();
}
