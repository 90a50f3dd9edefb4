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

    public static EntryPointClient Create(EntryPoint entryPoint, Uri baseUri)
    {
        switch (entryPoint)
        {
            case EntryPoint.DependencyInjection:
                var services = new ServiceCollection();
                services.AddPlaidClient(options =>
                {
                    options.ClientId = Credentials.ClientId;
                    options.Secret = Credentials.Secret;
                    options.BaseUri = baseUri;
                });
                var provider = services.BuildServiceProvider();
                return new EntryPointClient(provider.GetRequiredService<IPlaidClient>(), provider);
            case EntryPoint.DefaultConstructor:
                return new EntryPointClient(new PlaidClient(Options(baseUri)), owned: null);
            case EntryPoint.RedirectFollowingHttpClient:
                var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
                return new EntryPointClient(new PlaidClient(http, Options(baseUri)), http);
            default:
                throw new ArgumentOutOfRangeException(nameof(entryPoint), entryPoint, null);
        }
    }

    public Task<ProcessorBalanceGetResponse> GetAsync() =>
        Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Credentials.Token });

    public void Dispose() => _owned?.Dispose();
}
