namespace ContractDiff.Extract;

/// <summary>Where two spec trees differ, by place (<c>components/schemas/X/properties/y</c>), for what the contract judge does not compare (examples, tags, vendor keys...).</summary>
internal static class TreeDifferences
{
    public static IEnumerable<(string Place, string Message)> Between(YamlTree expected, YamlTree actual, string place = "")
    {
        switch (expected, actual)
        {
            case (YamlMap expectedMap, YamlMap actualMap):
                foreach (var (key, value) in expectedMap.Entries)
                {
                    var at = FragmentExtractor.Join(place, key);
                    if (actualMap[key] is not { } other)
                    {
                        yield return (at, "upstream has it, the fragment does not");
                        continue;
                    }

                    foreach (var difference in Between(value, other, at))
                    {
                        yield return difference;
                    }
                }

                foreach (var (key, _) in actualMap.Entries.Where(entry => !expectedMap.Has(entry.Key)))
                {
                    yield return (FragmentExtractor.Join(place, key), "the fragment has it, upstream does not");
                }

                break;
            case (YamlList expectedList, YamlList actualList) when expectedList.Items.Count == actualList.Items.Count:
                for (var i = 0; i < expectedList.Items.Count; i++)
                {
                    var at = FragmentExtractor.Join(place, FragmentExtractor.Identity(expectedList.Items[i], i));
                    foreach (var difference in Between(expectedList.Items[i], actualList.Items[i], at))
                    {
                        yield return difference;
                    }
                }

                break;
            case (YamlScalar expectedScalar, YamlScalar actualScalar)
                when expectedScalar.Value == actualScalar.Value && expectedScalar.IsString == actualScalar.IsString:
                break;
            default:
                yield return (place, $"upstream has {Show(expected)}, the fragment {Show(actual)}");
                break;
        }
    }

    private static string Show(YamlTree tree) => tree switch
    {
        YamlScalar { IsString: true } scalar => $"'{scalar.Value}'",
        YamlScalar scalar => scalar.Value,
        YamlList list => $"a list of {list.Items.Count}",
        _ => "a mapping",
    };
}
