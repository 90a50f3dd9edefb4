namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// The headers whose values IHttpClientFactory's request logging may write; every other value,
/// credentials first, is logged as <c>*</c>.
/// </summary>
internal static class LoggedHeaders
{
    private static readonly HashSet<string> AllowedValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "Plaid-Version",
        "Plaid-Request-Id",
        "Content-Type",
        "Content-Length",
        "Content-Encoding",
        "Retry-After",
        "Date",
    };

    public static bool ShouldRedact(string headerName) => !AllowedValues.Contains(headerName);
}
