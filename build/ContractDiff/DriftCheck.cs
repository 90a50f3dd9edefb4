using System.Text;
using ContractDiff.Extract;

namespace ContractDiff;

/// <summary>
/// The fragment against what <c>extract</c> cuts from the upstream spec for the same operations (with the
/// fragment's own descriptions): any structural difference fails, whether the fragment contradicts upstream,
/// leaves something out, or adds something. Differences the contract judge reads are named by its rules;
/// anything else (an example, a tag, a vendor key) by its place.
/// </summary>
internal static class DriftCheck
{
    private const int MaxPlacesShown = 50;

    public static async Task<Report> RunAsync(string fragmentPath, string upstreamPath, GeneratedTypes types)
    {
        if (YamlTree.Load(fragmentPath) is not YamlMap fragment)
        {
            throw new SpecLoadException(fragmentPath, "not an OpenAPI document (the top level is not a mapping)");
        }

        var operations = Extraction.OperationsOf(fragment);
        if (operations.Count == 0)
        {
            throw new SpecLoadException(fragmentPath, "the fragment has no operation to compare");
        }

        var (expectedText, expected) = Extraction.Run(upstreamPath, YamlTree.Load(upstreamPath), operations, [fragment]);
        var actualText = Extraction.Canonical(fragment);
        var title = $"Upstream drift: {fragmentPath} against extract of {upstreamPath} ({expected.Version})";
        if (expectedText == actualText)
        {
            return Report.OfDrift(title, [], []);
        }

        var extracted = await SpecLoader.LoadAsync($"extract of {upstreamPath}", Encoding.UTF8.GetBytes(expectedText)).ConfigureAwait(false);
        var ours = await SpecLoader.LoadAsync(fragmentPath).ConfigureAwait(false);
        var differences = SpecComparer.Compare(extracted, ours, types);
        var places = differences.Count > 0 ? [] : TreeDifferences.Between(expected.Fragment, fragment)
            .Take(MaxPlacesShown)
            .Select(difference => new Finding("drift.structure", difference.Place, difference.Message))
            .DefaultIfEmpty(new Finding("drift.format", fragmentPath, "the fragment is not in extract's canonical form: run bash build/sync-spec.sh to rewrite it"))
            .ToList();
        return Report.OfDrift(title, differences, places);
    }
}
