namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// Enforces <see cref="PlaidResilienceOptions.TotalTimeout"/> around the retries and over the response
/// body (HttpClient.Timeout is off), and fails as HttpClient's own timeout does but naming the setting.
/// </summary>
internal sealed class TotalTimeoutHandler(TimeSpan totalTimeout, string settingName, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var deadline = new TotalDeadline(totalTimeout, settingName, timeProvider, cancellationToken);
        try
        {
            var response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
            response.Content = new DeadlineBoundContent(response.Content, deadline);
            return response;
        }
        catch (OperationCanceledException exception) when (deadline.Expired)
        {
            var timedOut = deadline.TimedOut(exception);
            deadline.Dispose();
            throw timedOut;
        }
        catch
        {
            deadline.Dispose();
            throw;
        }
    }
}
