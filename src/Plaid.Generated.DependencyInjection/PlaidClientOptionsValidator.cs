using Microsoft.Extensions.Options;

namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// Startup validation of <see cref="PlaidClientOptions"/>, retries and timeout included: the client's own check
/// (<see cref="PlaidClientOptions.Check"/>), plus credentials, which an application from DI must configure. Messages name
/// the setting by its configuration key (<c>Plaid:ClientId</c>) and never contain a credential's value.
/// </summary>
internal sealed class PlaidClientOptionsValidator(SettingNames names) : IValidateOptions<PlaidClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PlaidClientOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{names.Of(nameof(options.ClientId))} is missing: the Plaid client id is required.");
        }

        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add($"{names.Of(nameof(options.Secret))} is missing: the Plaid secret is required.");
        }

        failures.AddRange(options.Check(names.Prefix, names.Separator));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
