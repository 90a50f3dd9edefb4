namespace ContractDiff.Tests;

public sealed class RuleTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        RuleCases.All().Select(ruleCase => new TestCaseData(ruleCase).SetArgDisplayNames(ruleCase.Name));

    [TestCaseSource(nameof(Cases))]
    public async Task An_edit_is_reported_under_its_rule_and_location(object ruleCase)
    {
        var edit = (RuleCase)ruleCase;
        AssertReported(await SpecPair.DiffAsync(edit.Old, edit.Edited), edit.Forward, edit.Location);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task The_reverse_edit_is_reported_under_its_rule_and_location(object ruleCase)
    {
        var edit = (RuleCase)ruleCase;
        AssertReported(await SpecPair.DiffAsync(edit.Edited, edit.Old), edit.Backward, edit.Location);
    }

    [Test]
    public void Every_rule_of_the_table_has_a_spec_pair()
    {
        var tested = RuleCases.All().SelectMany(ruleCase => new[] { ruleCase.Forward.Rule, ruleCase.Backward.Rule }).ToHashSet();
        var untested = Rules.All.Select(entry => entry.Value.Name).Where(rule => !tested.Contains(rule));

        Assert.That(untested, Is.Empty);
    }

    private static void AssertReported(DiffResult result, Expected expected, string location)
    {
        var (reported, other) = expected.Breaking ? (result.Breaking, result.NonBreaking) : (result.NonBreaking, result.Breaking);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reported.Any(finding => finding.Rule == expected.Rule && finding.Location == location),
                $"expected [{expected.Rule}] at '{location}' among the {(expected.Breaking ? "breaking" : "non-breaking")} changes; got {result}");
            Assert.That(other.Select(finding => finding.Rule), Does.Not.Contain(expected.Rule));
            Assert.That(result.ExitCode, Is.EqualTo(result.Breaking.Count > 0 ? 1 : 0), result.ToString());
            if (expected.Breaking)
            {
                Assert.That(result.ExitCode, Is.EqualTo(ContractDiffCommand.BreakingChange));
            }
        }
    }
}
