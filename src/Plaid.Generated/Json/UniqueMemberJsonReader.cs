using Newtonsoft.Json;

namespace Plaid.Generated;

/// <summary>
/// Refuses an object that names the same member twice. RFC 8259 leaves such a document's meaning
/// open and parsers disagree on which value wins; a balance must not depend on that choice.
/// Names are compared ignoring case because Newtonsoft binds "Current" to <c>current</c> too.
/// </summary>
/// <remarks>
/// The names of the objects being read sit in one list, each object's from where it started; objects
/// here have a few dozen members, so a linear scan beats hashing, and the buffers are kept per thread
/// (a success body is read synchronously, start to end, on one thread) so a call allocates nothing.
/// </remarks>
internal sealed class UniqueMemberJsonReader : JsonTextReader
{
    [ThreadStatic]
    private static string[]? t_spareNames;

    [ThreadStatic]
    private static int[]? t_spareStarts;

    private string[] _names;
    private readonly int[] _objectStarts;
    private int _nameCount;
    private int _openObjects;

    public UniqueMemberJsonReader(TextReader reader)
        : base(reader)
    {
        _names = t_spareNames ?? new string[32];
        _objectStarts = t_spareStarts ?? new int[PlaidJson.MaxDepth + 2];
        t_spareNames = null;
        t_spareStarts = null;
    }

    public override bool Read()
    {
        var read = base.Read();
        switch (TokenType)
        {
            case JsonToken.StartObject when _openObjects < _objectStarts.Length:
                _objectStarts[_openObjects++] = _nameCount;
                break;
            case JsonToken.EndObject when _openObjects > 0:
                var start = _objectStarts[--_openObjects];
                Array.Clear(_names, start, _nameCount - start);
                _nameCount = start;
                break;
            case JsonToken.PropertyName:
                Remember((string)Value!);
                break;
        }

        return read;
    }

    public override void Close()
    {
        base.Close();
        if (_names.Length > 0)
        {
            Array.Clear(_names, 0, _nameCount);
            t_spareNames = _names;
            t_spareStarts = _objectStarts;
            _names = [];
            _nameCount = 0;
        }
    }

    private void Remember(string name)
    {
        var start = _openObjects > 0 ? _objectStarts[_openObjects - 1] : 0;
        for (var i = start; i < _nameCount; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                throw new JsonReaderException($"Duplicate member '{name}' at '{Path}': which value applies is ambiguous.");
            }
        }

        if (_nameCount == _names.Length)
        {
            Array.Resize(ref _names, Math.Max(32, _names.Length * 2));
        }

        _names[_nameCount++] = name;
    }
}
