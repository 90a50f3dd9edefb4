using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Plaid.Generated.RateLimiting.Tests;

/// <summary>
/// A real redis-server (Debian's package) on 127.0.0.1 and a free port, no persistence, stopped with the test.
/// Without redis-server the test is skipped with a message, except under CI=true, where it fails.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var path = Find();
        if (path is null)
        {
            const string Message = "redis-server is not installed (apt-get install -y redis-server); the Redis tests need a real one.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(Message);
            }

            Assert.Ignore(Message);
        }

        var port = FreePort();
        var start = new ProcessStartInfo(path!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        server.Dispose();
        Assert.Fail($"redis-server did not listen on 127.0.0.1:{port}");
        return server;
    }

    /// <summary>A port nothing listens on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
}
