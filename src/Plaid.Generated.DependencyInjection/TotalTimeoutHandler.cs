using System.Globalization;
using Polly.Timeout;

namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// Gives the resilience pipeline's total timeout the shape of HttpClient's own timeout: a
/// <see cref="TaskCanceledException"/> whose inner exception is a <see cref="TimeoutException"/>,
/// so callers handle one kind of deadline, not Polly's <see cref="TimeoutRejectedException"/> as well.
/// </summary>
internal sealed class TotalTimeoutHandler(TimeSpan totalTimeout, string settingName) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception)
        {
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"The Plaid call did not finish within {settingName} ({totalTimeout.TotalSeconds} seconds), attempts and the waits between them included.");
            throw new TaskCanceledException(message, new TimeoutException(message, exception));
        }
    }
}
