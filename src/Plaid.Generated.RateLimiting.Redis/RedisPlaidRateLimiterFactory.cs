using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Plaid.Generated.RateLimiting.Redis;

/// <summary>
/// Keeps <see cref="PlaidRateLimitOptions"/>'s budgets in Redis so that every process using the same Redis and key prefix
/// shares them (<c>options.RateLimits.LimiterFactory = new RedisPlaidRateLimiterFactory("127.0.0.1:6379")</c>, or
/// <c>AddPlaidClient(...).AddRedisRateLimits(...)</c>). Each budget is a sliding window: a sorted set of the permits
/// of the last window, timed by Redis's own clock (<c>TIME</c>), checked and taken by one Lua script, so that no window of
/// the budget's length, wherever it starts, holds more than the limit (each permit is held for the window plus 2 % and 25 ms). A refused permit says when the oldest one leaves
/// the window, which the client waits for within the call's deadline.
/// Per-Item keys hold a SHA-256 of the processor token, never the token.
/// When Redis cannot be reached the call fails at once with <see cref="RedisBudgetUnavailableException"/>: nothing is sent
/// unlimited, and nothing waits on a store that is down.
/// </summary>
public sealed class RedisPlaidRateLimiterFactory : PlaidRateLimiterFactory
{
    /// <summary>The default start of every key: <c>plaid:budget:</c>.</summary>
    public const string DefaultKeyPrefix = "plaid:budget:";

    // KEYS[1] the budget's sorted set; ARGV: limit, window in microseconds, a unique member.
    // Returns -1 when the permit was taken, else the microseconds until the oldest permit leaves the window.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local window = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
          redis.call('ZADD', KEYS[1], now, ARGV[3])
          redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000) + 1000)
          return -1
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, tonumber(oldest[2]) + window - now)
        """;

    private readonly Lazy<IConnectionMultiplexer> _connection;
    private readonly string _keyPrefix;
    private readonly string _endpoint;

    /// <summary>Uses Redis at <paramref name="configuration"/> (StackExchange.Redis syntax, e.g. <c>127.0.0.1:6379</c>), connected on first use.</summary>
    /// <param name="configuration">Where Redis is.</param>
    /// <param name="keyPrefix">The start of every key; give each Plaid client id its own.</param>
    public RedisPlaidRateLimiterFactory(string configuration, string keyPrefix = DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false; // come back when Redis does
        options.BacklogPolicy = BacklogPolicy.FailFast; // while it is down, fail now rather than queue
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
        _endpoint = string.Join(",", options.EndPoints.Select(e => e.ToString()));
        _connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        _keyPrefix = keyPrefix;
    }

    /// <summary>Uses an existing connection (not disposed by this factory).</summary>
    /// <param name="connection">The application's Redis connection.</param>
    /// <param name="keyPrefix">The start of every key; give each Plaid client id its own.</param>
    public RedisPlaidRateLimiterFactory(IConnectionMultiplexer connection, string keyPrefix = DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _endpoint = string.Join(",", connection.GetEndPoints().Select(e => e.ToString())); // not Configuration: it may hold a password
        _connection = new Lazy<IConnectionMultiplexer>(() => connection);
        _keyPrefix = keyPrefix;
    }

    /// <inheritdoc/>
    public override RateLimiter CreateClientLimiter(int permitLimit, TimeSpan window) =>
        new ClientLimiter(new Budget(this, permitLimit, window), _keyPrefix + "client");

    /// <inheritdoc/>
    public override PartitionedRateLimiter<string> CreateItemLimiter(int permitLimit, TimeSpan window) =>
        new ItemLimiter(new Budget(this, permitLimit, window), _keyPrefix + "item:");

    private sealed class Budget(RedisPlaidRateLimiterFactory factory, int permitLimit, TimeSpan window)
    {
        // Each permit is held for the window plus 2 % and 25 ms, so that a request sent a little later than another (network,
        // scheduling) does not land inside the server's window of the permit it replaced.
        private readonly long _windowMicroseconds = (long)(window.Ticks * 1.02 / 10) + 25_000;

        public async ValueTask<RateLimitLease> TakeAsync(string key)
        {
            RedisResult result;
            try
            {
                result = await factory._connection.Value.GetDatabase()
                    .ScriptEvaluateAsync(Script, [key], [permitLimit, _windowMicroseconds, Guid.NewGuid().ToString("N")])
                    .ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                throw new RedisBudgetUnavailableException(factory._endpoint, exception);
            }

            var wait = (long)result;
            return wait < 0 ? Lease.Acquired : new Lease(TimeSpan.FromTicks(wait * 10));
        }
    }

    private sealed class ClientLimiter(Budget budget, string key) : RateLimiter
    {
        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
            throw new NotSupportedException("A Redis budget is checked asynchronously: use AcquireAsync.");

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            budget.TakeAsync(key);
    }

    private sealed class ItemLimiter(Budget budget, string keyPrefix) : PartitionedRateLimiter<string>
    {
        public override RateLimiterStatistics? GetStatistics(string resource) => null;

        protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount) =>
            throw new NotSupportedException("A Redis budget is checked asynchronously: use AcquireAsync.");

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken) =>
            budget.TakeAsync(keyPrefix + Hash(resource));

        private static string Hash(string token)
        {
            using var sha = SHA256.Create();
            var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(token));
            return BitConverter.ToString(bytes).Replace("-", "", StringComparison.Ordinal);
        }
    }

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
