using System.Text.RegularExpressions;

namespace ContractDiff.Tests;

/// <summary><c>extract</c> on small specs built to have the shapes Plaid's spec has.</summary>
public sealed class ExtractTests
{
    /// <summary>
    /// An operation reaching a recursive schema (Node.children: Node), an allOf chain (Leaf: allOf Base: allOf Root),
    /// an error response shared through components/responses, and a schema nothing reaches.
    /// </summary>
    private const string Upstream = """
        openapi: 3.0.0
        info:
          title: Upstream
          version: '7'
          description: Upstream's own words.
          contact:
            name: Someone
        servers:
        - url: https://b.example.com
          description: B
        - url: https://a.example.com
        security:
        - key: []
        tags:
        - name: t
          description: A tag.
        paths:
          /tree/get:
            post:
              summary: Upstream summary of tree/get.
              description: Upstream description of tree/get.
              externalDocs:
                url: /docs/tree
              operationId: treeGet
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Leaf'
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Node'
                      examples:
                        example-1:
                          value:
                            zeta: 1
                            alpha: '0001'
                            flag: null
                default:
                  $ref: '#/components/responses/Error'
            get:
              operationId: treeList
              responses:
                "200":
                  description: OK
          /other:
            get:
              operationId: other
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Unreached'
        components:
          securitySchemes:
            key:
              type: apiKey
              in: header
              name: X-KEY
            unused:
              type: apiKey
              in: header
              name: X-UNUSED
          responses:
            Error:
              description: Upstream error words.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/ErrorBody'
          schemas:
            Node:
              type: object
              description: Upstream node words.
              x-examples:
                a: {}
              properties:
                name:
                  type: string
                  description: Upstream name words that are long enough to need folding when they are written by the canonical emitter at one hundred columns.
                children:
                  type: array
                  items:
                    $ref: '#/components/schemas/Node'
            Leaf:
              allOf:
              - $ref: '#/components/schemas/Base'
              - type: object
                properties:
                  leaf:
                    type: string
            Base:
              allOf:
              - $ref: '#/components/schemas/Root'
              - type: object
                properties:
                  base:
                    type: integer
            Root:
              type: object
              title: Root
              properties:
                root:
                  type: string
                  enum:
                  - '529'
                  - 401k
                  - 'yes'
            ErrorBody:
              type: object
              properties:
                code:
                  type: string
            Unreached:
              type: string
        """;

    private const string Operation = "POST /tree/get";

    [Test]
    public async Task The_fragment_holds_the_operation_and_everything_it_reaches_transitively_and_nothing_else()
    {
        var (result, fragment) = await ExtractAsync(Upstream);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(fragment, Does.Contain("  /tree/get:\n    post:\n"));
            Assert.That(fragment, Does.Not.Contain("treeList").And.Not.Contain("/other").And.Not.Contain("Unreached"), "other operations and what only they reach");
            Assert.That(fragment, Does.Contain("\n    Node:\n").And.Contain("$ref: '#/components/schemas/Node'"), "the recursive schema, once");
            Assert.That(fragment, Does.Contain("\n    Leaf:\n").And.Contain("\n    Base:\n").And.Contain("\n    Root:\n"), "the whole allOf chain");
            Assert.That(fragment, Does.Contain("  responses:\n    Error:\n").And.Contain("\n    ErrorBody:\n"), "the shared error response and its schema");
            Assert.That(fragment, Does.Contain("\n    key:\n").And.Not.Contain("X-UNUSED"), "only the security scheme the operation requires");
            Assert.That(fragment, Does.Contain("  version: '7'\n"), "info.version is upstream's");
        }

