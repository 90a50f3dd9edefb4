using Microsoft.Extensions.Options;

namespace Plaid.Generated.DependencyInjection;

/// <summary>Startup validation of <see cref="PlaidResilienceOptions"/>, within the ranges Polly accepts.</summary>
internal sealed class PlaidResilienceOptionsValidator(SettingNames names) : IValidateOptions<PlaidResilienceOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, PlaidResilienceOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRetryAttempts < 0)
        {
            failures.Add($"{names.Of(nameof(options.MaxRetryAttempts))} must not be negative.");
        }

        if (options.BaseDelay < TimeSpan.Zero || options.BaseDelay > MaxDuration)
        {
            failures.Add($"{names.Of(nameof(options.BaseDelay))} must be between 0 and 1 day.");
        }

        if (options.TotalTimeout < MinTimeout || options.TotalTimeout > MaxDuration)
        {
            failures.Add($"{names.Of(nameof(options.TotalTimeout))} must be between 10 ms and 1 day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
