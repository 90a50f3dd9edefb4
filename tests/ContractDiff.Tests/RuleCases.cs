using static ContractDiff.Tests.Expected;

namespace ContractDiff.Tests;

/// <summary>The spec pairs, one or more per rule of the tool's README.</summary>
internal static class RuleCases
{
    private const string Operation = "POST /widgets/get";
    private const string Request = $"{Operation} request";
    private const string Response = $"{Operation} 200 response";

    private const string RequiredHeader = """
              parameters:
                - name: X-Trace
                  in: header
                  required: true
                  schema:
                    type: string

        """;

    private static readonly string OptionalHeaderSpec = SpecPair.Edit(
        ("      operationId: widgetsGet\n", "      operationId: widgetsGet\n" + RequiredHeader.Replace("required: true", "required: false", StringComparison.Ordinal)));

    /// <summary>The base spec whose request has a string <c>since</c> of the given format.</summary>
    internal static string RequestSince(string format) => SpecPair.Edit(
        ("      properties:\n        token:\n", $"      properties:\n        since:\n          type: string\n          format: {format}\n        token:\n"));

    /// <summary>The base spec whose response has a string <c>blob</c> of the given format.</summary>
    private static string ResponseBlob(string format) => SpecPair.Edit(
        ("      properties:\n        id:\n", $"      properties:\n        blob:\n          type: string\n          format: {format}\n        id:\n"));

