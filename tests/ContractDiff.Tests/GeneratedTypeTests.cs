namespace ContractDiff.Tests;

/// <summary>
/// The C# type a message names is the one the build generates: NSwag's, as the repository's Class.liquid replaces it
/// (double becomes decimal since 2.0.0). The template is read, not copied: a template that maps otherwise changes the message.
/// </summary>
public sealed class GeneratedTypeTests
{
    private static readonly string AmountNullable = SpecPair.Edit(("          format: double\n", "          format: double\n          nullable: true\n"));

    [Test]
    public async Task A_response_number_losing_nullable_is_named_decimal_as_the_template_generates_it()
    {
        var result = await SpecPair.DiffAsync(AmountNullable, SpecPair.Base);

        Assert.That(result.Breaking, Has.Some.EqualTo(new Finding(
            "response.type-changed", "POST /widgets/get 200 response: amount", "amount: the generated decimal? becomes decimal")), result.ToString());
    }

    [Test]
    public async Task The_number_type_follows_the_templates_mapping()
    {
        using var files = new TemporaryFolder();
        var templates = Directory.CreateDirectory(Path.Combine(files.Path, "build", "templates")).FullName;
        var template = await File.ReadAllTextAsync(Path.Combine(Plaid.Generated.Tests.RepositoryRoot.Path, "build", "templates", "Class.liquid"));
        Assert.That(template, Does.Contain("assign propertyType = \"decimal?\""), "the repository's template maps double to decimal");
        await File.WriteAllTextAsync(Path.Combine(templates, "Class.liquid"), template.Replace("\"decimal", "\"float", StringComparison.Ordinal));
        File.Copy(SpecPair.RepositoryNswagJson, Path.Combine(files.Path, "nswag.json"));
        var oldPath = files.Write("old.yaml", AmountNullable);
        var newPath = files.Write("new.yaml", SpecPair.Base);

        var result = await SpecPair.RunAsync("--old", oldPath, "--new", newPath, "--format", "json", "--nswag", Path.Combine(files.Path, "nswag.json"));

        Assert.That(result.Breaking.Select(finding => finding.Message), Does.Contain("amount: the generated float? becomes float"), result.ToString());
    }

    [Test]
    public async Task A_request_date_time_becoming_a_date_names_the_text_the_client_sends()
    {
        var result = await SpecPair.DiffAsync(RuleCases.RequestSince("date-time"), RuleCases.RequestSince("date"));

        Assert.That(result.Breaking, Is.EqualTo(new[]
        {
            new Finding("request.format-narrowed", "POST /widgets/get request: since",
                "since: format date-time became date; the generated System.DateTimeOffset sends text like 2024-01-01T00:00:00Z, which format date refuses"),
        }), result.ToString());
    }
}
