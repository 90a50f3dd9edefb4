namespace Plaid.Generated.Conformance;

/// <summary>One call through the public client, with the exchange recorded under it.</summary>
internal static class Calls
{
    public const string ClientId = "conformance-client-id";
    public const string Secret = "conformance-secret-4f8a";

    /// <summary>A client over <see cref="RecordingHandler"/> for <paramref name="baseUri"/> (plain http: loopback only).</summary>
    public static PlaidClient Client(Uri baseUri) =>
        new(new HttpClient(new RecordingHandler(new SocketsHttpHandler())), new PlaidClientOptions
        {
            ClientId = ClientId,
            Secret = Secret,
            BaseUri = baseUri,
            // Each call judges the one answer Prism gave; a retry would replace it with another random answer.
            Resilience = { Enabled = false },
        });

    public static async Task<(ProcessorBalanceGetResponse? Response, Exception? Failure)> SendAsync(
        PlaidClient client, Exchange exchange, string processorToken, DateTimeOffset? minLastUpdated)
    {
        RecordingHandler.Record(exchange);
        var request = new ProcessorBalanceGetRequest
        {
            ProcessorToken = processorToken,
            Options = minLastUpdated is { } bound ? new ProcessorBalanceGetRequestOptions { MinLastUpdatedDatetime = bound } : null,
        };
        try
        {
            return (await client.ProcessorBalanceGetAsync(request).ConfigureAwait(false), null);
        }
        catch (Exception exception) when (exception is PlaidApiException or HttpRequestException or InvalidOperationException)
        {
            return (null, exception);
        }
    }
}
