namespace ContractDiff.Sync;

/// <summary>
/// What a sync found, for a person reviewing it (<c>sync --report FILE</c>; the spec watch's pull request body): what
/// needs a person, the version bump, the breaking and non-breaking changes, the public API, the members to describe,
/// and the draft CHANGELOG entry. <see cref="SpecSync"/> fills it step by step; a step that did not run leaves its
/// part empty, and the report says the step was not reached.
/// </summary>
internal sealed class SyncReport
{
    public string? Upstream { get; set; }

    /// <summary>The fragment's <c>info.version</c> before the sync (the Plaid spec it followed).</summary>
    public string? FragmentVersion { get; set; }

    /// <summary>Upstream's <c>info.version</c>.</summary>
    public string? UpstreamVersion { get; set; }

    /// <summary>The contract diff of the released baseline against the synced fragment.</summary>
    public Report? Contract { get; set; }

    public ReleaseVersion? Released { get; set; }

    public ReleaseVersion? Current { get; set; }

    public bool VersionSatisfied { get; set; }

    /// <summary>Null: the public API was not compared; empty: equal to the approved file; else the test's message.</summary>
    public IReadOnlyList<string>? PublicApiChange { get; set; }

    public IReadOnlyList<string>? Undescribed { get; set; }

    /// <summary>The draft CHANGELOG.md entry.</summary>
    public string? Changelog { get; set; }

    public void Write(TextWriter output, SyncResult result)
    {
        var was = FragmentVersion is null || FragmentVersion == UpstreamVersion ? "" : $" (was `{FragmentVersion}`)";
        output.WriteLine($"## Follow Plaid's spec `{UpstreamVersion ?? "(unread)"}`{was}");
        output.WriteLine();
        output.WriteLine($"`ContractDiff sync` of `{Upstream}` into `openapi/processor-balance-get.yaml`: exit {(int)result.Outcome}, {Outcome(result.Outcome)}.");

        output.WriteLine();
        output.WriteLine(result.Outcome == SyncOutcome.StepFailed ? "### A step could not run" : "### What needs a person");
        output.WriteLine();
        if (result.Reasons.Count == 0)
        {
            output.WriteLine("Nothing: review the fragment's diff and merge it with the CHANGELOG entry below.");
        }

        foreach (var reason in result.Reasons)
        {
            output.WriteLine($"- [ ] {reason}");
        }

        output.WriteLine();
        output.WriteLine("### Version bump");
        output.WriteLine();
        if (Contract?.Bump is { } bump && Released is not null)
        {
            var name = bump.ToString().ToLowerInvariant();
            var satisfied = Current is null ? "" : VersionSatisfied
                ? $"; `<Version>` is {Current}: satisfied"
                : $"; `<Version>` is {Current}: **not satisfied**, raise it in `src/Directory.Build.props`";
            output.WriteLine($"**{name}**: {Why(bump)} over the released {Released} (`build/contract-baseline/VERSION`) call for at least {Released.Next(bump)}{satisfied}.");
        }
        else
        {
            output.WriteLine(NotReached);
        }

        var sections = Contract is null ? [] : new[] { Contract.Failing, Contract.Informational };
        foreach (var section in sections)
        {
            output.WriteLine();
            output.WriteLine($"### {section.Heading}: {(section.Findings.Count == 0 ? "none" : section.Findings.Count)}");
            if (section.Findings.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("| Rule | Location | Change |");
                output.WriteLine("|---|---|---|");
                foreach (var finding in section.Findings)
                {
                    output.WriteLine($"| `{finding.Rule}` | `{Cell(finding.Location)}` | {Cell(finding.Message)} |");
                }
            }
        }

        if (Contract is null)
        {
            output.WriteLine();
            output.WriteLine("### Contract diff");
            output.WriteLine();
            output.WriteLine(NotReached);
        }

        output.WriteLine();
        output.WriteLine("### Public API of Plaid.Generated");
        output.WriteLine();
        output.WriteLine(PublicApiChange switch
        {
            null => NotReached,
            [] => "Equal to the approved file.",
            var change => $"Changed: re-approve it if intended.\n\n```\n{string.Join('\n', change)}\n```",
        });

        output.WriteLine();
        output.WriteLine("### Members that need a description");
        output.WriteLine();
        output.WriteLine(Undescribed switch
        {
            null => NotReached,
            [] => "None.",
            var places => string.Join('\n', places.Select(place => $"- `{place}`")),
        });

        if (Changelog is not null)
        {
            output.WriteLine();
            output.WriteLine("### Draft CHANGELOG.md entry");
            output.WriteLine();
            output.WriteLine("```markdown");
            output.WriteLine(Changelog.TrimEnd());
            output.WriteLine("```");
        }
    }

    private const string NotReached = "Not reached (see above).";

    private static string Outcome(SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.NothingToDo => "nothing needs a person",
        SyncOutcome.NeedsPerson => "a person is needed",
        _ => "a step could not run",
    };

    private static string Why(VersionBump bump) => bump switch
    {
        VersionBump.Major => "breaking changes",
        VersionBump.Minor => "non-breaking changes only",
        _ => "no contract change",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
