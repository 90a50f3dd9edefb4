using Microsoft.Extensions.Options;

namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// Startup validation of <see cref="PlaidClientOptions"/>. Messages name the setting by its
/// configuration key (<c>Plaid:ClientId</c>) and never contain a credential's value.
/// </summary>
internal sealed class PlaidClientOptionsValidator(SettingNames names) : IValidateOptions<PlaidClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PlaidClientOptions options)
    {
        var failures = new List<string>();
        CheckCredential(options.ClientId, nameof(options.ClientId), failures);
        CheckCredential(options.Secret, nameof(options.Secret), failures);

        if (!Enum.IsDefined(options.Environment))
        {
            failures.Add($"{names.Of(nameof(options.Environment))} must be Sandbox or Production.");
        }

        if (options.BaseUri is { } baseUri && PlaidClientOptions.CheckBaseUri(baseUri) is { } problem)
        {
            failures.Add($"{names.Of(nameof(options.BaseUri))} {problem}");
        }

        if (string.IsNullOrWhiteSpace(options.PlaidVersion))
        {
            failures.Add($"{names.Of(nameof(options.PlaidVersion))} must not be empty.");
        }
        else if (HeaderValueRule.HasControlCharacter(options.PlaidVersion))
        {
            failures.Add($"{names.Of(nameof(options.PlaidVersion))} contains a control character.");
        }

        if (options.MaxResponseBytes <= 0)
        {
            failures.Add($"{names.Of(nameof(options.MaxResponseBytes))} must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckCredential(string? value, string property, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{names.Of(property)} is missing: the Plaid {(property == nameof(PlaidClientOptions.Secret) ? "secret" : "client id")} is required.");
        }
        else if (HeaderValueRule.HasControlCharacter(value))
        {
            failures.Add($"{names.Of(property)} contains a control character.");
        }
        else if (value.Length < CredentialRedactor.MinimumLength)
        {
            failures.Add($"{names.Of(property)} is shorter than {CredentialRedactor.MinimumLength} characters, which no Plaid credential is.");
        }
    }
}
