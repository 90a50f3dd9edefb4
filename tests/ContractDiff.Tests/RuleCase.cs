namespace ContractDiff.Tests;

/// <summary>
/// One edit of <see cref="SpecPair.Base"/> and what the tool must say about it in both directions:
/// base -> edited (<see cref="Forward"/>) and edited -> base (<see cref="Backward"/>).
/// </summary>
internal sealed record RuleCase(string Name, string Edited, Expected Forward, Expected Backward, string Location, string? Original = null)
{
    public string Old => Original ?? SpecPair.Base;

    public override string ToString() => Name;
}

internal sealed record Expected(string Rule, bool Breaking)
{
    public static Expected BreakingBy(string rule) => new(rule, Breaking: true);

    public static Expected NonBreakingBy(string rule) => new(rule, Breaking: false);
}
