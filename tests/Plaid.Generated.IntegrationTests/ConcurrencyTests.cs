using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>One shared client, many callers at once: no credential or response crosses from one call to another.</summary>
public class ConcurrencyTests
{
    private const int Callers = 64;
    private const string TokenPrefix = "processor-sandbox-caller-";

    [Test]
    public async Task Each_of_64_concurrent_callers_sends_exactly_its_own_credentials_and_gets_its_own_response()
    {
        var mismatches = new ConcurrentQueue<string>();
        var inFlight = 0;
        var maxInFlight = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            var caller = await CheckCredentials(context, mismatches);
            await Task.Delay(20);
            Interlocked.Decrement(ref inFlight);
            await Respond(context, caller);
        });
        using var shared = TestCaller.For(server);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            await start.Task;
            var response = await shared.Client.ProcessorBalanceGetAsync(RequestFor(caller));
            return (caller, response);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        TestContext.Out.WriteLine($"{Callers} callers, at most {maxInFlight} requests in flight on the server at once");
        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty, "the server saw credentials that were not the caller's own");
            foreach (var (caller, response) in results)
            {
                Assert.That(response.Account.Name, Is.EqualTo(TokenFor(caller)), $"caller {caller} got another caller's response");
                Assert.That(response.Account.Balances.Current, Is.EqualTo(caller));
            }

            Assert.That(maxInFlight, Is.GreaterThan(1), "the calls never overlapped, so the test proved nothing");
        });
    }

    // Even callers put credentials in the body; odd callers rely on the options' header credentials.
    private static ProcessorBalanceGetRequest RequestFor(int caller)
    {
        var request = new ProcessorBalanceGetRequest { ProcessorToken = TokenFor(caller) };
        if (caller % 2 == 0)
        {
            request.ClientId = BodyClientId(caller);
            request.Secret = BodySecret(caller);
            SecretAssert.Track(request.ClientId);
            SecretAssert.Track(request.Secret);
        }

        return request;
    }

    private static string TokenFor(int caller) => TokenPrefix + caller.ToString("D2", CultureInfo.InvariantCulture);

    private static string BodyClientId(int caller) => $"body-client-{caller:D2}-e4c1";

    private static string BodySecret(int caller) => $"body-secret-{caller:D2}-9Qx7Lm2";

    private static async Task<int> CheckCredentials(HttpContext context, ConcurrentQueue<string> mismatches)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var token = root.GetProperty("processor_token").GetString()!;
        var caller = int.Parse(token[TokenPrefix.Length..], CultureInfo.InvariantCulture);
        var headerClientId = context.Request.Headers["PLAID-CLIENT-ID"].ToString();
        var headerSecret = context.Request.Headers["PLAID-SECRET"].ToString();
        var bodyClientId = root.TryGetProperty("client_id", out var clientId) ? clientId.GetString() : null;
        var bodySecret = root.TryGetProperty("secret", out var secret) ? secret.GetString() : null;

        var expected = caller % 2 == 0
            ? (HeaderClientId: "", HeaderSecret: "", BodyClientId: BodyClientId(caller), BodySecret: BodySecret(caller))
            : (HeaderClientId: Credentials.ClientId, HeaderSecret: Credentials.Secret, BodyClientId: (string?)null, BodySecret: (string?)null);
        var actual = (headerClientId, headerSecret, bodyClientId, bodySecret);
        if (actual != expected)
        {
            mismatches.Enqueue($"caller {caller}: sent {actual}, expected {expected}");
        }

        return caller;
    }

    private static Task Respond(HttpContext context, int caller)
    {
        var body = Fixtures.SpecExample
            .Replace("\"Plaid Checking\"", $"\"{TokenFor(caller)}\"", StringComparison.Ordinal)
            .Replace("\"current\": 110", $"\"current\": {caller}", StringComparison.Ordinal);
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
