namespace ContractDiff;

/// <summary>One judged difference, as printed.</summary>
public sealed record Finding(string Rule, string Location, string Message);

/// <summary>A list of findings under a heading; <see cref="JsonName"/> is its key in <c>--format json</c>.</summary>
public sealed record ReportSection(string JsonName, string Heading, IReadOnlyList<Finding> Findings);

/// <summary>What a run found: the section that fails the check first, the informational one second.</summary>
public sealed record Report(string Title, ReportSection Failing, ReportSection Informational)
{
    public bool Fails => Failing.Findings.Count > 0;

    /// <summary>The breaking-change report of <c>--old</c> against <c>--new</c>.</summary>
    public static Report OfChanges(string title, IReadOnlyList<Difference> differences)
    {
        var judged = differences.Select(difference => (Rule: Rules.For(difference.Kind), difference)).ToList();
        return new Report(
            title,
            new ReportSection("breaking", "Breaking changes", Findings(judged.Where(entry => entry.Rule.Breaking))),
            new ReportSection("nonBreaking", "Non-breaking changes", Findings(judged.Where(entry => !entry.Rule.Breaking))));
    }

    /// <summary>
    /// The drift report of a fragment against the upstream spec it was cut from: anything upstream has that the
    /// fragment leaves out is an omission (reported); anything else that differs contradicts upstream (fails).
    /// </summary>
    public static Report OfDrift(string title, IReadOnlyList<Difference> differences)
    {
        var judged = differences.Select(difference => (Rule: Rules.For(difference.Kind), difference)).ToList();
        return new Report(
            title,
            new ReportSection("disagreements", "Disagreements with upstream", Findings(judged.Where(entry => !IsOmission(entry.difference.Kind)))),
            new ReportSection("omissions", "Upstream members the fragment leaves out", Findings(judged.Where(entry => IsOmission(entry.difference.Kind)))));
    }

    private static bool IsOmission(DifferenceKind kind) => kind is DifferenceKind.RequestPropertyRemoved
        or DifferenceKind.ResponsePropertyRemoved
        or DifferenceKind.RequestParameterRemoved
        or DifferenceKind.OperationRemoved
        or DifferenceKind.ErrorResponseRemoved
        or DifferenceKind.ResponseContentRemoved
        or DifferenceKind.ServerRemoved;

    private static List<Finding> Findings(IEnumerable<(Rule Rule, Difference Difference)> judged) =>
        judged.Select(entry => new Finding(entry.Rule.Name, entry.Difference.Location, entry.Difference.Message)).ToList();
}
