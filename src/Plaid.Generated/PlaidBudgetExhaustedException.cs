namespace Plaid.Generated;

/// <summary>
/// A call could not get a permit from one of its client-side budgets (<see cref="PlaidClientOptions.RateLimits"/>)
/// before its deadline (<see cref="PlaidResilienceOptions.TotalTimeout"/>), so its request was never sent.
/// Its text names the budget, never a processor token or a credential.
/// </summary>
public sealed class PlaidBudgetExhaustedException : TimeoutException
{
    /// <summary>Creates the exception for <paramref name="budget"/>.</summary>
    /// <param name="budget">Which budget had no permit.</param>
    /// <param name="permitLimit">The budget's limit.</param>
    /// <param name="window">The budget's window.</param>
    /// <param name="retryAfter">When the budget said a permit may come, if it said.</param>
    /// <param name="innerException">The cancellation of the wait, if the deadline ended it.</param>
    public PlaidBudgetExhaustedException(PlaidBudget budget, int permitLimit, TimeSpan window, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(Describe(budget, permitLimit, window, retryAfter), innerException)
    {
        Budget = budget;
        RetryAfter = retryAfter;
    }

    /// <summary>Which budget had no permit.</summary>
    public PlaidBudget Budget { get; }

    /// <summary>How long until the budget expected a permit, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Describe(PlaidBudget budget, int permitLimit, TimeSpan window, TimeSpan? retryAfter)
    {
        var name = budget == PlaidBudget.PerItem ? "per-Item" : "per-client";
        var setting = budget == PlaidBudget.PerItem ? "Plaid:RateLimits:PerItem" : "Plaid:RateLimits:PerClient";
        var after = retryAfter is { } wait ? $" (the next permit in about {wait.TotalSeconds:0.###} s)" : "";
        return FormattableString.Invariant(
            $"The {name} rate-limit budget ({permitLimit} requests per {window.TotalSeconds:0.###} s, {setting}) had no permit before the call's deadline (Plaid:Resilience:TotalTimeout){after}; the request was not sent.");
    }
}

/// <summary>The client-side budgets of <see cref="PlaidRateLimitOptions"/>.</summary>
public enum PlaidBudget
{
    /// <summary>The budget of one Item (processor token): <see cref="PlaidRateLimitOptions.PerItem"/>.</summary>
    PerItem = 0,

    /// <summary>The budget of the whole client id: <see cref="PlaidRateLimitOptions.PerClient"/>.</summary>
    PerClient = 1,
}
