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

    public static void Write(TextWriter output, Report report, OutputFormat format)
    {
        switch (format)
        {
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
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

public enum OutputFormat
{
    Text,
    Json,
    Markdown,
}
