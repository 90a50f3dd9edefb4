using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Plaid.Generated.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created on it, so a test can advance
/// the clock by exactly the delay the pipeline asked for, once it has asked.
/// </summary>
public sealed class ObservedTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>
    /// Waits for <paramref name="call"/>, advancing the clock by each timer's due time as the timer is created.
    /// Timers due at or after <paramref name="ignoreFrom"/> (the total timeout) are left to run out on their own.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> call, TimeSpan ignoreFrom)
    {
        while (true)
        {
            var nextTimer = _timers.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(call, nextTimer) == call)
            {
                return await call;
            }

            var dueTime = await nextTimer;
            if (dueTime >= TimeSpan.Zero && dueTime < ignoreFrom)
            {
                Advance(dueTime);
            }
        }
    }

    /// <summary>Waits until a timer due in <paramref name="dueTime"/> has been created.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        while (await _timers.Reader.ReadAsync() != dueTime)
        {
        }
    }
}
