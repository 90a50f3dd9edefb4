using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Plaid.Generated;
using Plaid.Generated.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IPlaidClient"/> as a typed client of IHttpClientFactory.</summary>
public static class PlaidServiceCollectionExtensions
{
    private const string ResilienceSection = "Resilience";

    /// <summary>
    /// Registers <see cref="IPlaidClient"/> with options bound from <paramref name="configuration"/>
    /// (e.g. <c>configuration.GetSection("Plaid")</c>: <c>ClientId</c>, <c>Secret</c>, <c>Environment</c>,
    /// <c>BaseUri</c>, and retries under <c>Resilience</c>), validated when the host starts.
    /// </summary>
    /// <returns>The client's builder, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddPlaidClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var resilience = configuration.GetSection(ResilienceSection);
        services.AddOptions<PlaidClientOptions>().Bind(configuration);
        services.AddOptions<PlaidResilienceOptions>().Bind(resilience);
        var path = (configuration as IConfigurationSection)?.Path;
        return AddCore(services, SettingNames.ForSection(path), SettingNames.ForSection(resilience.Path));
    }

    /// <summary>Registers <see cref="IPlaidClient"/> with options set in code, validated when the host starts.</summary>
    /// <returns>The client's builder, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddPlaidClient(
        this IServiceCollection services,
        Action<PlaidClientOptions> configure,
        Action<PlaidResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PlaidClientOptions>().Configure(configure);
        services.AddOptions<PlaidResilienceOptions>().Configure(configureResilience ?? (_ => { }));
        return AddCore(services, SettingNames.ForType(nameof(PlaidClientOptions)), SettingNames.ForType(nameof(PlaidResilienceOptions)));
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, SettingNames clientNames, SettingNames resilienceNames)
    {
        services.AddSingleton<IValidateOptions<PlaidClientOptions>>(new PlaidClientOptionsValidator(clientNames));
        services.AddSingleton<IValidateOptions<PlaidResilienceOptions>>(new PlaidResilienceOptionsValidator(resilienceNames));
        services.AddOptions<PlaidClientOptions>().ValidateOnStart();
        services.AddOptions<PlaidResilienceOptions>().ValidateOnStart();

        var builder = services
            .AddHttpClient<IPlaidClient, PlaidClient>((http, provider) =>
                new PlaidClient(http, provider.GetRequiredService<IOptions<PlaidClientOptions>>().Value))
            // TotalTimeoutHandler is the call's one deadline, body included; HttpClient's would race it.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler((handler, _) => RefuseRedirects(handler))
            .RedactLoggedHeaders(LoggedHeaders.ShouldRedact)
            .AddHttpMessageHandler(provider => new TotalTimeoutHandler(
                ResilienceOptions(provider).TotalTimeout,
                resilienceNames.Of(nameof(PlaidResilienceOptions.TotalTimeout)),
                provider.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.AddResilienceHandler(PlaidResiliencePipeline.Name, PlaidResiliencePipeline.Configure);
        return builder;
    }

    // HttpClient repeats the credential headers to whatever origin a redirect names; Plaid never redirects.
    // A primary handler the caller sets later is theirs to configure (the client still refuses a redirected answer).
    private static void RefuseRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler { AllowAutoRedirect: true } client:
                client.AllowAutoRedirect = false;
                break;
        }
    }

    private static PlaidResilienceOptions ResilienceOptions(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<PlaidResilienceOptions>>().Value;
}
