using System.Text.RegularExpressions;

namespace Plaid.Generated.Cli;

/// <summary>
/// The library's messages name its C# settings; the tool's user set flags and environment variables.
/// This rewrites the one into the other, so a message names what the user typed.
/// </summary>
internal static partial class CliTerms
{
    private static readonly (string Library, string Cli)[] Names =
    [
        ("PlaidClientOptions.ClientId or the request's ClientId", Credentials.ClientIdVariable),
        ("PlaidClientOptions.Secret or the request's Secret", Credentials.SecretVariable),
        ("PlaidClientOptions.ClientId", Credentials.ClientIdVariable),
        ("PlaidClientOptions.Secret", Credentials.SecretVariable),
        ("PlaidClientOptions.Environment", "--env"),
        ("PlaidClientOptions.BaseUri", "--base-url"),
        ("PlaidClientOptions.Resilience.TotalTimeout", "--timeout"),
        ("ProcessorToken", "--processor-token"),
        ("Options.MinLastUpdatedDatetime", "--min-last-updated"),
        // A Sandbox-only operation refused against Production: only --base-url can point `sandbox` there.
        ("Call it with a client for PlaidEnvironment.Sandbox and Sandbox keys.", "Leave out --base-url (the command targets Plaid's Sandbox) and use Sandbox keys."),
    ];

    public static string Translate(string message)
    {
        foreach (var (library, cli) in Names)
        {
            message = message.Replace(library, cli, StringComparison.Ordinal);
        }

        // "the client is configured for Sandbox" is --env's value, in the spelling --env takes.
        return ConfiguredFor().Replace(message, match => $"--env is {match.Groups[1].Value.ToLowerInvariant()}");
    }

    [GeneratedRegex(@"the client is configured for (Sandbox|Production)")]
    private static partial Regex ConfiguredFor();
}
