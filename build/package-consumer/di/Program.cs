// Run by build/check-package.sh in a host that references Plaid.Generated.DependencyInjection only as a package:
// AddPlaidClient's options are validated when the host starts (ValidateOnStart), and one call goes through
// FakePlaidHandler as the primary handler.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Plaid.Generated;
using Plaid.Generated.Testing;

var failures = new List<string>();
void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

IHost BuildHost(Dictionary<string, string?> settings, FakePlaidHandler fake)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders(); // the checks below print what matters
    builder.Configuration.AddInMemoryCollection(settings);
    builder.Services.AddPlaidClient(builder.Configuration.GetSection("Plaid")).ConfigurePrimaryHttpMessageHandler(() => fake);
    return builder.Build();
}

// Without a secret the host refuses to start, naming the key and not the client id's value.
using (var invalid = BuildHost(new() { ["Plaid:ClientId"] = "consumer-client-id" }, new FakePlaidHandler()))
{
    try
    {
        await invalid.StartAsync();
        failures.Add("a host without Plaid:Secret started");
        await invalid.StopAsync();
    }
    catch (OptionsValidationException e)
    {
        Check(e.Message.Contains("Plaid:Secret", StringComparison.Ordinal), $"validation failure does not name Plaid:Secret: {e.Message}");
        Check(!e.Message.Contains("consumer-client-id", StringComparison.Ordinal), "validation failure prints the client id");
    }
}

var fake = new FakePlaidHandler { ClientId = "consumer-client-id", Secret = "consumer-secret-value" };
using var host = BuildHost(new() { ["Plaid:ClientId"] = "consumer-client-id", ["Plaid:Secret"] = "consumer-secret-value" }, fake);
await host.StartAsync();
var response = await host.Services.GetRequiredService<IPlaidClient>()
    .ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = "processor-sandbox-0asd1-a92nc" });
await host.StopAsync();

Check(response.Account.Name == "Plaid Checking" && response.Account.Balances.Current == 110, $"account {response.Account.Name} not parsed");
Check(response.RequestId == "1zlMf", $"request id {response.RequestId}");
Check(fake.ReceivedRequests.Count == 1, $"{fake.ReceivedRequests.Count} requests reached the fake, expected one");
Check(fake.ReceivedRequests.All(request => request.Headers["PLAID-SECRET"] == CredentialRedactor.Mask), "the fake recorded the secret");

foreach (var failure in failures)
{
    Console.Error.WriteLine($"dependency injection consumer: {failure}");
}

Console.WriteLine(failures.Count == 0 ? "dependency injection consumer: OK (host refused invalid options at start, one call through FakePlaidHandler)" : "dependency injection consumer: FAILED");
return failures.Count == 0 ? 0 : 1;
