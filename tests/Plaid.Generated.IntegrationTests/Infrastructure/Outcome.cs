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
    /// stops when the call ends, before the exception is checked for credentials.
    /// </summary>
    public static async Task<(Exception? Exception, TimeSpan SinceCancel)> CancelAndMeasure(Task call, CancellationTokenSource cancellation)
    {
        var sinceCancel = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await call.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        sinceCancel.Stop();
        return (await CatchAsync(() => call), sinceCancel.Elapsed);
    }

    /// <summary>The outcome of a call that has already ended, checked like any other; a call still running fails with <see cref="TimeoutException"/>.</summary>
    public static Task<Exception?> CatchEnded(Task call) => CatchAsync(() => call.WaitAsync(TimeSpan.Zero));

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