    public static IEnumerable<RuleCase> All()
    {
        yield return new("a path added or removed",
            SpecPair.Edit(("components:\n", "  /widgets/list:\n    get:\n      responses:\n        '200':\n          description: The list.\ncomponents:\n")),
            NonBreakingBy("path.added"), BreakingBy("path.removed"), "/widgets/list");
        yield return new("an operation added or removed",
            SpecPair.Edit(("    post:\n", "    get:\n      responses:\n        '200':\n          description: The widget.\n    post:\n")),
            NonBreakingBy("operation.added"), BreakingBy("operation.removed"), "GET /widgets/get");
        yield return new("the method changed",
            SpecPair.Edit(("    post:\n", "    put:\n")),
            BreakingBy("operation.method-changed"), BreakingBy("operation.method-changed"), "/widgets/get");
        yield return new("the operationId changed",
            SpecPair.Edit(("operationId: widgetsGet", "operationId: fetchWidget")),
            BreakingBy("operation.id-changed"), BreakingBy("operation.id-changed"), Operation);
        yield return new("the success status changed",
            SpecPair.Edit(("'200':", "'201':")),
            BreakingBy("response.success-status-changed"), BreakingBy("response.success-status-changed"), Operation);
        yield return new("a success status added or removed",
            SpecPair.Edit(("        default:\n", "        '202':\n          description: Accepted.\n        default:\n")),
            NonBreakingBy("response.success-added"), BreakingBy("response.success-removed"), $"{Operation} 202 response");
        yield return new("the success JSON content replaced",
            SpecPair.Edit(("          description: The widget.\n          content:\n            application/json:", "          description: The widget.\n          content:\n            text/plain:")),
            BreakingBy("response.content-removed"), BreakingBy("response.content-removed"), Response);
        yield return new("the success JSON content joined by another media type",
            SpecPair.Edit(("          description: The widget.\n          content:\n", "          description: The widget.\n          content:\n            text/plain:\n              schema:\n                type: string\n")),
            NonBreakingBy("response.content-added"), BreakingBy("response.content-removed"), Response);
        yield return new("an error response added or removed",
            SpecPair.Edit(("        default:\n", "        '400':\n          description: A bad request.\n        default:\n")),
            NonBreakingBy("response.error-added"), NonBreakingBy("response.error-removed"), $"{Operation} 400 response");
        yield return new("the request body removed or added",
            SpecPair.Edit(("      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/Request'\n", "")),
            BreakingBy("request.body-removed"), BreakingBy("request.body-added"), Request);
        yield return new("the request body made optional or required",
            SpecPair.Edit(("      requestBody:\n        required: true\n", "      requestBody:\n        required: false\n")),
            NonBreakingBy("request.body-made-optional"), BreakingBy("request.body-made-required"), Request);
        yield return new("the request media type replaced",
            SpecPair.Edit(("          application/json:\n            schema:\n              $ref: '#/components/schemas/Request'", "          application/xml:\n            schema:\n              $ref: '#/components/schemas/Request'")),
            BreakingBy("request.content-removed"), BreakingBy("request.content-removed"), Request);
        yield return new("a request media type added",
            SpecPair.Edit(("        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/Request'\n", "        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/Request'\n          application/xml:\n            schema:\n              type: string\n")),
            NonBreakingBy("request.content-added"), BreakingBy("request.content-removed"), Request);
        yield return new("a required parameter added or removed",
            SpecPair.Edit(("      operationId: widgetsGet\n", "      operationId: widgetsGet\n" + RequiredHeader)),
            BreakingBy("request.parameter-added-required"), BreakingBy("request.parameter-removed"), $"{Operation} parameter header X-Trace");
        yield return new("an optional parameter added",
            OptionalHeaderSpec,
            NonBreakingBy("request.parameter-added-optional"), BreakingBy("request.parameter-removed"), $"{Operation} parameter header X-Trace");
        yield return new("a parameter made required or optional",
            SpecPair.Edit(OptionalHeaderSpec, ("required: false", "required: true")),
            BreakingBy("request.parameter-made-required"), NonBreakingBy("request.parameter-made-optional"), $"{Operation} parameter header X-Trace",
            Original: OptionalHeaderSpec);
        yield return new("a required request property added, or a request property removed",
            SpecPair.Edit(("        - token\n", "        - token\n        - region\n"), ("        count:\n", "        region:\n          type: string\n        count:\n")),
            BreakingBy("request.property-added-required"), BreakingBy("request.property-removed"), $"{Request}: region");
        yield return new("an optional request property added",
            SpecPair.Edit(("        count:\n", "        region:\n          type: string\n        count:\n")),
            NonBreakingBy("request.property-added-optional"), BreakingBy("request.property-removed"), $"{Request}: region");
        yield return new("a request property made required or optional",
            SpecPair.Edit(("        - token\n", "        - token\n        - mode\n")),
            BreakingBy("request.property-made-required"), NonBreakingBy("request.property-made-optional"), $"{Request}: mode");
        yield return new("a request property's type changed",
            SpecPair.Edit(("          type: integer\n", "          type: number\n")),
            BreakingBy("request.type-changed"), BreakingBy("request.type-changed"), $"{Request}: count");
        yield return new("a request property's format changed",
            SpecPair.Edit(("format: int32", "format: int64")),
            BreakingBy("request.type-changed"), BreakingBy("request.type-changed"), $"{Request}: count");
        yield return new("a request maxLength lowered or raised",
            SpecPair.Edit(("maxLength: 64", "maxLength: 32")),
            BreakingBy("request.narrowed"), NonBreakingBy("request.widened"), $"{Request}: token");
        yield return new("a request pattern removed or added",
            SpecPair.Edit(("          pattern: ^tok-\n", "")),
            NonBreakingBy("request.widened"), BreakingBy("request.narrowed"), $"{Request}: token");
        yield return new("a request pattern changed",
            SpecPair.Edit(("pattern: ^tok-", "pattern: ^tok-[a-z]+$")),
            BreakingBy("request.narrowed"), BreakingBy("request.narrowed"), $"{Request}: token");
        yield return new("a request enum value removed or added",
            SpecPair.Edit(("            - fast\n            - slow\n", "            - fast\n")),
            BreakingBy("request.narrowed"), NonBreakingBy("request.widened"), $"{Request}: mode");
        yield return new("a request minimum raised or lowered",
            SpecPair.Edit(("minimum: 1", "minimum: 5")),
            BreakingBy("request.narrowed"), NonBreakingBy("request.widened"), $"{Request}: count");
        yield return new("a response property removed or added",
            SpecPair.Edit(("        note:\n          type: string\n          nullable: true\n", "")),
            BreakingBy("response.property-removed"), NonBreakingBy("response.property-added"), $"{Response}: note");
        yield return new("a response property made optional or required",
            SpecPair.Edit(("        - id\n        - amount\n", "        - id\n")),
            BreakingBy("response.property-made-optional"), NonBreakingBy("response.property-made-required"), $"{Response}: amount");
        yield return new("a response property made nullable or non-nullable",
            SpecPair.Edit(("          format: double\n", "          format: double\n          nullable: true\n")),
            BreakingBy("response.property-made-nullable"), NonBreakingBy("response.property-made-non-nullable"), $"{Response}: amount");
        yield return new("an optional response property made nullable or non-nullable (kind? either way)",
            SpecPair.Edit(("    Kind:\n      type: string\n", "    Kind:\n      type: string\n      nullable: true\n")),
            NonBreakingBy("response.optional-property-made-nullable"), NonBreakingBy("response.property-made-non-nullable"), $"{Response}: kind");
        yield return new("a value-type response property made required (Kind? becomes Kind) or optional",
            SpecPair.Edit(("        - id\n        - amount\n", "        - id\n        - amount\n        - kind\n")),
            BreakingBy("response.type-changed"), BreakingBy("response.property-made-optional"), $"{Response}: kind");
        yield return new("a reference-type response property made required (string either way) or optional",
            SpecPair.Edit(("        - id\n        - amount\n", "        - id\n        - amount\n        - note\n")),
            NonBreakingBy("response.property-made-required"), BreakingBy("response.property-made-optional"), $"{Response}: note");
        yield return new("a response property's type changed",
            SpecPair.Edit(("type: number", "type: string")),
            BreakingBy("response.type-changed"), BreakingBy("response.type-changed"), $"{Response}: amount");
        yield return new("a response number's format changed between double and float (double in C# either way)",
            SpecPair.Edit(("format: double", "format: float")),
            NonBreakingBy("schema.format-changed"), NonBreakingBy("schema.format-changed"), $"{Response}: amount");
        yield return new("a response number's format dropped or added",
            SpecPair.Edit(("          format: double\n", "")),
            NonBreakingBy("schema.format-changed"), NonBreakingBy("schema.format-changed"), $"{Response}: amount");
        yield return new("a response string gaining or losing date-time (string becomes DateTimeOffset)",
            SpecPair.Edit(("          description: The widget's id.\n", "          description: The widget's id.\n          format: date-time\n")),
            BreakingBy("response.type-changed"), BreakingBy("response.type-changed"), $"{Response}: id");
        yield return new("a response string gaining or losing a format that keeps it a string",
            SpecPair.Edit(("          description: The widget's id.\n", "          description: The widget's id.\n          format: hostname\n")),
            NonBreakingBy("schema.format-changed"), NonBreakingBy("schema.format-changed"), $"{Response}: id");
        yield return new("a response string becoming an enum, or an enum a plain string (string becomes an enum struct)",
            SpecPair.Edit(("          description: The widget's id.\n", "          description: The widget's id.\n          enum:\n            - w-1\n")),
            BreakingBy("response.type-changed"), BreakingBy("response.type-changed"), $"{Response}: id");
        yield return new("a request string gaining or losing date-time (string becomes DateTimeOffset)",
            SpecPair.Edit(("          description: The token.\n", "          description: The token.\n          format: date-time\n")),
            BreakingBy("request.type-changed"), BreakingBy("request.type-changed"), $"{Request}: token");
        yield return new("a request string gaining or losing a format that keeps it a string",
            SpecPair.Edit(("          description: The token.\n", "          description: The token.\n          format: password\n")),
            NonBreakingBy("schema.format-changed"), NonBreakingBy("schema.format-changed"), $"{Request}: token");
        yield return new("a request date-time becoming a date (the client keeps sending 2024-01-01T00:00:00Z) or a date a date-time",
            RequestSince("date"),
            BreakingBy("request.format-narrowed"), NonBreakingBy("schema.format-changed"), $"{Request}: since", RequestSince("date-time"));
        yield return new("a request string gaining or losing hostname (any text the caller gives, then only host names)",
            SpecPair.Edit(("          description: The token.\n", "          description: The token.\n          format: hostname\n")),
            BreakingBy("request.format-narrowed"), NonBreakingBy("schema.format-changed"), $"{Request}: token");
        yield return new("a response date-time becoming a date or back (the generated DateTimeOffset reads both)",
            ResponseBlob("date"),
            NonBreakingBy("schema.format-changed"), NonBreakingBy("schema.format-changed"), $"{Response}: blob", ResponseBlob("date-time"));
        yield return new("a response base64 string becoming binary (the generated byte[] reads only base64) or back",
            ResponseBlob("binary"),
            BreakingBy("response.format-unreadable"), NonBreakingBy("schema.format-changed"), $"{Response}: blob", ResponseBlob("byte"));
        yield return new("a response enum value removed or added",
            SpecPair.Edit(("        - a\n        - b\n", "        - a\n")),
            BreakingBy("response.enum-value-removed"), NonBreakingBy("response.enum-value-added"), $"{Response}: kind");
        yield return new("a response constraint changed",
            SpecPair.Edit(("          description: The widget's id.\n", "          description: The widget's id.\n          maxLength: 10\n")),
            NonBreakingBy("response.constraint-changed"), NonBreakingBy("response.constraint-changed"), $"{Response}: id");
        yield return new("a security header renamed",
            SpecPair.Edit(("name: X-KEY", "name: X-API-KEY")),
            BreakingBy("security.header-renamed"), BreakingBy("security.header-renamed"), $"{Operation} security");
        yield return new("a security scheme newly required, or no longer required",
            SpecPair.Edit(("  - key: []\n", "  - key: []\n    token: []\n"), ("      name: X-KEY\n", "      name: X-KEY\n    token:\n      type: apiKey\n      in: header\n      name: X-TOKEN\n")),
            BreakingBy("security.scheme-required-added"), NonBreakingBy("security.scheme-removed"), $"{Operation} security");
        yield return new("a server added or removed",
            SpecPair.Edit(("  - url: https://sandbox.example.com\n", "  - url: https://sandbox.example.com\n  - url: https://production.example.com\n")),
            NonBreakingBy("server.added"), BreakingBy("server.removed"), "servers");
    }
}
