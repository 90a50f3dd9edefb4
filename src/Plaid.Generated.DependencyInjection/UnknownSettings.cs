using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// Refuses a key under the bound section that names no option (<c>Plaid:Resilience:MaxRetryAtempts</c>), which the
/// binder would otherwise skip in silence. Runs before the binder, whose own check
/// (<see cref="BinderOptions.ErrorOnUnknownConfiguration"/>) names the property but not the key. Messages carry keys,
/// never values.
/// </summary>
internal static class UnknownSettings
{
    private static readonly string[] ClientSettings = Names(typeof(PlaidClientOptions));
    private static readonly string[] ResilienceSettings = Names(typeof(PlaidResilienceOptions));
    private static readonly string[] RateLimitSettings = [nameof(PlaidRateLimitOptions.PerItem), nameof(PlaidRateLimitOptions.PerClient)];
    private static readonly string[] BudgetSettings = Names(typeof(PlaidBudgetOptions));

    public static void Refuse(IConfiguration configuration)
    {
        var failures = new List<string>();
        foreach (var setting in configuration.GetChildren())
        {
            if (!Contains(ClientSettings, setting.Key))
            {
                failures.Add(Failure(setting, ClientSettings));
            }
            else if (string.Equals(setting.Key, nameof(PlaidClientOptions.Resilience), StringComparison.OrdinalIgnoreCase))
            {
                failures.AddRange(setting.GetChildren()
                    .Where(child => !Contains(ResilienceSettings, child.Key))
                    .Select(child => Failure(child, ResilienceSettings)));
            }
            else if (string.Equals(setting.Key, nameof(PlaidClientOptions.RateLimits), StringComparison.OrdinalIgnoreCase))
            {
                foreach (var budget in setting.GetChildren())
                {
                    if (!Contains(RateLimitSettings, budget.Key))
                    {
                        failures.Add(Failure(budget, RateLimitSettings));
                        continue;
                    }

                    failures.AddRange(budget.GetChildren()
                        .Where(child => !Contains(BudgetSettings, child.Key))
                        .Select(child => Failure(child, BudgetSettings)));
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PlaidClientOptions), failures);
        }
    }

    private static string Failure(IConfigurationSection setting, string[] known) =>
        $"{setting.Path} is not a Plaid client setting (a typo?); the settings at that level are {string.Join(", ", known)}.";

    private static bool Contains(string[] names, string key) => names.Contains(key, StringComparer.OrdinalIgnoreCase);

    private static string[] Names(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => property.Name)];
}
