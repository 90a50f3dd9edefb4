using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Plaid.Generated.Benchmarks;

/// <summary>
/// A loopback Kestrel fake of <c>POST /processor/balance/get</c> answering the spec's example, counting
/// the TCP connections it accepts.
/// </summary>
internal sealed class FakePlaidServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _connections;

    private FakePlaidServer(WebApplication app) => _app = app;

    public int ConnectionsOpened => Volatile.Read(ref _connections);

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<FakePlaidServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        FakePlaidServer? server = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            listen.Use(next => connection =>
            {
                Interlocked.Increment(ref server!._connections);
                return next(connection);
            })));

        var app = builder.Build();
        server = new FakePlaidServer(app);
        app.MapPost("/" + Payloads.Path, async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = Payloads.Success.Length;
            await context.Response.Body.WriteAsync(Payloads.Success, context.RequestAborted).ConfigureAwait(false);
        });

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.Single();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
