using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContractDiff;

/// <summary>Prints a <see cref="Report"/> as text (a terminal, a CI log), Markdown (a PR comment) or JSON (tools).</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, Report report, OutputFormat format, string? libraryVersion = null)
    {
        switch (format)
        {
            case OutputFormat.Changelog:
                WriteChangelog(output, report, libraryVersion);
                break;
            case OutputFormat.Json:
                WriteJson(output, report);
                break;
            case OutputFormat.Markdown:
                WriteMarkdown(output, report);
                break;
            default:
                WriteText(output, report);
                break;
        }
    }

    private static void WriteJson(TextWriter output, Report report)
    {
        var document = new Dictionary<string, IReadOnlyList<Finding>>
        {
            [report.Failing.JsonName] = report.Failing.Findings,
            [report.Informational.JsonName] = report.Informational.Findings,
        };
        output.WriteLine(JsonSerializer.Serialize(document, JsonOptions));
    }

    private static void WriteText(TextWriter output, Report report)
    {
        output.WriteLine(report.Title);
        foreach (var section in new[] { report.Failing, report.Informational })
        {
            output.WriteLine($"{section.Heading}: {(section.Findings.Count == 0 ? "none" : section.Findings.Count)}");
            foreach (var finding in section.Findings)
            {
                output.WriteLine($"  [{finding.Rule}] {finding.Location}");
                output.WriteLine($"      {finding.Message}");
            }
        }

        if (report.Bump?.ToString().ToLowerInvariant() is { } bump)
        {
            output.WriteLine($"Version bump: {bump}");
        }
    }

    private static void WriteMarkdown(TextWriter output, Report report)
    {
        output.WriteLine($"### {report.Title}");
        foreach (var section in new[] { report.Failing, report.Informational })
        {
            output.WriteLine();
            output.WriteLine($"**{section.Heading}: {(section.Findings.Count == 0 ? "none" : section.Findings.Count)}**");
            if (section.Findings.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine("| Rule | Location | Change |");
            output.WriteLine("|---|---|---|");
            foreach (var finding in section.Findings)
            {
                output.WriteLine($"| `{finding.Rule}` | `{Cell(finding.Location)}` | {Cell(finding.Message)} |");
            }
        }

        if (report.Bump?.ToString().ToLowerInvariant() is { } bump)
        {
            output.WriteLine();
            output.WriteLine($"**Version bump: {bump}**");
        }
    }

    /// <summary>
    /// A draft CHANGELOG.md entry: the library version, the Plaid spec it follows, and the changes by class
    /// (breaking; non-breaking additions; other non-breaking changes).
    /// </summary>
    private static void WriteChangelog(TextWriter output, Report report, string? libraryVersion)
    {
        output.WriteLine($"## {libraryVersion ?? "(next version)"}");
        output.WriteLine();
        var (oldSpec, newSpec) = report.SpecVersions;
        output.WriteLine(oldSpec == newSpec
            ? $"Generated from Plaid's spec `{newSpec}` (unchanged)."
            : $"Generated from Plaid's spec `{newSpec}` (was `{oldSpec}`).");
        var nonBreaking = report.Informational.Findings;
        var groups = new (string Heading, IEnumerable<Finding> Findings)[]
        {
            ("Breaking", report.Failing.Findings),
            ("Added", nonBreaking.Where(IsAddition)),
            ("Changed", nonBreaking.Where(finding => !IsAddition(finding))),
        };
        foreach (var (heading, findings) in groups.Where(group => group.Findings.Any()))
        {
            output.WriteLine();
            output.WriteLine($"### {heading}");
            output.WriteLine();
            foreach (var finding in findings)
            {
                var where = finding.Location.Split(": ", 2)[0];
                output.WriteLine($"- {finding.Message} ({where})");
            }
        }

        if (report.Failing.Findings.Count + nonBreaking.Count == 0)
        {
            output.WriteLine();
            output.WriteLine("No change to the contract.");
        }
    }

    private static bool IsAddition(Finding finding) =>
        finding.Rule.EndsWith("-added", StringComparison.Ordinal) || finding.Rule.EndsWith(".added", StringComparison.Ordinal) // path.added, operation.added
        || finding.Rule.EndsWith("added-optional", StringComparison.Ordinal)
        || finding.Rule == "request.widened";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

public enum OutputFormat
{
    Text,
    Json,
    Markdown,
    Changelog,
}
