using Newtonsoft.Json;

namespace Plaid.Generated;

/// <summary>
/// Refuses an object that names the same member twice. RFC 8259 leaves such a document's meaning
/// open and parsers disagree on which value wins; a balance must not depend on that choice.
/// Names are compared ignoring case because Newtonsoft binds "Current" to <c>current</c> too.
/// </summary>
internal sealed class UniqueMemberJsonReader(TextReader reader) : JsonTextReader(reader)
{
    // Member names seen so far, per nesting depth; a level is cleared when its object ends.
    // Objects and member names always arrive through Read(), never through the ReadAsX value shortcuts.
    private readonly List<HashSet<string>> _membersByDepth = [];

    public override bool Read()
    {
        var read = base.Read();
        if (TokenType == JsonToken.PropertyName)
        {
            var name = (string)Value!;
            while (_membersByDepth.Count <= Depth)
            {
                _membersByDepth.Add(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            }

            if (!_membersByDepth[Depth].Add(name))
            {
                throw new JsonReaderException($"Duplicate member '{name}' at '{Path}': which value applies is ambiguous.");
            }
        }
        else if (TokenType == JsonToken.EndObject && Depth + 1 < _membersByDepth.Count)
        {
            _membersByDepth[Depth + 1].Clear();
        }

        return read;
    }
}
