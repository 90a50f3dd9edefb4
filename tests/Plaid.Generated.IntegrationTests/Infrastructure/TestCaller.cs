namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="PlaidClient"/> over its own <see cref="HttpClient"/>, pointed at a loopback server or an in-memory handler,
/// that reports each answer as it comes: no retries (those are RetryMatrixTests' subject).
/// </summary>
internal sealed class TestCaller : IDisposable
{
    public TestCaller(Uri baseUri, HttpMessageHandler handler, TimeSpan? timeout = null, int maxResponseBytes = PlaidClientOptions.DefaultMaxResponseBytes)
    {
        Clock = new SendClock(handler);
        HttpClient = new HttpClient(Clock) { Timeout = timeout ?? System.Threading.Timeout.InfiniteTimeSpan };
        Client = new PlaidClient(HttpClient, new PlaidClientOptions
        {
            ClientId = Credentials.ClientId,
            Secret = Credentials.Secret,
            BaseUri = baseUri,
            MaxResponseBytes = maxResponseBytes,
            Resilience = { Enabled = false },
        });
    }

    public HttpClient HttpClient { get; }

    public SendClock Clock { get; }

    public PlaidClient Client { get; }

    public static TestCaller For(LoopbackServer server, TimeSpan? timeout = null, Action<SocketsHttpHandler>? configure = null,
        int maxResponseBytes = PlaidClientOptions.DefaultMaxResponseBytes)
    {
        var handler = new SocketsHttpHandler();
        configure?.Invoke(handler);
        return new TestCaller(server.BaseUri, handler, timeout, maxResponseBytes);
    }

    public Task<ProcessorBalanceGetResponse> GetAsync(CancellationToken cancellationToken = default) =>
        Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Credentials.Token }, cancellationToken);

    /// <summary>Calls, expects <typeparamref name="TException"/> (or a subtype), and checks it leaks no credential.</summary>
    public Task<TException> FailsWith<TException>(CancellationToken cancellationToken = default)
        where TException : Exception =>
        Outcome.FailsWith<TException>(() => GetAsync(cancellationToken));

    public void Dispose() => HttpClient.Dispose();
}
