using System.Text;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>Counts of outcomes per mutation, printable as the table the README publishes.</summary>
internal sealed class OutcomeTally
{
    public const string Result = "result";
    public const string UnreadableSuccess = "PlaidApiException (2xx unreadable)";
    public const string PlaidError = "PlaidApiException (Plaid error parsed)";
    public const string OtherError = "PlaidApiException (non-Plaid error body)";

    private readonly SortedDictionary<string, SortedDictionary<string, int>> _counts = new(StringComparer.Ordinal);

    public List<string> Violations { get; } = [];

    public int Total { get; private set; }

    public void Add(Mutation mutation, string outcome)
    {
        Total++;
        var row = _counts.TryGetValue(mutation.ToString(), out var existing) ? existing : _counts[mutation.ToString()] = new(StringComparer.Ordinal);
        row[outcome] = row.GetValueOrDefault(outcome) + 1;
    }

    public int Count(string outcome) => _counts.Values.Sum(row => row.GetValueOrDefault(outcome));

    public string ToMarkdown()
    {
        var outcomes = _counts.Values.SelectMany(row => row.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new StringBuilder();
        table.AppendLine($"| mutation | {string.Join(" | ", outcomes)} |");
        table.AppendLine($"|---|{string.Concat(outcomes.Select(_ => "---:|"))}");
        foreach (var (mutation, row) in _counts)
        {
            table.AppendLine($"| {mutation} | {string.Join(" | ", outcomes.Select(outcome => row.GetValueOrDefault(outcome)))} |");
        }

        table.AppendLine($"| **total** | {string.Join(" | ", outcomes.Select(Count))} |");
        return table.ToString();
    }
}
