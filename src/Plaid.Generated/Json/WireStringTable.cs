namespace Plaid.Generated;

/// <summary>
/// The strings the client's contracts know, member names and extensible-enum wire values, so the
/// reader hands Newtonsoft.Json the same string instance for them instead of allocating one per
/// response (as Newtonsoft's own name table does for member names in its text reader). Filled as
/// contracts and converters are created, which happens once per type.
/// </summary>
/// <remarks>
/// Copy on write: a published set is never modified, so lookups need no lock.
/// </remarks>
internal static class WireStringTable
{
    private static readonly object WriteLock = new();
    private static HashSet<string> s_strings = new(StringComparer.Ordinal);

    public static void Add(IEnumerable<string> strings)
    {
        lock (WriteLock)
        {
            var larger = new HashSet<string>(s_strings, StringComparer.Ordinal);
            larger.UnionWith(strings);
            Volatile.Write(ref s_strings, larger);
        }
    }

#if NET9_0_OR_GREATER
    /// <summary>The stored instance of <paramref name="text"/>, or a new string when the table does not hold it.</summary>
    public static string Get(ReadOnlySpan<char> text) =>
        Volatile.Read(ref s_strings).GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known) ? known : new string(text);
#else
    /// <summary>A new string: before .NET 9 a set cannot be searched by a span, so the lookup would cost the string it saves.</summary>
    public static string Get(ReadOnlySpan<char> text) => text.ToString();
#endif
}
