namespace ContractDiff;

/// <summary>One judged difference, as printed.</summary>
public sealed record Finding(string Rule, string Location, string Message);

/// <summary>A list of findings under a heading; <see cref="JsonName"/> is its key in <c>--format json</c>.</summary>
public sealed record ReportSection(string JsonName, string Heading, IReadOnlyList<Finding> Findings);

/// <summary>What a run found: the section that fails the check first, the informational one second.</summary>
public sealed record Report(string Title, ReportSection Failing, ReportSection Informational, bool InformationalFails = false)
{
    /// <summary>The compared specs' <c>info.version</c>, old and new (for a changelog entry).</summary>
    public (string? Old, string? New) SpecVersions { get; init; }

    /// <summary>The version bump a change report calls for: major (breaking), minor (non-breaking only), patch (none); null for drift.</summary>
    public VersionBump? Bump { get; init; }

    public bool Fails => Failing.Findings.Count > 0 || (InformationalFails && Informational.Findings.Count > 0);

    /// <summary>The breaking-change report of <c>--old</c> against <c>--new</c>.</summary>
    public static Report OfChanges(string title, IReadOnlyList<Difference> differences)
    {
        var report = Split(
            title, differences, fails: kind => Rules.For(kind).Breaking,
            ("breaking", "Breaking changes"), ("nonBreaking", "Non-breaking changes"));
        return report with
        {
            Bump = report.Failing.Findings.Count > 0 ? VersionBump.Major : report.Informational.Findings.Count > 0 ? VersionBump.Minor : VersionBump.Patch,
        };
    }

    /// <summary>
    /// The drift report of a fragment against what extract cuts from upstream: every difference fails. Members the
    /// fragment leaves out are listed apart from those that contradict upstream; <paramref name="places"/> are
    /// differences the contract judge does not read (examples, tags, vendor keys, formatting).
    /// </summary>
    public static Report OfDrift(string title, IReadOnlyList<Difference> differences, IReadOnlyList<Finding> places)
    {
        var split = Split(
            title, differences, fails: kind => !IsOmission(kind),
            ("disagreements", "Disagreements with upstream"), ("omissions", "Upstream members the fragment leaves out"));
        return split with
        {
            Failing = split.Failing with { Findings = [.. split.Failing.Findings, .. places] },
            InformationalFails = true,
        };
    }

    private static Report Split(
        string title,
        IReadOnlyList<Difference> differences,
        Func<DifferenceKind, bool> fails,
        (string JsonName, string Heading) failing,
        (string JsonName, string Heading) informational)
    {
        var findings = differences
            .Select(difference => (Fails: fails(difference.Kind), Finding: new Finding(Rules.For(difference.Kind).Name, difference.Location, difference.Message)))
            .ToList();
        return new Report(
            title,
            new ReportSection(failing.JsonName, failing.Heading, [.. findings.Where(entry => entry.Fails).Select(entry => entry.Finding)]),
            new ReportSection(informational.JsonName, informational.Heading, [.. findings.Where(entry => !entry.Fails).Select(entry => entry.Finding)]));
    }

    private static bool IsOmission(DifferenceKind kind) => kind is DifferenceKind.RequestPropertyRemoved
        or DifferenceKind.ResponsePropertyRemoved
        or DifferenceKind.RequestParameterRemoved
        or DifferenceKind.OperationRemoved
        or DifferenceKind.ErrorResponseRemoved
        or DifferenceKind.ResponseContentRemoved
        or DifferenceKind.ServerRemoved;
}

/// <summary>The semantic-version part a change calls for: breaking major, non-breaking minor, none patch.</summary>
public enum VersionBump
{
    Patch,
    Minor,
    Major,
}