        // The fragment is a valid, self-contained spec: the diff tool reads it and finds it equal to itself.
        using var files = new TemporaryFolder();
        var path = files.Write("fragment.yaml", fragment);
        Assert.That((await SpecPair.RunAsync("--old", path, "--new", path)).ExitCode, Is.Zero);
    }

    [Test]
    public async Task PlaidError_and_what_it_reaches_are_carried_though_the_operation_does_not_reach_them()
    {
        var upstream = Upstream
            .Replace("  /tree/get:\n", "  /tree/get:\n    x-vendor-context: BUSINESS_UNIT\n", StringComparison.Ordinal)
            .Replace("    Unreached:\n", PlaidErrorSchemas("PlaidError") + "    Unreached:\n", StringComparison.Ordinal);

        var (result, fragment) = await ExtractAsync(upstream);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stderr, Is.Empty, "no warning: upstream has PlaidError");
            Assert.That(fragment, Does.Contain("\n    PlaidError:\n").And.Contain("\n    PlaidErrorType:\n"), "the hand-written code's error object and its type");
            Assert.That(fragment, Does.Not.Contain("Unreached").And.Not.Contain("x-vendor-context"), "nothing else: no other schema, no vendor key of the path item");
        }
    }

    [Test]
    public async Task Without_PlaidError_upstream_the_fragment_is_written_with_a_warning_naming_its_look_alike()
    {
        var previous = Upstream.Replace("    Unreached:\n", PlaidErrorSchemas("PlaidError") + "    Unreached:\n", StringComparison.Ordinal);
        var upstream = Upstream.Replace("    Unreached:\n", PlaidErrorSchemas("ErrorObject") + "    Unreached:\n", StringComparison.Ordinal);
        using var files = new TemporaryFolder();

        var (result, fragment) = await ExtractAsync(upstream, "--descriptions-from", files.Write("previous.yaml", previous));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, "extract cuts any spec; sync is the one that stops");
            Assert.That(fragment, Does.Not.Contain("PlaidError").And.Not.Contain("ErrorObject"), fragment);
            Assert.That(result.Stderr, Does.StartWith("ContractDiff: warning: ").And.Contain("(7) has no components/schemas/PlaidError")
                .And.Contain("Upstream's error object is named ErrorObject there"));
        }
    }

    private static string PlaidErrorSchemas(string name) => $"""
            {name}:
              type: object
              properties:
                error_type:
                  $ref: '#/components/schemas/PlaidErrorType'
                error_code:
                  type: string
                error_message:
                  type: string
            PlaidErrorType:
              type: string
              enum:
              - API_ERROR

        """;

    [Test]
    public async Task Without_descriptions_from_no_prose_is_copied_and_every_described_member_is_listed()
    {
        var (result, fragment) = await ExtractAsync(Upstream);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fragment, Does.Not.Contain("words").And.Not.Contain("Upstream summary").And.Not.Contain("Upstream description")
                .And.Not.Contain("A tag").And.Not.Contain("Someone").And.Not.Contain("description: B"));
            Assert.That(fragment, Does.Not.Contain("externalDocs").And.Not.Contain("x-examples"));
            Assert.That(Listed(result), Is.EquivalentTo(new[]
            {
                "info", "servers/[https://b.example.com]", "paths/[/tree/get]/post", "paths/[/tree/get]/post/responses/200",
                "components/responses/Error", "components/schemas/Node", "components/schemas/Node/properties/name", "components/schemas/Root",
            }));
        }
    }

    [Test]
    public async Task Descriptions_summaries_and_titles_come_from_the_previous_fragment_and_new_members_are_listed()
    {
        var (_, first) = await ExtractAsync(Upstream);
        var ours = first
            .Replace("      operationId: treeGet\n", "      summary: Our summary.\n      description: Our operation words.\n      operationId: treeGet\n", StringComparison.Ordinal)
            .Replace("    Node:\n      type: object\n", "    Node:\n      title: OurNode\n      type: object\n      description: Our node words.\n", StringComparison.Ordinal);
        var grown = Upstream.Replace(
            "          leaf:\n            type: string\n",
            "          leaf:\n            type: string\n          added:\n            type: string\n            description: Upstream words about a new member.\n",
            StringComparison.Ordinal);
        using var files = new TemporaryFolder();
        var previous = files.Write("previous.yaml", ours);

        var (result, fragment) = await ExtractAsync(grown, "--descriptions-from", previous);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fragment, Does.Contain("      summary: Our summary.\n      description: Our operation words.\n"));
            Assert.That(fragment, Does.Contain("    Node:\n      title: OurNode\n      type: object\n      description: Our node words.\n"));
            Assert.That(fragment, Does.Contain("            added:\n              type: string\n").And.Not.Contain("Upstream words"));
            Assert.That(Listed(result), Is.EqualTo(new[] { "components/schemas/Leaf/allOf/1/properties/added" }), result.Stdout);
        }
    }

    [Test]
    public async Task Each_operations_x_idempotent_comes_from_the_previous_fragment_and_an_operation_without_one_is_listed()
    {
        var (_, first) = await ExtractAsync(Upstream);
        var ours = first.Replace("      operationId: treeGet\n", "      operationId: treeGet\n      x-idempotent: true\n", StringComparison.Ordinal);
        // Upstream's own vendor keys never decide: only this project's fragments do.
        var upstream = Upstream.Replace("          operationId: treeList\n", "          operationId: treeList\n          x-idempotent: true\n", StringComparison.Ordinal);
        using var files = new TemporaryFolder();
        var previous = files.Write("previous.yaml", ours);
        var output = Path.Combine(files.Path, "fragment.yaml");

        var result = await SpecPair.RunAsync(["extract", "--upstream", files.Write("upstream.yaml", upstream),
            "--operation", Operation, "--operation", "GET /tree/get", "--out", output, "--descriptions-from", previous]);
        var fragment = await File.ReadAllTextAsync(output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(Regex.Matches(fragment, "x-idempotent").Count, Is.EqualTo(1), fragment);
            Assert.That(fragment, Does.Match(@"\n    post:\n(      .*\n)+      x-idempotent: true\n"), "kept on POST /tree/get, after its keywords");
            Assert.That(result.Stdout.Split('\n').Where(line => line.StartsWith("new, decide", StringComparison.Ordinal)).Select(line => line.TrimEnd('\r')),
                Is.EqualTo(new[] { "new, decide whether it is safe to repeat (x-idempotent: true or false): paths/[/tree/get]/get" }), result.Stdout);
        }
    }

    [Test]
    public async Task A_ref_property_without_a_description_gets_its_schemas_beside_the_ref_and_keeps_it_as_its_own()
    {
        // Node gains two $ref properties: NJsonSchema documents a property only from its own description, never the schema's.
        var upstream = Upstream.Replace(
            "        children:\n",
            "        parent:\n          $ref: '#/components/schemas/Root'\n        other:\n          $ref: '#/components/schemas/Root'\n        children:\n",
            StringComparison.Ordinal);
        var (_, first) = await ExtractAsync(upstream);
        var ours = first
            .Replace("    Root:\n      type: object\n", "    Root:\n      type: object\n      description: Our root words.\n", StringComparison.Ordinal)
            .Replace("        other:\n          $ref:", "        other:\n          description: Our words about other.\n          $ref:", StringComparison.Ordinal);
        using var files = new TemporaryFolder();

        var (result, fragment) = await ExtractAsync(upstream, "--descriptions-from", files.Write("previous.yaml", ours));
        var reworded = fragment.Replace("    Root:\n      type: object\n      description: Our root words.\n", "    Root:\n      type: object\n      description: Reworded root words.\n", StringComparison.Ordinal);
        var (_, again) = await ExtractAsync(upstream, "--descriptions-from", files.Write("again.yaml", reworded));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Does.Contain("        parent:\n          $ref: '#/components/schemas/Root'\n"), "an undescribed schema describes nothing");
            Assert.That(fragment, Does.Contain("        parent:\n          description: Our root words.\n          $ref: '#/components/schemas/Root'\n"));
            Assert.That(fragment, Does.Contain("        other:\n          description: Our words about other.\n          $ref: '#/components/schemas/Root'\n"));
            Assert.That(Listed(result), Is.Empty, result.Stdout);
            Assert.That(again, Does.Contain("        parent:\n          description: Our root words.\n"), "once written, the property's description is its own");
        }
    }

    [Test]
    public async Task Output_is_canonical_the_same_bytes_for_the_same_input_and_for_a_reordered_upstream()
    {
        var reordered = Upstream
            .Replace("    ErrorBody:\n", "    ZZZ:\n", StringComparison.Ordinal)
            .Replace("$ref: '#/components/schemas/ErrorBody'", "$ref: '#/components/schemas/ZZZ'", StringComparison.Ordinal);
        var (_, once) = await ExtractAsync(Upstream);
        var (_, twice) = await ExtractAsync(Upstream);
        var (_, renamed) = await ExtractAsync(reordered);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(twice, Is.EqualTo(once));
            Assert.That(once, Does.Contain("    Base:\n").And.Contain("    Leaf:\n"));
            Assert.That(once.IndexOf("    Base:\n", StringComparison.Ordinal), Is.LessThan(once.IndexOf("    Leaf:\n", StringComparison.Ordinal)), "schemas sorted by name");
            Assert.That(renamed.IndexOf("    ZZZ:\n", StringComparison.Ordinal), Is.GreaterThan(renamed.IndexOf("    Root:\n", StringComparison.Ordinal)));
            Assert.That(once, Does.Contain("                    zeta: 1\n                    alpha: '0001'\n                    flag: null\n"), "example data in its own order, strings that look like numbers quoted");
            Assert.That(once, Does.Contain("            - '529'\n            - 401k\n            - 'yes'\n"), "enum values in upstream's order, quoted only where YAML would read another type");
            Assert.That(once, Does.Not.Contain("\r").And.Not.Contain("\t"));
        }
    }

    [Test]
    public async Task Long_text_is_folded_at_100_columns_and_reads_back_unchanged()
    {
        var (_, first) = await ExtractAsync(Upstream);
        const string Long = "Our own words about a node's name, which are long enough that the emitter folds them over more than one line of the file.";
        var ours = first.Replace("        name:\n          type: string\n", $"        name:\n          type: string\n          description: \"{Long}\"\n", StringComparison.Ordinal);
        using var files = new TemporaryFolder();

        var (_, fragment) = await ExtractAsync(Upstream, "--descriptions-from", files.Write("previous.yaml", ours));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fragment.Split('\n').Max(line => line.Length), Is.LessThanOrEqualTo(100));
            Assert.That(fragment, Does.Contain("          description: >-\n"));
            var (_, again) = await ExtractAsync(Upstream, "--descriptions-from", files.Write("again.yaml", fragment));
            Assert.That(again, Is.EqualTo(fragment), "the folded text is read back as the same string");
        }
    }

    [TestCase("POST /nowhere", "has no operation POST /nowhere (no such path)")]
    [TestCase("PUT /tree/get", "has no operation PUT /tree/get (the path has POST, GET)")]
    [TestCase("/tree/get", "--operation must be \"METHOD /path\"")]
    public async Task An_operation_upstream_does_not_have_exits_2_and_says_so(string operation, string problem)
    {
        using var files = new TemporaryFolder();
        var upstream = files.Write("upstream.yaml", Upstream);
        var output = Path.Combine(files.Path, "out.yaml");

        var result = await SpecPair.RunAsync("extract", "--upstream", upstream, "--operation", operation, "--out", output);

        AssertRefused(result, problem);
        Assert.That(File.Exists(output), Is.False, "nothing written");
    }

    [TestCase("foo: [", "not a readable YAML or JSON document")]
    [TestCase("", "the file is empty")]
    [TestCase("swagger: '2.0'\npaths: {}\n", "not an OpenAPI 3 document")]
    [TestCase("openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/components/responses/Missing'\n", "$ref #/components/responses/Missing points to nothing")]
    [TestCase("openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: 'other.yaml#/x'\n", "is not a local #/components/<kind>/<name> reference")]
    [TestCase("openapi: 3.0.0\nopenapi: 3.0.1\n", "Duplicate key")]
    public async Task An_unreadable_upstream_exits_2_naming_the_file_and_the_problem(string content, string problem)
    {
        using var files = new TemporaryFolder();
        var upstream = files.Write("upstream.yaml", content);

        var result = await SpecPair.RunAsync("extract", "--upstream", upstream, "--operation", "GET /a", "--out", Path.Combine(files.Path, "out.yaml"));

        AssertRefused(result, problem);
        Assert.That(result.Stderr, Does.Contain(upstream));
    }

    [Test]
    public async Task A_fragment_that_is_not_valid_OpenAPI_is_not_written()
    {
        using var files = new TemporaryFolder();
        var upstream = files.Write("upstream.yaml", "openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a:\n    get:\n      operationId: a\n");
        var output = files.Write("out.yaml", "the previous fragment\n");

        var result = await SpecPair.RunAsync("extract", "--upstream", upstream, "--operation", "GET /a", "--out", output);

        AssertRefused(result, $"the extracted fragment is not valid OpenAPI, {output} is left as it was");
        Assert.That(await File.ReadAllTextAsync(output), Is.EqualTo("the previous fragment\n"));
    }

    [Test]
    public async Task Help_is_generated_for_every_verb_with_its_flags()
    {
        var root = await SpecPair.RunAsync("--help");
        var extract = await SpecPair.RunAsync("extract", "--help");
        var sync = await SpecPair.RunAsync("sync", "--help");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.ExitCode, Is.Zero);
            Assert.That(root.Stdout, Does.Contain("--old <spec> (REQUIRED)").And.Contain("--library-version <X.Y.Z>")
                .And.Contain("\n  drift ").And.Contain("\n  extract ").And.Contain("\n  sync <UPSTREAM> "));
            Assert.That(extract.Stdout, Does.Contain("--upstream <spec> (REQUIRED)").And.Contain("--operation <operation> (REQUIRED)")
                .And.Contain("--out <fragment> (REQUIRED)").And.Contain("--descriptions-from <fragment>"));
            Assert.That(sync.Stdout, Does.Contain("--repository <dir>").And.Contain("--no-restore")
                .And.Contain("0 nothing needs a person; 1 a person is needed (each reason listed").And.Contain("2 a step could not run"));
        }
    }

    private static void AssertRefused(DiffResult result, string problem)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ContractDiffCommand.InvalidInput), result.ToString());
            Assert.That(result.Stderr, Does.StartWith("ContractDiff: ").And.Contain(problem));
            Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
        }
    }

    private static IEnumerable<string> Listed(DiffResult result) => result.Stdout.Split('\n')
        .Where(line => line.StartsWith("new, write a description: ", StringComparison.Ordinal))
        .Select(line => line["new, write a description: ".Length..].TrimEnd('\r'));

    private static async Task<(DiffResult Result, string Fragment)> ExtractAsync(string upstream, params string[] extra)
    {
        using var files = new TemporaryFolder();
        var output = Path.Combine(files.Path, "fragment.yaml");
        var result = await SpecPair.RunAsync(
            ["extract", "--upstream", files.Write("upstream.yaml", upstream), "--operation", Operation, "--out", output, .. extra]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return (result, await File.ReadAllTextAsync(output));
    }
}
