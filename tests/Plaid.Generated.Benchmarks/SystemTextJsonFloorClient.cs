using System.Net.Http.Headers;
using System.Text.Json;

namespace Plaid.Generated.Benchmarks;

/// <summary>
/// The second floor: the same hand-written call with System.Text.Json as its documentation shows it
/// (UTF-8 bytes out, <see cref="JsonSerializer.DeserializeAsync{TValue}(Stream, JsonSerializerOptions?, CancellationToken)"/>
/// in), same models, headers and body. What a client built on System.Text.Json starts from.
/// </summary>
internal sealed class SystemTextJsonFloorClient(HttpClient httpClient, Uri baseUri)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly Uri _endpoint = new(baseUri, Payloads.Path);

    public async Task<FloorResponse> ProcessorBalanceGetAsync(FloorRequest request, CancellationToken cancellationToken = default)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request));
        content.Headers.ContentType = Json;
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = content };
        message.Headers.TryAddWithoutValidation("PLAID-CLIENT-ID", Payloads.ClientId);
        message.Headers.TryAddWithoutValidation("PLAID-SECRET", Payloads.Secret);
        message.Headers.TryAddWithoutValidation("Plaid-Version", Payloads.PlaidVersion);

        using var response = await httpClient.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new FloorApiException((int)response.StatusCode,
                    await JsonSerializer.DeserializeAsync<FloorError>(body, cancellationToken: cancellationToken).ConfigureAwait(false));
            }

            return await JsonSerializer.DeserializeAsync<FloorResponse>(body, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new FloorApiException((int)response.StatusCode, error: null);
        }
    }
}
