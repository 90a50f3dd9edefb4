using System.Text;
using Newtonsoft.Json;

namespace Plaid.Generated.Benchmarks;

/// <summary>
/// The floor: what a careful hand-written call costs with Newtonsoft.Json used naively, one
/// serializer call each way, same headers and body as the other clients.
/// </summary>
internal sealed class FloorClient(HttpClient httpClient, Uri baseUri)
{
    private readonly Uri _endpoint = new(baseUri, Payloads.Path);

    public async Task<FloorResponse> ProcessorBalanceGetAsync(FloorRequest request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(JsonConvert.SerializeObject(request), Encoding.UTF8, "application/json"),
        };
        message.Headers.TryAddWithoutValidation("PLAID-CLIENT-ID", Payloads.ClientId);
        message.Headers.TryAddWithoutValidation("PLAID-SECRET", Payloads.Secret);
        message.Headers.TryAddWithoutValidation("Plaid-Version", Payloads.PlaidVersion);

        using var response = await httpClient.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new FloorApiException((int)response.StatusCode, JsonConvert.DeserializeObject<FloorError>(body));
        }

        return JsonConvert.DeserializeObject<FloorResponse>(body)
            ?? throw new FloorApiException((int)response.StatusCode, error: null);
    }
}

public sealed class FloorApiException(int statusCode, FloorError? error)
    : Exception($"HTTP {statusCode} {error?.ErrorType}/{error?.ErrorCode}")
{
    public int StatusCode { get; } = statusCode;

    public FloorError? Error { get; } = error;
}
