using System.Net.Http.Headers;

namespace Plaid.Generated;

/// <summary>
/// The wait a response's <c>Retry-After</c> asks for, as seconds or as an HTTP date (a date in the past
/// means now); null when the header is absent. Read into <see cref="PlaidApiException.RetryAfter"/>, which the retries wait for.
/// </summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Of(HttpResponseHeaders headers, TimeProvider timeProvider) => headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => Until(date, timeProvider.GetUtcNow()),
        _ => null,
    };

    private static TimeSpan Until(DateTimeOffset date, DateTimeOffset now) => date > now ? date - now : TimeSpan.Zero;
}
