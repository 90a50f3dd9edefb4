namespace Plaid.Generated.Conformance;

/// <summary>
/// The client against <c>prism mock -d</c> of Plaid's spec: random schema-valid answers, every third call forced
/// to an error status with <c>Prefer: code=N, dynamic=true</c>, half of them with options.
/// </summary>
internal static class MockRun
{
    private static readonly int[] ErrorStatuses = [400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504];

    private const int Concurrency = 4;

    public static async Task<Tally> RunAsync(Uri prism, AnswerCheck check, int calls, int seed)
    {
        var client = Calls.Client(prism);
        var tally = new Tally("conformance");
        var next = -1;
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < calls; i = Interlocked.Increment(ref next))
            {
                var random = new Random(seed + i);
                var forced = i % 3 == 2 ? ErrorStatuses[random.Next(ErrorStatuses.Length)] : (int?)null;
                var exchange = new Exchange { Prefer = forced is { } status ? $"code={status}, dynamic=true" : null };
                var bound = i % 2 == 0 ? DateTimeOffset.UtcNow.AddMinutes(-random.Next(1, 10_000)) : (DateTimeOffset?)null;
                var (response, failure) = await Calls.SendAsync(client, exchange, $"processor-sandbox-conformance-{i}", bound).ConfigureAwait(false);
                var problem = exchange.Violations is { } violations
                    ? $"Prism found violations: {violations}"
                    : check.Problem(exchange, response, failure);
                tally.Add($"call {i} ({exchange.Prefer ?? "200"}{(bound is null ? "" : ", with options")})", exchange.Status, problem);
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        return tally;
    }
}
