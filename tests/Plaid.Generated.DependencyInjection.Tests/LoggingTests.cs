using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RichardSzalay.MockHttp;
using System.Net;
using static Plaid.Generated.DependencyInjection.Tests.TestPlaid;

namespace Plaid.Generated.DependencyInjection.Tests;

/// <summary>What IHttpClientFactory's request logging writes about a Plaid call, at its most verbose level.</summary>
public class LoggingTests
{
    [Test]
    public async Task Header_values_are_logged_by_allow_list_and_credentials_never()
    {
        var logs = new FakeLogCollector();
        using var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(() => Task.FromResult(Answer(HttpStatusCode.OK)));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        services.AddPlaidClient(options =>
            {
                options.ClientId = ClientId;
                options.Secret = Secret;
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IPlaidClient>().ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Token });

        var logged = string.Join('\n', logs.GetSnapshot().Select(record => record.Message));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(logged, Does.Contain("PLAID-SECRET").And.Contain("PLAID-CLIENT-ID"), "the request headers were logged");
            Assert.That(logged, Does.Contain("Plaid-Version: 2020-09-14"), "allow-listed values are kept");
            Assert.That(logged, Does.Not.Contain(Secret).And.Not.Contain(ClientId));
        }
    }
}
