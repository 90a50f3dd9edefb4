using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>
/// The client as <c>AddPlaidClient</c> registers it from a configuration section (factory handler,
/// retries, total timeout), pointed at a loopback server.
/// </summary>
internal sealed class DependencyInjectionCaller : IDisposable
{
    private readonly ServiceProvider _provider;

    /// <param name="server">The loopback server the client calls.</param>
    /// <param name="resilience">Settings under <c>Plaid:Resilience</c>, e.g. <c>["MaxRetryAttempts"] = "1"</c>.</param>
    public DependencyInjectionCaller(LoopbackServer server, Dictionary<string, string> resilience)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Plaid:ClientId"] = Credentials.ClientId,
            ["Plaid:Secret"] = Credentials.Secret,
            ["Plaid:BaseUri"] = server.BaseUri.AbsoluteUri,
            ["Plaid:Resilience:UseJitter"] = "false",
            ["Plaid:Resilience:BaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in resilience)
        {
            settings["Plaid:Resilience:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddPlaidClient(configuration.GetSection("Plaid"));
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
