using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Plaid.Generated.DependencyInjection;

/// <summary>The resilience handler of the Plaid client: retries with backoff (the total timeout is <see cref="TotalTimeoutHandler"/>'s).</summary>
internal static class PlaidResiliencePipeline
{
    internal const string Name = "plaid";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<PlaidResilienceOptions>>().Value;
        var timeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;

        if (!options.Enabled || options.MaxRetryAttempts == 0)
        {
            return;
        }

        pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            Delay = options.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = options.UseJitter,
            ShouldHandle = arguments => PlaidTransientFailure.IsTransientAsync(arguments.Outcome, arguments.Context.CancellationToken),
            // A Retry-After header sets the wait; without one, null keeps the exponential backoff.
            DelayGenerator = arguments => ValueTask.FromResult(
                arguments.Outcome.Result is { } response ? RetryAfterHeader.Of(response.Headers, timeProvider) : null),
        });
    }
}
