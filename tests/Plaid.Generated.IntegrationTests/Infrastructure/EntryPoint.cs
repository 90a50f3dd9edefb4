using Microsoft.Extensions.DependencyInjection;

namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>The ways an application gets a <see cref="PlaidClient"/>, each pointed at a loopback server.</summary>
public enum EntryPoint
{
    /// <summary><c>AddPlaidClient</c> with its default primary handler.</summary>
    DependencyInjection,

    /// <summary><c>new PlaidClient(options)</c>: the shared HttpClient.</summary>
    DefaultConstructor,

    /// <summary><c>new PlaidClient(httpClient, options)</c> over a handler that follows redirects (HttpClient's default).</summary>
    RedirectFollowingHttpClient,
}

/// <summary>A client made through one <see cref="EntryPoint"/>, and whatever it needs disposed.</summary>
internal sealed class EntryPointClient : IDisposable
{
    private readonly IDisposable? _owned;

    private EntryPointClient(IPlaidClient client, IDisposable? owned)
    {
        Client = client;
        _owned = owned;
    }

    public IPlaidClient Client { get; }

    public static PlaidClientOptions Options(Uri baseUri) => new()
    {
        ClientId = Credentials.ClientId,
        Secret = Credentials.Secret,
        BaseUri = baseUri,
    };

    /// <param name="entryPoint">How the client is made.</param>
    /// <param name="baseUri">The server it calls.</param>
    /// <param name="configure">Further options, set in code the same way for every entry point.</param>
    public static EntryPointClient Create(EntryPoint entryPoint, Uri baseUri, Action<PlaidClientOptions>? configure = null)
    {
        var options = Options(baseUri);
        configure?.Invoke(options);
        switch (entryPoint)
        {
            case EntryPoint.DependencyInjection:
                var services = new ServiceCollection();
                services.AddPlaidClient(registered =>
                {
                    registered.ClientId = Credentials.ClientId;
                    registered.Secret = Credentials.Secret;
                    registered.BaseUri = baseUri;
                    configure?.Invoke(registered);
                });
                var provider = services.BuildServiceProvider();
                return new EntryPointClient(provider.GetRequiredService<IPlaidClient>(), provider);
            case EntryPoint.DefaultConstructor:
                return new EntryPointClient(new PlaidClient(options), owned: null);
            case EntryPoint.RedirectFollowingHttpClient:
                var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
                return new EntryPointClient(new PlaidClient(http, options), http);
            default:
                throw new ArgumentOutOfRangeException(nameof(entryPoint), entryPoint, null);
        }
    }

    public Task<ProcessorBalanceGetResponse> GetAsync(CancellationToken cancellationToken = default) =>
        Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Credentials.Token }, cancellationToken);

    public void Dispose() => _owned?.Dispose();
}
