using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Plaid.Generated;
using Plaid.Generated.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="IPlaidClient"/> as a typed client of IHttpClientFactory. Retries and the total timeout are the
/// client's own (<see cref="PlaidClientOptions.Resilience"/>), as for a client made with <c>new PlaidClient(...)</c>.
/// </summary>
public static class PlaidServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPlaidClient"/> with options bound from <paramref name="configuration"/>
    /// (e.g. <c>configuration.GetSection("Plaid")</c>: <c>ClientId</c>, <c>Secret</c>, <c>Environment</c>,
    /// <c>BaseUri</c>, retries under <c>Resilience</c>, and client-side budgets under <c>RateLimits</c>:
    /// <c>RateLimits:PerItem:PermitLimit</c>, <c>RateLimits:PerItem:Window</c>, <c>RateLimits:PerClient:PermitLimit</c>,
    /// <c>RateLimits:PerClient:Window</c>), validated when the host starts. A key under the section
    /// that names no option (a typo such as <c>Plaid:Resilience:MaxRetryAtempts</c>) fails too, with an
    /// <see cref="OptionsValidationException"/> naming the key.
    /// </summary>
    /// <returns>The client's builder, to add handlers or replace the primary handler (not to add retries: the client has them).</returns>
    public static IHttpClientBuilder AddPlaidClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PlaidClientOptions>()
            .Configure(_ => UnknownSettings.Refuse(configuration))
            .Bind(configuration, binder => binder.ErrorOnUnknownConfiguration = true);
        return AddCore(services, SettingNames.ForSection((configuration as IConfigurationSection)?.Path));
    }

    /// <summary>Registers <see cref="IPlaidClient"/> with options set in code, validated when the host starts.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the client's options.</param>
    /// <param name="configureResilience">Sets <see cref="PlaidClientOptions.Resilience"/>, if given.</param>
    /// <returns>The client's builder, to add handlers or replace the primary handler (not to add retries: the client has them).</returns>
    public static IHttpClientBuilder AddPlaidClient(
        this IServiceCollection services,
        Action<PlaidClientOptions> configure,
        Action<PlaidResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PlaidClientOptions>().Configure(options =>
        {
            configure(options);
            configureResilience?.Invoke(options.Resilience);
        });
        return AddCore(services, SettingNames.InCode);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, SettingNames names)
    {
        services.AddSingleton<IValidateOptions<PlaidClientOptions>>(new PlaidClientOptionsValidator(names));
        services.AddOptions<PlaidClientOptions>()
            .PostConfigure<IServiceProvider>(UseRegisteredTimeProvider)
            .ValidateOnStart();

        return services
            .AddHttpClient<IPlaidClient, PlaidClient>((http, provider) =>
                new PlaidClient(http, provider.GetRequiredService<IOptions<PlaidClientOptions>>().Value, Log(provider)))
            // The client's TotalTimeout is the call's one deadline, body included; HttpClient's would race it.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler((handler, _) => RefuseRedirects(handler))
            .RedactLoggedHeaders(LoggedHeaders.ShouldRedact);
    }

    // Retries, rate-limit waits and final failures, through the application's logging (none without an ILoggerFactory).
    private static PlaidClientLog? Log(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>() is { } loggers ? new PlaidClientLog(loggers.CreateLogger(PlaidClientLog.Category)) : null;

    // A TimeProvider registered in DI (a fake one in tests) is the client's clock, unless the options set one.
    private static void UseRegisteredTimeProvider(PlaidClientOptions options, IServiceProvider provider)
    {
        if (ReferenceEquals(options.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } timeProvider)
        {
            options.TimeProvider = timeProvider;
        }
    }

    // HttpClient repeats the credential headers to whatever origin a redirect names; Plaid never redirects.
    // A primary handler the caller sets later is theirs to configure (the client still refuses a redirected answer).
    private static void RefuseRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
#if NET
            case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                sockets.AllowAutoRedirect = false;
                break;
#endif
            case HttpClientHandler { AllowAutoRedirect: true } client:
                client.AllowAutoRedirect = false;
                break;
#if !NET
            // netstandard2.0 cannot name SocketsHttpHandler, the factory's default handler on .NET 5 and later.
            case var other when other.GetType().GetProperty("AllowAutoRedirect") is { CanWrite: true } property
                && property.PropertyType == typeof(bool) && (bool)property.GetValue(other)!:
                property.SetValue(other, false);
                break;
#endif
        }
    }
}
