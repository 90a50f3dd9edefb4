using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated.Cli.OfflineFake;

/// <summary>
/// An in-process stand-in for Plaid's /processor/balance/get: no sockets, no network. It answers
/// with the spec's example account, or with a documented error for the token
/// <c>processor-&lt;env&gt;-error-&lt;ERROR_CODE&gt;</c>, in the shape and status Plaid uses.
/// </summary>
internal sealed class OfflinePlaid : HttpMessageHandler
{
    public const string ClientId = "offline-fake-client-id";
    public const string Secret = "offline-fake-secret";
    public const string ErrorTokenMarker = "-error-";

    private const string ResourceName = "Plaid.Generated.Cli.OfflineFake.processor-balance-get.json";

    /// <summary>The token used when none is given: the spec's example token, in the chosen environment.</summary>
    public static string DefaultToken(PlaidEnvironment environment) =>
        $"processor-{environment.ToString().ToLowerInvariant()}-0asd1-a92nc";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath != "/processor/balance/get")
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var success = await ReadSuccessAsync(cancellationToken).ConfigureAwait(false);
        var error = TryParse(body) is { } parsed ? Answer(parsed, TryParse(success)!) : DocumentedErrors.ByCode[PlaidErrorCodes.InvalidBody];
        var response = error is null ? Json(HttpStatusCode.OK, success) : Json(error.Status, ErrorBody(error));
        response.RequestMessage = request;
        return response;
    }

    /// <summary>The error the request earns, or null for the example account.</summary>
    private static DocumentedError? Answer(JObject request, JObject success)
    {
        var token = (string?)request["processor_token"] ?? "";
        var marker = token.IndexOf(ErrorTokenMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            var code = token[(marker + ErrorTokenMarker.Length)..];
            return DocumentedErrors.ByCode.TryGetValue(code, out var documented)
                ? documented
                : DocumentedErrors.ByCode[PlaidErrorCodes.InvalidProcessorToken] with
                {
                    Message = $"the offline fake knows no error code '{code}'; it knows {string.Join(", ", DocumentedErrors.ByCode.Keys)}",
                };
        }

        // Like Plaid, refuse when the freshest balance is older than the caller accepts.
        var minLastUpdated = (DateTimeOffset?)request["options"]?["min_last_updated_datetime"];
        var lastUpdated = (DateTimeOffset?)success["account"]?["balances"]?["last_updated_datetime"];
        return minLastUpdated > lastUpdated ? DocumentedErrors.ByCode[PlaidErrorCodes.LastUpdatedDatetimeOutOfRange] : null;
    }

    private static string ErrorBody(DocumentedError error) => new JObject
    {
        ["display_message"] = error.DisplayMessage,
        ["documentation_url"] = $"https://plaid.com/docs/errors/{error.Type.ToString().ToLowerInvariant().Replace('_', '-')}/#{error.Code.ToLowerInvariant()}",
        ["error_code"] = error.Code,
        ["error_code_reason"] = null,
        ["error_message"] = error.Message,
        ["error_type"] = error.Type.ToString(),
        ["request_id"] = $"offline-{error.Code}",
        ["suggested_action"] = null,
        ["causes"] = new JArray(),
        ["status"] = (int)error.Status,
    }.ToString(Formatting.Indented);

    private static async Task<string> ReadSuccessAsync(CancellationToken cancellationToken)
    {
        var stream = typeof(OfflinePlaid).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static JObject? TryParse(string json)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            return JObject.Load(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
