using System.Collections.Concurrent;

namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>What the server saw of its connections: how many it accepted, and when each one closed.</summary>
internal sealed class ConnectionLog
{
    private readonly ConcurrentQueue<TaskCompletionSource> _closed = new();

    /// <summary>How many connections the server has accepted.</summary>
    public int Count => _closed.Count;

    public TaskCompletionSource Opened()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _closed.Enqueue(closed);
        return closed;
    }

    /// <summary>True when every accepted connection has closed within <paramref name="timeout"/>.</summary>
    public async Task<bool> AllClosedWithin(TimeSpan timeout)
    {
        var all = Task.WhenAll(_closed.Select(closed => closed.Task));
        return await Task.WhenAny(all, Task.Delay(timeout)) == all;
    }
}
