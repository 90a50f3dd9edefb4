using System.Net;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>
/// Thousands of damaged bodies through the public API: only a faithful result or a
/// <see cref="PlaidApiException"/> may come out. PLAID_FUZZ_SEED and PLAID_FUZZ_COUNT override the run.
/// </summary>
public class HostileBodyFuzzTests
{
    private const int DefaultSeed = 5_2026;

    // The fast tier (dotnet test Plaid.Generated.sln) runs a size that takes seconds; the slow tier the full 10,000.
    private const int FastCount = 1_000;
    private const int FullCount = 10_000;

    private static readonly HttpStatusCode[] ErrorStatuses =
        [HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests];

    [TestCase(FastCount)]
    [TestCase(FullCount, Category = "Slow")]
    public async Task Mutated_bodies_give_only_a_faithful_result_or_a_PlaidApiException(int defaultCount)
    {
        var seed = EnvironmentInt("PLAID_FUZZ_SEED", DefaultSeed);
        var count = EnvironmentInt("PLAID_FUZZ_COUNT", defaultCount);
        var errorBodies = Fixtures.Errors.Values.ToArray();
        var mutations = Enum.GetValues<Mutation>();
        var handler = new InMemoryHandler();
        using var caller = new TestCaller(new Uri("http://127.0.0.1:9/"), handler);
        var tally = new OutcomeTally();

        for (var iteration = 0; iteration < count; iteration++)
        {
            // One generator per iteration, so a failing case is reproduced from (seed, iteration) alone.
            var random = new Random(unchecked((seed * 1_000_003) + iteration));
            var isSuccess = random.Next(2) == 0;
            var fromSpec = random.Next(5) == 0 ? !isSuccess : isSuccess;
            var mutation = mutations[random.Next(mutations.Length)];
            var body = new BodyMutator(random).Mutate(fromSpec ? Fixtures.SpecExample : errorBodies[random.Next(errorBodies.Length)], mutation);
            handler.Status = isSuccess ? HttpStatusCode.OK : ErrorStatuses[random.Next(ErrorStatuses.Length)];
            handler.Body = body;

            var outcome = await Classify(caller, handler.Status, body, problem => tally.Violations.Add(
                $"seed {seed} iteration {iteration} ({mutation}, HTTP {(int)handler.Status}): {problem}"));
            tally.Add(mutation, outcome);
        }

        TestContext.Out.WriteLine($"seed {seed}, {tally.Total} bodies, {tally.Violations.Count} violations (PLAID_FUZZ_SEED / PLAID_FUZZ_COUNT to change)");
        TestContext.Out.WriteLine(tally.ToMarkdown());
        Assert.That(tally.Violations, Is.Empty, () => string.Join(Environment.NewLine, tally.Violations.Take(20)));
        Assert.That(tally.Count(OutcomeTally.Result), Is.Positive, "no mutated body parsed: the oracle was never exercised");
        Assert.That(tally.Count(OutcomeTally.PlaidError), Is.Positive, "no mutated error body parsed: the error oracle was never exercised");
    }

    // The oracle decides the outcome from the body alone, before the client is called.
    private static async Task<string> Classify(TestCaller caller, HttpStatusCode status, byte[] body, Action<string> violation)
    {
        var isSuccess = status == HttpStatusCode.OK;
        var why = isSuccess ? ResultOracle.Refusal(body) : ErrorOracle.NotAPlaidError(body);
        var expected = isSuccess
            ? (why is null ? OutcomeTally.Result : OutcomeTally.UnreadableSuccess)
            : (why is null ? OutcomeTally.PlaidError : OutcomeTally.OtherError);

        string actual;
        try
        {
            var result = await caller.GetAsync();
            actual = OutcomeTally.Result;
            if (isSuccess && why is null && ResultOracle.Judge(body, result) is { } problem)
            {
                violation(problem);
            }
        }
        catch (PlaidApiException exception)
        {
            actual = isSuccess ? OutcomeTally.UnreadableSuccess : exception.Error is null ? OutcomeTally.OtherError : OutcomeTally.PlaidError;
            if (exception.StatusCode != (int)status)
            {
                violation($"StatusCode {exception.StatusCode}");
            }

            if (SecretAssert.FindLeak(exception, Credentials.All) is { } leaked)
            {
                violation($"the exception text contains {leaked}");
            }

            if (actual == OutcomeTally.PlaidError && expected == OutcomeTally.PlaidError && ErrorOracle.Judge(body, exception) is { } problem)
            {
                violation(problem);
            }
            else if (actual != expected)
            {
                violation($"expected {expected} ({why ?? "the body is valid and complete"}), got {actual}: {exception.Message}");
            }

            return actual;
        }
        catch (Exception exception)
        {
            violation($"{exception.GetType().Name}: {exception}");
            return exception.GetType().Name;
        }

        if (actual != expected)
        {
            violation($"expected {expected} ({why}), got a result");
        }

        return actual;
    }

    private static int EnvironmentInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
