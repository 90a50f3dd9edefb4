using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Plaid.Generated.Testing.Tests;

/// <summary>A client over a fake, and raw requests for what the client would refuse to send.</summary>
internal static class Fake
{
    public const string ClientId = "client-id-7c1e4b";
    public const string Secret = "secret-Hx4Mq9Pw2Ls6Tn8";
    public const string Token = "processor-sandbox-0asd1-a92nc";

    /// <summary>The time on <see cref="Clock"/>, in whole seconds as the fake dates its balances.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 7, 8, 9, 10, TimeSpan.Zero);

    /// <summary>A clock stopped at <see cref="Now"/> and a fraction of a second, for the fake's <c>TimeProvider</c>.</summary>
    public static FakeTimeProvider Clock() => new(Now.AddMilliseconds(250));

    /// <summary>A client that reports each answer as it comes, as the README advises for tests of error handling: no retries.</summary>
    public static PlaidClient Client(FakePlaidHandler handler, PlaidEnvironment environment = PlaidEnvironment.Sandbox)
    {
        var options = new PlaidClientOptions { ClientId = ClientId, Secret = Secret, Environment = environment };
        options.Resilience.Enabled = false;
        return new(new HttpClient(handler), options);
    }

    public static Task<ProcessorBalanceGetResponse> GetAsync(this FakePlaidHandler handler, string token = Token, DateTimeOffset? minLastUpdated = null) =>
        Client(handler).ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest
        {
            ProcessorToken = token,
            Options = minLastUpdated is { } min ? new ProcessorBalanceGetRequestOptions { MinLastUpdatedDatetime = min } : null,
        });

    /// <summary>Sends <paramref name="json"/> to the fake's sandbox balance URL with the given headers, and returns the raw answer.</summary>
    public static Task<(int Status, string Body)> PostAsync(FakePlaidHandler handler, string json, params (string Name, string Value)[] headers) =>
        PostAsync(handler, "processor/balance/get", json, headers);

    /// <summary>Sends <paramref name="json"/> to <paramref name="path"/> on the fake's sandbox host, and returns the raw answer.</summary>
    public static async Task<(int Status, string Body)> PostAsync(FakePlaidHandler handler, string path, string json, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://sandbox.plaid.com/" + path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static readonly (string, string)[] AllHeaders =
        [("PLAID-CLIENT-ID", ClientId), ("PLAID-SECRET", Secret), ("Plaid-Version", "2020-09-14")];
}
