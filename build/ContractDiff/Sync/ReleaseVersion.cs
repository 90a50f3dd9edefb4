using System.Globalization;
using System.Text.RegularExpressions;

namespace ContractDiff.Sync;

/// <summary>A library version <c>MAJOR.MINOR.PATCH[-prerelease]</c>, as <c>&lt;Version&gt;</c> and the baseline's VERSION hold it.</summary>
internal sealed partial record ReleaseVersion(int Major, int Minor, int Patch, string? Prerelease) : IComparable<ReleaseVersion>
{
    /// <exception cref="SyncStepException">The text is not such a version.</exception>
    public static ReleaseVersion Parse(string text, string source)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new SyncStepException($"{source} is '{text.Trim()}', not a version MAJOR.MINOR.PATCH");
        }

        return new ReleaseVersion(Number(match, "major"), Number(match, "minor"), Number(match, "patch"), match.Groups["pre"].Success ? match.Groups["pre"].Value : null);
    }

    /// <summary>The least version that makes the bump over this one.</summary>
    public ReleaseVersion Next(VersionBump bump) => bump switch
    {
        VersionBump.Major => new(Major + 1, 0, 0, null),
        VersionBump.Minor => new(Major, Minor + 1, 0, null),
        _ => new(Major, Minor, Patch + 1, null),
    };

    /// <summary>Whether <paramref name="candidate"/> makes at least the bump over this version.</summary>
    public bool IsSatisfiedBy(ReleaseVersion candidate, VersionBump bump) => bump switch
    {
        VersionBump.Major => candidate.Major > Major,
        VersionBump.Minor => candidate.Major > Major || (candidate.Major == Major && candidate.Minor > Minor),
        _ => candidate.CompareTo(this) > 0,
    };

    public int CompareTo(ReleaseVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byNumbers = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        return byNumbers != 0 ? byNumbers
            : (Prerelease, other.Prerelease) switch
            {
                (null, null) => 0,
                (null, _) => 1, // 1.0.0 follows 1.0.0-beta
                (_, null) => -1,
                _ => string.CompareOrdinal(Prerelease, other.Prerelease),
            };
    }

    public override string ToString() => Prerelease is null ? $"{Major}.{Minor}.{Patch}" : $"{Major}.{Minor}.{Patch}-{Prerelease}";

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<major>0|[1-9][0-9]{0,8})\.(?<minor>0|[1-9][0-9]{0,8})\.(?<patch>0|[1-9][0-9]{0,8})(?:-(?<pre>[0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
