using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Plaid.Generated.Cli.Tests;

/// <summary>A Kestrel server on 127.0.0.1 (port chosen by the OS) that answers every request with one scripted response.</summary>
internal sealed class LoopbackPlaid : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackPlaid(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.Single();

    public string? ReceivedSecretHeader { get; private set; }

    public string? ReceivedPath { get; private set; }

    public static async Task<LoopbackPlaid> StartAsync(HttpStatusCode status, string body, string contentType = "application/json")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackPlaid(app);
        var bytes = Encoding.UTF8.GetBytes(body);
        app.Run(async context =>
        {
            server.ReceivedPath = context.Request.Path;
            server.ReceivedSecretHeader = context.Request.Headers["PLAID-SECRET"];
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
