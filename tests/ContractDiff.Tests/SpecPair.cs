using System.Text.Json;

namespace ContractDiff.Tests;

/// <summary>
/// A small but complete OpenAPI 3.0 spec, and the edits that turn it into the "new" side of a pair.
/// Each edit must find its text, so a test cannot silently compare two equal specs.
/// </summary>
internal static class SpecPair
{
    /// <summary>The repository's NSwag settings: pairs are judged by the C# types this project generates.</summary>
    public static readonly string RepositoryNswagJson = Path.Combine(Plaid.Generated.Tests.RepositoryRoot.Path, "nswag.json");

    public const string Base = """
        openapi: 3.0.0
        info:
          title: Widgets
          version: '1'
        servers:
          - url: https://sandbox.example.com
        security:
          - key: []
        paths:
          /widgets/get:
            post:
              operationId: widgetsGet
              description: Reads a widget.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Request'
              responses:
                '200':
                  description: The widget.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Response'
                      example:
                        id: w-1
                        amount: 1.5
                default:
                  description: An error.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Error'
        components:
          securitySchemes:
            key:
              type: apiKey
              in: header
              name: X-KEY
          schemas:
            Request:
              type: object
              required:
                - token
              properties:
                token:
                  type: string
                  description: The token.
                  maxLength: 64
                  pattern: ^tok-
                mode:
                  type: string
                  enum:
                    - fast
                    - slow
                count:
                  type: integer
                  format: int32
                  minimum: 1
            Response:
              type: object
              required:
                - id
                - amount
              properties:
                id:
                  type: string
                  description: The widget's id.
                amount:
                  type: number
                  format: double
                note:
                  type: string
                  nullable: true
                kind:
                  $ref: '#/components/schemas/Kind'
            Kind:
              type: string
              enum:
                - a
                - b
            Error:
              type: object
              properties:
                error_code:
                  type: string
        """;

    /// <summary>The base spec with each (from, to) replacement applied once; fails the test if a 'from' is missing.</summary>
    public static string Edit(params (string From, string To)[] edits) => Edit(Base, edits);

    public static string Edit(string spec, params (string From, string To)[] edits)
    {
        foreach (var (from, to) in edits)
        {
            var at = spec.IndexOf(from, StringComparison.Ordinal);
            Assert.That(at, Is.GreaterThanOrEqualTo(0), $"the spec has no '{from}' to edit");
            spec = string.Concat(spec.AsSpan(0, at), to, spec.AsSpan(at + from.Length));
        }

        return spec;
    }

    /// <summary>Runs the tool as CI does, with <c>--format json</c>, on the two specs written to temporary files.</summary>
    public static async Task<DiffResult> DiffAsync(string oldSpec, string newSpec, params string[] mode)
    {
        using var files = new TemporaryFolder();
        var oldPath = files.Write("old.yaml", oldSpec);
        var newPath = files.Write("new.yaml", newSpec);
        string[] args = mode.Length > 0
            ? [.. mode, "--upstream", oldPath, "--fragment", newPath, "--format", "json"]
            : ["--old", oldPath, "--new", newPath, "--format", "json"];
        args = [.. args, "--nswag", RepositoryNswagJson];
        return await RunAsync(args);
    }

    public static async Task<DiffResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await ContractDiffCommand.RunAsync(args, stdout, stderr);
        var output = stdout.ToString();
        var sections = output.TrimStart().StartsWith('{')
            ? JsonSerializer.Deserialize<Dictionary<string, List<Finding>>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            : [];
        return new DiffResult(exitCode, sections, output, stderr.ToString());
    }
}

internal sealed record DiffResult(int ExitCode, Dictionary<string, List<Finding>> Sections, string Stdout, string Stderr)
{
    public IReadOnlyList<Finding> Breaking => Sections.GetValueOrDefault("breaking") ?? [];

    public IReadOnlyList<Finding> NonBreaking => Sections.GetValueOrDefault("nonBreaking") ?? [];

    public IReadOnlyList<Finding> Disagreements => Sections.GetValueOrDefault("disagreements") ?? [];

    public IReadOnlyList<Finding> Omissions => Sections.GetValueOrDefault("omissions") ?? [];

    public IEnumerable<string> BreakingRules => Breaking.Select(finding => finding.Rule);

    public IEnumerable<string> NonBreakingRules => NonBreaking.Select(finding => finding.Rule);

    public override string ToString() => $"exit {ExitCode}\n{Stdout}\n{Stderr}";
}

internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("contract-diff-").FullName;

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
