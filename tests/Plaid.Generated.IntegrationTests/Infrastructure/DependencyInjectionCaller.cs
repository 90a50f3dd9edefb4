using Microsoft.Extensions.DependencyInjection;
using Plaid.Generated.DependencyInjection;

namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>The client as <c>AddPlaidClient</c> registers it (factory handler, retries, total timeout), pointed at a loopback server.</summary>
internal sealed class DependencyInjectionCaller : IDisposable
{
    private readonly ServiceProvider _provider;

    public DependencyInjectionCaller(LoopbackServer server, Action<PlaidResilienceOptions> configureResilience)
    {
        var services = new ServiceCollection();
        services.AddPlaidClient(
            options =>
            {
                options.ClientId = Credentials.ClientId;
                options.Secret = Credentials.Secret;
                options.BaseUri = server.BaseUri;
            },
            resilience =>
            {
                resilience.UseJitter = false;
                resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
                configureResilience(resilience);
            });
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IPlaidClient>();
    }

    public IPlaidClient Client { get; }

    public Task<ProcessorBalanceGetResponse> GetAsync(CancellationToken cancellationToken = default) =>
        Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Credentials.Token }, cancellationToken);

    /// <summary>Calls, expects <typeparamref name="TException"/> (or a subtype), and checks it leaks no credential.</summary>
    public Task<TException> FailsWith<TException>()
        where TException : Exception =>
        Outcome.FailsWith<TException>(() => GetAsync());

    public void Dispose() => _provider.Dispose();
}
