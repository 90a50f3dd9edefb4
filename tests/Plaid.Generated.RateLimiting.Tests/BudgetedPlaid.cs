using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Plaid.Generated.Testing;

namespace Plaid.Generated.RateLimiting.Tests;

/// <summary>
/// A loopback fake of Plaid (Kestrel on 127.0.0.1) that enforces Plaid's two limits scaled to seconds, as strictly as a
/// sliding window allows: past <c>perClient</c> requests in any <c>window</c>, or <c>perItem</c> for one processor token,
/// it answers 429 RATE_LIMIT_EXCEEDED without Retry-After, as Plaid does; otherwise FakePlaidHandler's balance.
/// </summary>
internal sealed class BudgetedPlaid : IAsyncDisposable
{
    private static readonly byte[] ClientLimit = Encoding.UTF8.GetBytes(
        """{"error_type":"RATE_LIMIT_EXCEEDED","error_code":"ACCOUNTS_BALANCE_GET_LIMIT","error_message":"rate limit exceeded","display_message":null,"request_id":"fake-429"}""");

    private static readonly byte[] ItemLimit = Encoding.UTF8.GetBytes(
        """{"error_type":"RATE_LIMIT_EXCEEDED","error_code":"BALANCE_LIMIT","error_message":"rate limit exceeded for this item","display_message":null,"request_id":"fake-429-item"}""");

    private readonly WebApplication _app;
    private readonly Queue<DateTime> _clientLog = new();
    private readonly Dictionary<string, Queue<DateTime>> _itemLogs = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly int? _perClient;
    private readonly int? _perItem;
    private readonly TimeSpan _window;
    private readonly HttpMessageInvoker _fake = new(new FakePlaidHandler());

    private BudgetedPlaid(WebApplication app, int? perClient, int? perItem, TimeSpan window)
    {
        _app = app;
        _perClient = perClient;
        _perItem = perItem;
        _window = window;
    }

    public string BaseUrl => _app.Urls.Single();

    public int Answered200;
    public int Answered429;

    public static async Task<BudgetedPlaid> StartAsync(TimeSpan window, int? perClient = null, int? perItem = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new BudgetedPlaid(app, perClient, perItem, window);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        return server;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var token = JsonDocument.Parse(body.ToArray()).RootElement.GetProperty("processor_token").GetString()!;
        byte[]? limited;
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            var itemLog = _itemLogs.TryGetValue(token, out var log) ? log : _itemLogs[token] = new Queue<DateTime>();
            Trim(_clientLog, now);
            Trim(itemLog, now);
            limited = _perClient is { } c && _clientLog.Count >= c ? ClientLimit
                : _perItem is { } i && itemLog.Count >= i ? ItemLimit
                : null;
            // Every request counts against the window, refused or not, as Plaid may count them.
            _clientLog.Enqueue(now);
            itemLog.Enqueue(now);
        }

        if (limited is not null)
        {
            Interlocked.Increment(ref Answered429);
            context.Response.StatusCode = 429;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(limited);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "https://sandbox.plaid.com/processor/balance/get")
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var header in new[] { "PLAID-CLIENT-ID", "PLAID-SECRET", "Plaid-Version" })
        {
            request.Headers.TryAddWithoutValidation(header, context.Request.Headers[header].ToString());
        }

        using var response = await _fake.SendAsync(request, CancellationToken.None);
        Interlocked.Increment(ref Answered200);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync());
    }

    private void Trim(Queue<DateTime> log, DateTime now)
    {
        while (log.Count > 0 && now - log.Peek() >= _window)
        {
            log.Dequeue();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _fake.Dispose();
    }
}
