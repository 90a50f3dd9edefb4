using System.Collections.Concurrent;

namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>
/// The one check every test runs on every exception it sees: no credential in its Message or
/// ToString() (which includes inner exceptions and stack traces).
/// </summary>
internal static class SecretAssert
{
    private static readonly ConcurrentBag<string> ExtraSecrets = [];

    /// <summary>Credentials a test made up on the fly (per-call body credentials) that must not leak either.</summary>
    public static void Track(string credential) => ExtraSecrets.Add(credential);

    /// <summary>The credential a piece of exception text leaks, or null.</summary>
    public static string? FindLeak(Exception exception, IEnumerable<string> credentials)
    {
        foreach (var text in new[] { exception.Message, exception.ToString(), (exception as PlaidApiException)?.ResponseBody ?? string.Empty })
        {
            if (credentials.FirstOrDefault(credential => text.Contains(credential, StringComparison.Ordinal)) is { } leaked)
            {
                return leaked;
            }
        }

        return null;
    }

    public static void DoesNotLeak(Exception exception)
    {
        var leaked = FindLeak(exception, Credentials.All.Concat(ExtraSecrets));
        Assert.That(leaked, Is.Null, () => $"A credential appears in a {exception.GetType().Name}: {exception}");
    }
}
