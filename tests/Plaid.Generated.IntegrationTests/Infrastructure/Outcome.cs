using System.Diagnostics;

namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>How a call ended, checked the same way everywhere: the expected exception type, and no credential in it.</summary>
internal static class Outcome
{
    public static async Task<TException> FailsWith<TException>(Func<Task> call)
        where TException : Exception
    {
        var exception = await CatchAsync(call);
        Assert.That(exception, Is.InstanceOf<TException>(), () => $"Expected {typeof(TException).Name}, got: {exception?.ToString() ?? "a result"}");
        return (TException)exception!;
    }

    /// <summary>
    /// Cancels, then measures how long the call takes to end from that moment (not from its start),
    /// so a slow machine does not inflate the figure with work done before the cancellation. The clock
    /// stops when the call ends (<see cref="EndedAt"/>), before the exception is checked for credentials.
    /// </summary>
    public static async Task<(Exception? Exception, TimeSpan SinceCancel)> CancelAndMeasure(Task call, CancellationTokenSource cancellation)
    {
        var cancelledAt = Stopwatch.GetTimestamp();
        var endedAt = EndedAt(call);
        await cancellation.CancelAsync();
        var sinceCancel = Stopwatch.GetElapsedTime(cancelledAt, await endedAt);
        return (await CatchAsync(() => call), sinceCancel);
    }

    /// <summary>
    /// The <see cref="Stopwatch"/> timestamp at which <paramref name="call"/> completed, read on the thread that
    /// completed it: the test's own wait to be scheduled afterwards, long on a loaded machine, is not counted.
    /// </summary>
    public static Task<long> EndedAt(Task call) =>
        call.ContinueWith(static _ => Stopwatch.GetTimestamp(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public static async Task<Exception?> CatchAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception exception)
        {
            SecretAssert.DoesNotLeak(exception);
            return exception;
        }
    }
}
