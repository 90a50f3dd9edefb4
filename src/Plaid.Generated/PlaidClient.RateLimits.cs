using System.Threading.RateLimiting;

namespace Plaid.Generated;

/// <summary>
/// The client-side budgets (<see cref="PlaidClientOptions.RateLimits"/>): before each attempt is sent, one permit from the
/// per-Item budget (keyed by the processor token) and then one from the per-client budget, waited for within the call's
/// deadline. A budget that cannot give its permit before the deadline ends the call with
/// <see cref="PlaidBudgetExhaustedException"/>, and the attempt is never sent.
/// </summary>
public sealed partial class PlaidClient
{
    private static readonly TimeSpan ShortestBudgetPoll = TimeSpan.FromMilliseconds(10);

    private readonly PlaidBudgetLimiters? _budgets;

    /// <summary>Takes the attempt's permits; returns how long that waited (zero when the budgets are off or had permits at once).</summary>
    private ValueTask<TimeSpan> AcquireBudgetsAsync(string? processorToken, CallTelemetry telemetry, CallDeadline deadline)
    {
        if (_budgets is not { } budgets)
        {
            return new(TimeSpan.Zero);
        }

        return AcquireAllAsync(budgets, processorToken, telemetry, deadline);
    }

    private static async ValueTask<TimeSpan> AcquireAllAsync(
        PlaidBudgetLimiters budgets, string? processorToken, CallTelemetry telemetry, CallDeadline deadline)
    {
        var waited = TimeSpan.Zero;
        if (budgets.PerItem is { } perItem && processorToken is not null)
        {
            waited += await AcquireAsync(
                token => perItem.AcquireAsync(processorToken, 1, token), PlaidBudget.PerItem, budgets.PerItemLimit, budgets.PerItemWindow, telemetry, deadline).ConfigureAwait(false);
        }

        if (budgets.PerClient is { } perClient)
        {
            waited += await AcquireAsync(
                token => perClient.AcquireAsync(1, token), PlaidBudget.PerClient, budgets.PerClientLimit, budgets.PerClientWindow, telemetry, deadline).ConfigureAwait(false);
        }

        return waited;
    }

    private static async ValueTask<TimeSpan> AcquireAsync(
        Func<CancellationToken, ValueTask<RateLimitLease>> acquire, PlaidBudget budget, int permitLimit, TimeSpan window,
        CallTelemetry telemetry, CallDeadline deadline)
    {
        var startedAt = deadline.Timestamp;
        var held = false; // the permit did not come at once
        try
        {
            while (true)
            {
                var pending = acquire(deadline.Token);
                if (!pending.IsCompleted)
                {
                    held = true;
                    deadline.Arm(); // an in-process budget queues the request: the deadline bounds the wait
                }

                using var lease = await pending.ConfigureAwait(false);
                if (lease.IsAcquired)
                {
                    break;
                }

                // A shared store refuses at once and says when to ask again; with no hint, ask again soon.
                var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
                    ? retryAfter
                    : TimeSpan.FromTicks(Math.Max(ShortestBudgetPoll.Ticks, window.Ticks / 20));
                if (!deadline.Allows(wait))
                {
                    throw new PlaidBudgetExhaustedException(budget, permitLimit, window, wait);
                }

                held = true;
                await deadline.WaitAsync(wait).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException exception) when (deadline.Expired)
        {
            throw new PlaidBudgetExhaustedException(budget, permitLimit, window, retryAfter: null, exception);
        }

        if (!held)
        {
            return TimeSpan.Zero;
        }

        var waited = deadline.ElapsedSince(startedAt);
        telemetry.BudgetWaited(budget, waited);
        return waited;
    }
}
