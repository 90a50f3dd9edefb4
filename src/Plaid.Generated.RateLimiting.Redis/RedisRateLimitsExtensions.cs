using Microsoft.Extensions.DependencyInjection;
using Plaid.Generated.RateLimiting.Redis;

namespace Plaid.Generated;

/// <summary>Puts a client's budgets in Redis: on <see cref="PlaidRateLimitOptions"/> or on <c>AddPlaidClient</c>'s builder.</summary>
public static class RedisRateLimitsExtensions
{
    /// <summary>Keeps these budgets in Redis at <paramref name="configuration"/>, shared by every process using the same Redis and prefix.</summary>
    /// <param name="rateLimits">The client's budgets (set their numbers as usual).</param>
    /// <param name="configuration">Where Redis is (StackExchange.Redis syntax, e.g. <c>127.0.0.1:6379</c>).</param>
    /// <param name="keyPrefix">The start of every key; give each Plaid client id its own.</param>
    /// <returns><paramref name="rateLimits"/>.</returns>
    public static PlaidRateLimitOptions UseRedis(this PlaidRateLimitOptions rateLimits, string configuration, string keyPrefix = RedisPlaidRateLimiterFactory.DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(rateLimits);
        rateLimits.LimiterFactory = new RedisPlaidRateLimiterFactory(configuration, keyPrefix);
        return rateLimits;
    }

    /// <summary>
    /// Keeps the registered client's budgets (<c>Plaid:RateLimits</c>) in Redis at <paramref name="configuration"/>,
    /// shared by every process of the fleet.
    /// </summary>
    /// <param name="builder">What <c>AddPlaidClient</c> returned.</param>
    /// <param name="configuration">Where Redis is (StackExchange.Redis syntax, e.g. <c>127.0.0.1:6379</c>).</param>
    /// <param name="keyPrefix">The start of every key; give each Plaid client id its own.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHttpClientBuilder AddRedisRateLimits(this IHttpClientBuilder builder, string configuration, string keyPrefix = RedisPlaidRateLimiterFactory.DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var factory = new RedisPlaidRateLimiterFactory(configuration, keyPrefix);
        builder.Services.PostConfigure<PlaidClientOptions>(options => options.RateLimits.LimiterFactory = factory);
        return builder;
    }
}
