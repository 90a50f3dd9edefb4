// Compiled by build/check-frameworks.sh for .NET Framework 4.6.2: what a service there writes with the packages.
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Plaid.Generated;
using Plaid.Generated.Testing;

internal static class Program
{
    private static int Main()
    {
        // What the README asks of a .NET Framework 4.6.2 service: Plaid accepts TLS 1.2 or later only.
        ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        return RunAsync().GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync()
    {
        var options = new PlaidClientOptions { ClientId = "client-id-1234", Secret = "secret-5678", Environment = PlaidEnvironment.Sandbox };
        var request = new ProcessorBalanceGetRequest { ProcessorToken = "processor-sandbox-0asd1-a92nc" };

        IPlaidClient shared = new PlaidClient(options);
        IPlaidClient faked = new PlaidClient(new HttpClient(new FakePlaidHandler { DefaultAccount = FakeAccount.CapitalOneCreditCard }), options);

        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string>
        {
            { "Plaid:ClientId", "client-id-1234" },
            { "Plaid:Secret", "secret-5678" },
        }).Build();
        services.AddPlaidClient(configuration.GetSection("Plaid")).ConfigurePrimaryHttpMessageHandler(() => new FakePlaidHandler());

        try
        {
            var response = await faked.ProcessorBalanceGetAsync(request);
            decimal? available = response.Account.Balances.Available;
            Console.WriteLine(available);
        }
        catch (PlaidApiException e) when (e.IsInvalidField)
        {
            Console.WriteLine(e.ErrorCode);
        }

        using (var provider = services.BuildServiceProvider())
        {
            var client = provider.GetRequiredService<IPlaidClient>();
            Console.WriteLine((await client.ProcessorBalanceGetAsync(request)).Account.Name);
        }

        return shared == null ? 1 : 0;
    }
}
