using Polly.Retry;

namespace Plaid.Generated.DependencyInjection;

/// <summary>The wait a response's <c>Retry-After</c> asks for, as seconds or as an HTTP date; none means exponential backoff.</summary>
internal static class RetryAfterDelay
{
    public static TimeSpan? Of(RetryDelayGeneratorArguments<HttpResponseMessage> arguments, TimeProvider timeProvider) =>
        arguments.Outcome.Result?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > timeProvider.GetUtcNow() ? date - timeProvider.GetUtcNow() : TimeSpan.Zero,
            _ => null,
        };
}
