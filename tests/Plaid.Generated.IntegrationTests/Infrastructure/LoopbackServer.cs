using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>
/// A Kestrel server on 127.0.0.1 (port 0) that answers every request with the test's script and
/// records each connection, so a test can see from the server side that the client closed it.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    public const int ReceiveBufferBytes = 64 * 1024;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Socket> _sockets;

    private LoopbackServer(WebApplication app, ConcurrentDictionary<string, Socket> sockets, ConnectionLog connections)
    {
        _app = app;
        _sockets = sockets;
        Connections = connections;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUri = new Uri(address + "/");
    }

    public Uri BaseUri { get; }

    public ConnectionLog Connections { get; }

    public static async Task<LoopbackServer> StartAsync(RequestDelegate script)
    {
        var sockets = new ConcurrentDictionary<string, Socket>();
        var connections = new ConnectionLog();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Small receive buffers, so a client sending more than a few hundred KB to a script that
        // does not read really stalls (the kernel would otherwise autotune the window to megabytes).
        builder.WebHost.UseSockets(sockets => sockets.CreateBoundListenSocket = endPoint =>
        {
            var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endPoint);
            socket.ReceiveBufferSize = ReceiveBufferBytes;
            return socket;
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBufferSize = ReceiveBufferBytes;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => async connection =>
            {
                if (connection.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
                {
                    sockets[connection.ConnectionId] = socket;
                }

                var closed = connections.Opened();
                using var registration = connection.ConnectionClosed.Register(() => closed.TrySetResult());
                try
                {
                    await next(connection);
                }
                finally
                {
                    closed.TrySetResult();
                    sockets.TryRemove(connection.ConnectionId, out _);
                }
            }));
        });

        var app = builder.Build();
        app.Run(script);
        await app.StartAsync();
        return new LoopbackServer(app, sockets, connections);
    }

    /// <summary>Tears the connection down with a TCP RST (linger 0), as a crashed peer or a middlebox would.</summary>
    public void Reset(HttpContext context)
    {
        if (_sockets.TryGetValue(context.Connection.Id, out var socket))
        {
            socket.LingerState = new LingerOption(enable: true, seconds: 0);
            socket.Close();
        }
        else
        {
            context.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
