using System.Net;
using System.Net.Sockets;

namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback listener that never accepts and whose accept queue is already full, so the kernel
/// drops further SYNs and a client's connect hangs: the "connecting" stage, on a real socket.
/// </summary>
internal sealed class UnacceptingListener : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _fillers = [];

    private UnacceptingListener()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    public Uri BaseUri => new($"http://{EndPoint}/");

    /// <summary>Fills the queue, then checks that a probe connection really hangs; null when this OS does not behave so.</summary>
    public static async Task<UnacceptingListener?> StartAsync()
    {
        var listener = new UnacceptingListener();
        for (var i = 0; i < 4; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener._fillers.Add(filler);
            _ = filler.ConnectAsync(listener.EndPoint).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            await probe.ConnectAsync(listener.EndPoint, patience.Token);
        }
        catch (OperationCanceledException)
        {
            return listener;
        }

        listener.Dispose();
        return null;
    }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}
