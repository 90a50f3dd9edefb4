namespace Plaid.Generated;

/// <summary>
/// The member names of the client's contracts, so the reader hands Newtonsoft.Json the same string
/// instance for a known name instead of allocating one per member per response (as Newtonsoft's own
/// name table does for its text reader). Filled as contracts are resolved, which happens once per type.
/// </summary>
/// <remarks>
/// Copy on write: a published set is never modified, so lookups need no lock.
/// </remarks>
internal static class MemberNameTable
{
    private static readonly Lock WriteLock = new();
    private static HashSet<string> s_names = new(StringComparer.Ordinal);

    public static void Add(IEnumerable<string> names)
    {
        lock (WriteLock)
        {
            var larger = new HashSet<string>(s_names, StringComparer.Ordinal);
            larger.UnionWith(names);
            Volatile.Write(ref s_names, larger);
        }
    }

    /// <summary>The stored instance of <paramref name="name"/>, or a new string when the name is not a member name.</summary>
    public static string Get(ReadOnlySpan<char> name) =>
        Volatile.Read(ref s_names).GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var known) ? known : new string(name);
}
