using System.Threading.RateLimiting;

namespace Plaid.Generated;

/// <summary>
/// Client-side budgets that keep calls under Plaid's rate limits instead of finding them by hitting them
/// (<see cref="PlaidClientOptions.RateLimits"/>; configuration section <c>Plaid:RateLimits</c> with <c>AddPlaidClient</c>).
/// Off by default: limits differ per Plaid customer. <see cref="PlaidDefaults"/> gives Plaid's documented numbers.
/// A call takes one permit from each budget that is on before every attempt it sends (retries included), waiting for
/// them within <see cref="PlaidResilienceOptions.TotalTimeout"/>; when a permit cannot come before that deadline the call
/// fails with <see cref="PlaidBudgetExhaustedException"/> and nothing is sent. Every client built from the same options
/// object shares the same budgets (the limiters are made when the first client is built).
/// </summary>
public sealed class PlaidRateLimitOptions
{
    private readonly object _gate = new();
    private PlaidBudgetLimiters? _limiters;

    /// <summary>Creates the options with both budgets off.</summary>
    public PlaidRateLimitOptions()
    {
    }

    /// <summary>The budget of each Item, keyed by the request's processor token (Plaid: 5 per minute in Production).</summary>
    public PlaidBudgetOptions PerItem { get; } = new();

    /// <summary>The budget of the whole Plaid client id (Plaid: 1,200 per minute in Production).</summary>
    public PlaidBudgetOptions PerClient { get; } = new();

    /// <summary>
    /// Where the budgets live: null (the default) for this process's memory; a shared store for a fleet, such as
    /// <c>Plaid.Generated.RateLimiting.Redis</c>'s <c>RedisPlaidRateLimiterFactory</c>.
    /// </summary>
    public PlaidRateLimiterFactory? LimiterFactory { get; set; }

    /// <summary>True when either budget is on.</summary>
    public bool Enabled => PerItem.PermitLimit > 0 || PerClient.PermitLimit > 0;

    /// <summary>
    /// Plaid's documented limits for <c>/accounts/balance/get</c> (Plaid's "Rate Limit Exceeded errors" page; the
    /// processor endpoint is not listed separately, so the same family is assumed): Production 5 per minute per Item and
    /// 1,200 per minute per client; Sandbox 25 per minute per Item and 100 per minute per client. Your own limits may
    /// differ: change the numbers on the returned object.
    /// </summary>
    /// <param name="environment">The Plaid environment the client calls.</param>
    /// <returns>New options with both budgets on.</returns>
    public static PlaidRateLimitOptions PlaidDefaults(PlaidEnvironment environment)
    {
        var options = new PlaidRateLimitOptions();
        var (perItem, perClient) = environment switch
        {
            PlaidEnvironment.Production => (5, 1200),
            PlaidEnvironment.Sandbox => (25, 100),
            _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown Plaid environment."),
        };
        options.PerItem.PermitLimit = perItem;
        options.PerClient.PermitLimit = perClient;
        return options;
    }

    internal IEnumerable<string> Check()
    {
        foreach (var (name, budget) in new[] { (nameof(PerItem), PerItem), (nameof(PerClient), PerClient) })
        {
            if (budget.PermitLimit < 0)
            {
                yield return $"RateLimits.{name}.PermitLimit must not be negative (0 turns the budget off).";
            }

            if (budget.Window < TimeSpan.FromMilliseconds(100) || budget.Window > TimeSpan.FromDays(1))
            {
                yield return $"RateLimits.{name}.Window must be between 100 ms and 1 day.";
            }
        }
    }

    /// <summary>The limiters of these options, made once and shared by every client built from them; null when both budgets are off.</summary>
    internal PlaidBudgetLimiters? Limiters()
    {
        if (!Enabled)
        {
            return null;
        }

        lock (_gate)
        {
            if (_limiters is null)
            {
                var factory = LimiterFactory ?? PlaidRateLimiterFactory.InProcess;
                _limiters = new PlaidBudgetLimiters(
                    PerItem.PermitLimit > 0 ? factory.CreateItemLimiter(PerItem.PermitLimit, PerItem.Window) : null,
                    PerItem.PermitLimit, PerItem.Window,
                    PerClient.PermitLimit > 0 ? factory.CreateClientLimiter(PerClient.PermitLimit, PerClient.Window) : null,
                    PerClient.PermitLimit, PerClient.Window);
            }

            return _limiters;
        }
    }
}

/// <summary>One budget: at most <see cref="PermitLimit"/> requests in any <see cref="Window"/>.</summary>
public sealed class PlaidBudgetOptions
{
    /// <summary>Creates the budget, off.</summary>
    public PlaidBudgetOptions()
    {
    }

    /// <summary>Requests allowed in any window; 0 (the default) turns the budget off.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window the limit counts over; Plaid's are one minute (the default).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed record PlaidBudgetLimiters(
    PartitionedRateLimiter<string>? PerItem, int PerItemLimit, TimeSpan PerItemWindow,
    RateLimiter? PerClient, int PerClientLimit, TimeSpan PerClientWindow);
