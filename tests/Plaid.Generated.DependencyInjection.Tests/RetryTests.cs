using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Plaid.Generated.Tests;
using RichardSzalay.MockHttp;

namespace Plaid.Generated.DependencyInjection.Tests;

/// <summary>
/// What the DI package adds to the client's own retries: settings from configuration or from code, and a
/// <see cref="TimeProvider"/> registered in DI as the client's clock. The rules themselves: the core's PlaidClientRetryTests.
/// </summary>
public class RetryTests
{
    [Test]
    public async Task Resilience_bound_from_configuration_and_a_registered_clock_drive_the_clients_retries()
    {
        var (client, handler, time) = Build(services => services.AddPlaidClient(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Plaid:ClientId"] = TestPlaid.ClientId,
                ["Plaid:Secret"] = TestPlaid.Secret,
                ["Plaid:Resilience:BaseDelay"] = "00:00:03",
                ["Plaid:Resilience:UseJitter"] = "false",
                ["Plaid:Resilience:MaxRetryAttempts"] = "2",
            }).Build().GetSection("Plaid")));

        var error = await Assert.ThrowsAsync<PlaidApiException>(() => time.RunAsync(Call(client), TimeSpan.FromSeconds(30)));

        Assert.That(error!.StatusCode, Is.EqualTo(503));
        Assert.That(handler.Attempts(), Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(9) }));
    }

    [Test]
    public async Task Resilience_set_in_code_turns_retries_off()
    {
        var (client, handler, time) = Build(services => services.AddPlaidClient(
            options =>
            {
                options.ClientId = TestPlaid.ClientId;
                options.Secret = TestPlaid.Secret;
            },
            resilience => resilience.Enabled = false));

        await Assert.ThrowsAsync<PlaidApiException>(() => time.RunAsync(Call(client), TimeSpan.FromSeconds(30)));

        Assert.That(handler.Attempts(), Has.Count.EqualTo(1));
    }

    [TestCase(true, 16, TestName = "A resilience handler added to the builder retries inside each of the client's attempts: 4 x 4 sends")]
    [TestCase(false, 4, TestName = "With the client's retries off, only the added handler retries: 4 sends")]
    public async Task An_added_resilience_handler_retries_twice_unless_ours_is_off(bool clientRetries, int sends)
    {
        var (client, handler, time) = Build(services => services.AddPlaidClient(
                options =>
                {
                    options.ClientId = TestPlaid.ClientId;
                    options.Secret = TestPlaid.Secret;
                },
                resilience => resilience.Enabled = clientRetries)
            .AddHttpMessageHandler(() => new RetryingHandler(retries: 3)));

        await Assert.ThrowsAsync<PlaidApiException>(() => time.RunAsync(Call(client), TimeSpan.FromSeconds(60)));

        Assert.That(handler.Attempts(), Has.Count.EqualTo(sends));
    }

    private static Task<ProcessorBalanceGetResponse> Call(IPlaidClient client) =>
        client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = TestPlaid.Token });

    private static (IPlaidClient Client, AttemptLog Handler, ObservedTimeProvider Time) Build(Func<IServiceCollection, IHttpClientBuilder> register)
    {
        var time = new ObservedTimeProvider();
        var handler = new AttemptLog(time);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        register(services).ConfigurePrimaryHttpMessageHandler(() => handler.Mock);
        return (services.BuildServiceProvider().GetRequiredService<IPlaidClient>(), handler, time);
    }

    /// <summary>What a resilience handler (Polly's, the standard one) does below the client: sends a 5xx again, here at once.</summary>
    private sealed class RetryingHandler(int retries) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var retry = 0; ; retry++)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if ((int)response.StatusCode < 500 || retry == retries)
                {
                    return response;
                }

                response.Dispose();
            }
        }
    }

    /// <summary>Answers every attempt with a 503 and records the fake time of each, from the first.</summary>
    private sealed class AttemptLog
    {
        private readonly List<DateTimeOffset> _times = [];

        public AttemptLog(TimeProvider time)
        {
            Mock.Fallback.Respond(() =>
            {
                _times.Add(time.GetUtcNow());
                return Task.FromResult(TestPlaid.Answer(HttpStatusCode.ServiceUnavailable, ""));
            });
        }

        public MockHttpMessageHandler Mock { get; } = new();

        public IReadOnlyList<TimeSpan> Attempts() => [.. _times.Select(at => at - _times[0])];
    }
}
