using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Plaid.Generated.IntegrationTests.Infrastructure;
using Plaid.Generated.Tests;

namespace Plaid.Generated.IntegrationTests;

/// <summary>
/// One scripted loopback server per case, played to a client made each of the three ways (<see cref="EntryPoint"/>),
/// with the same <see cref="PlaidClientOptions.Resilience"/> set in code: every way makes the same attempts, the same
/// time apart, and ends the same. The waits run on fake time; the stalls that only the total timeout ends, on a real clock.
/// </summary>
public class RetryMatrixTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly byte[] SpecExample = Encoding.UTF8.GetBytes(Fixtures.SpecExample);

    private const string RepeatedErrorCode =
        """{"error_type":"INSTITUTION_ERROR","error_code":"INSTITUTION_DOWN","error_code":"ITEM_LOGIN_REQUIRED","error_message":"m","request_id":"r"}""";

    /// <summary>A server's answer to one attempt, written on the fake clock the client waits on.</summary>
    private delegate Task Answer(HttpContext context, TimeProvider time);

    public enum Stall
    {
        BeforeHeaders,
        MidBody,
    }

    /// <summary>Each case: the server's answers in order (the last repeats), how the call ends, and the waits between attempts.</summary>
    private static readonly Dictionary<string, (Answer[] Script, string Outcome, TimeSpan[] Gaps)> Matrix = new()
    {
        ["503, 503, 200"] = ([Status(503, ""), Status(503, ""), Ok], "parsed", [1 * Second, 2 * Second]),
        ["429 with Retry-After in seconds"] = ([Status(429, Fixtures.Read("errors/RATE_LIMIT_EXCEEDED.json"), _ => "7"), Ok], "parsed", [7 * Second]),
        ["429 with Retry-After as an HTTP date"] = (
            [Status(429, Fixtures.Read("errors/RATE_LIMIT_EXCEEDED.json"), time => time.GetUtcNow().AddSeconds(9).ToString("R")), Ok], "parsed", [9 * Second]),
        ["429 BALANCE_LIMIT without Retry-After (not retried: a per-minute window)"] = (
            [Status(429, Fixtures.Read("errors/BALANCE_LIMIT.json")), Ok], "PlaidApiException 429 BALANCE_LIMIT", []),
        ["429 RATE_LIMIT_EXCEEDED without Retry-After (not retried: a per-minute window)"] = (
            [Status(429, Fixtures.Read("errors/RATE_LIMIT_EXCEEDED.json")), Ok], "PlaidApiException 429 RATE_LIMIT", []),
        ["429 without a Plaid error or Retry-After (not retried)"] = ([Status(429, ""), Ok], "PlaidApiException 429 (no Plaid error)", []),
        ["INSTITUTION_DOWN on a 400"] = ([Status(400, Fixtures.Read("errors/INSTITUTION_DOWN.json")), Ok], "parsed", [1 * Second]),
        ["ITEM_LOGIN_REQUIRED (not retried)"] = ([Status(400, Fixtures.Read("errors/ITEM_LOGIN_REQUIRED.json")), Ok], "PlaidApiException 400 ITEM_LOGIN_REQUIRED", []),
        ["error_code twice on a 400 (refused, not retried)"] = ([Status(400, RepeatedErrorCode), Ok], "PlaidApiException 400 (no Plaid error)", []),
        ["error_code twice on a 503 (retried for its status)"] = ([Status(503, RepeatedErrorCode), Ok], "parsed", [1 * Second]),
        ["a body cut off mid-way"] = ([CutOff, Ok], "parsed", [1 * Second]),
        ["a body cut off mid-way, every time"] = ([CutOff], "PlaidApiException 200 (no Plaid error) transport failure", [1 * Second, 2 * Second, 4 * Second]),
    };

    public static IEnumerable<string> Cases => Matrix.Keys;

    [TestCaseSource(nameof(Cases))]
    public async Task Every_way_of_making_a_client_makes_the_same_attempts_and_ends_the_same(string name)
    {
        var (script, expected, gaps) = Matrix[name];
        var results = new List<string>();
        foreach (var entryPoint in Enum.GetValues<EntryPoint>())
        {
            var time = new ObservedTimeProvider();
            var attempts = new List<DateTimeOffset>();
            await using var server = await ScriptedServer(script, time, attempts);
            using var caller = EntryPointClient.Create(entryPoint, server.BaseUri, options =>
            {
                options.Resilience.UseJitter = false;
                options.TimeProvider = time;
            });
            using var telemetry = new TelemetryCapture();

            var call = caller.GetAsync();
            var outcome = Describe(await Outcome.CatchAsync(() => time.RunAsync(call, new PlaidResilienceOptions().TotalTimeout)));

            var seen = attempts.Zip(attempts.Skip(1), (first, second) => second - first).ToArray();
            var retryEvents = telemetry.Activities.Single().Events.Where(e => e.Name == "plaid.retry").ToArray();
            results.Add($"{entryPoint}: {attempts.Count} attempt(s), waits [{string.Join(", ", seen.Select(gap => $"{gap.TotalSeconds:0.###} s"))}], {outcome}");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(outcome, Is.EqualTo(expected), entryPoint.ToString());
                Assert.That(seen, Is.EqualTo(gaps), $"{entryPoint}: the waits between attempts");
                Assert.That(retryEvents.Select(e => e.Tags.Single(tag => tag.Key == "plaid.retry.attempt").Value),
                    Is.EqualTo(Enumerable.Range(1, gaps.Length).Cast<object>()), $"{entryPoint}: one plaid.retry event per retry, on the call's one activity");
                Assert.That(telemetry.Measurements, Has.Count.EqualTo(1), $"{entryPoint}: one duration per call");
                Assert.That(telemetry.EverythingExported(), Has.None.Contain(Credentials.Secret).And.None.Contain(Credentials.ClientId));
            }
        }

        TestContext.Out.WriteLine($"{name}:\n  {string.Join("\n  ", results)}");
    }

    [Test]
    public async Task A_server_that_stalls_past_the_total_timeout_ends_the_call_on_a_real_clock_naming_the_setting(
        [Values] EntryPoint entryPoint, [Values] Stall stall)
    {
        const string message = "The Plaid call did not finish within Plaid:Resilience:TotalTimeout (0.3 seconds; "
            + "PlaidClientOptions.Resilience.TotalTimeout in code), attempts, the waits between them and the response body included.";
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var warmedUp = 0;
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            // The first call warms the process up (a cold first call can spend 0.3 s before it sends); the others stall.
            if (Interlocked.Exchange(ref warmedUp, 1) == 0)
            {
                await Ok(context, TimeProvider.System);
                return;
            }

            Interlocked.Increment(ref attempts);
            using var aborted = context.RequestAborted.Register(() => closed.TrySetResult());
            await Stalled(context, stall);
        });
        using (var warmUp = EntryPointClient.Create(entryPoint, server.BaseUri))
        {
            await warmUp.GetAsync();
        }

        using var caller = EntryPointClient.Create(entryPoint, server.BaseUri, options => options.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(300));

        var startedAt = Stopwatch.GetTimestamp();
        var call = caller.GetAsync();
        var elapsed = Stopwatch.GetElapsedTime(startedAt, await Outcome.EndedAt(call).WaitAsync(TimeSpan.FromSeconds(30)));
        var exception = await Outcome.CatchAsync(() => call);
        TestContext.Out.WriteLine($"{entryPoint}, stalled {stall}: {Describe(exception)} after {elapsed.TotalMilliseconds:F0} ms, {attempts} attempt(s)");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception, Is.TypeOf<TaskCanceledException>().With.Message.EqualTo(message), () => $"got {exception}");
            Assert.That(exception?.InnerException, Is.TypeOf<TimeoutException>().With.Message.EqualTo(message));
            Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)).And.LessThan(TimeSpan.FromSeconds(5)),
                "the total timeout, not the server or an HttpClient's 100 s, ended the call");
            Assert.That(attempts, Is.EqualTo(1), "a stalled attempt is not retried past the deadline");
        }

        Assert.That(await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(5))), Is.SameAs(closed.Task), "the stalled connection was left open");
    }

    [Test]
    public async Task The_callers_token_ends_a_stalled_call_as_a_cancellation_not_a_timeout([Values] EntryPoint entryPoint, [Values] Stall stall)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            held.TrySetResult();
            await Stalled(context, stall);
        });
        using var caller = EntryPointClient.Create(entryPoint, server.BaseUri);
        using var cancellation = new CancellationTokenSource();

        var call = caller.GetAsync(cancellation.Token);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var (exception, sinceCancel) = await Outcome.CancelAndMeasure(call, cancellation);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception, Is.InstanceOf<OperationCanceledException>(), () => $"got {exception}");
            Assert.That((exception as OperationCanceledException)?.CancellationToken, Is.EqualTo(cancellation.Token));
            Assert.That(exception?.InnerException, Is.Not.InstanceOf<TimeoutException>(), "the caller cancelled: no timeout");
            Assert.That(sinceCancel, Is.LessThan(TimeSpan.FromSeconds(5)), "the call waited for the total timeout");
        }
    }

    [Test]
    public async Task A_shorter_HttpClient_Timeout_of_the_callers_own_HttpClient_is_reported_as_HttpClient_reports_it_and_not_retried(
        [Values] Stall stall)
    {
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref attempts);
            await Stalled(context, stall);
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var client = new PlaidClient(http, EntryPointClient.Options(server.BaseUri));

        var exception = await Outcome.CatchAsync(() => client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Credentials.Token }))
            .WaitAsync(TimeSpan.FromSeconds(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception, Is.TypeOf<TaskCanceledException>().With.Message.Contains("HttpClient.Timeout of 0.3 seconds"), () => $"got {exception}");
            Assert.That(exception?.InnerException, Is.TypeOf<TimeoutException>());
            Assert.That(attempts, Is.EqualTo(1), "HttpClient's own timeout is not a PlaidApiException, so it is not retried");
        }
    }

    private static Answer Ok => Status(200, Fixtures.SpecExample);

    private static Answer Status(int status, string body, Func<TimeProvider, string>? retryAfter = null) => (context, time) =>
    {
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter(time);
        }

        return Responses.Write(context, status, body);
    };

    // Half the declared body, then the connection closes.
    private static async Task CutOff(HttpContext context, TimeProvider time)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = SpecExample.Length;
        await context.Response.Body.WriteAsync(SpecExample.AsMemory(0, SpecExample.Length / 2));
        await context.Response.Body.FlushAsync();
        await Task.Delay(50);
        context.Abort();
    }

    private static async Task Stalled(HttpContext context, Stall stall)
    {
        if (stall == Stall.MidBody)
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = SpecExample.Length;
            await context.Response.Body.WriteAsync(SpecExample.AsMemory(0, SpecExample.Length / 2));
            await context.Response.Body.FlushAsync();
        }

        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    }

    /// <summary>A server that answers the n-th attempt with the n-th answer of the script (the last repeats), noting the fake time of each.</summary>
    private static Task<LoopbackServer> ScriptedServer(Answer[] script, TimeProvider time, List<DateTimeOffset> attempts)
    {
        var next = 0;
        return LoopbackServer.StartAsync(context =>
        {
            int index;
            lock (attempts)
            {
                attempts.Add(time.GetUtcNow());
                index = Math.Min(next++, script.Length - 1);
            }

            return script[index](context, time);
        });
    }

    private static string Describe(Exception? exception) => exception switch
    {
        null => "parsed",
        PlaidApiException plaid => $"PlaidApiException {plaid.StatusCode} {plaid.ErrorCode ?? "(no Plaid error)"}{(plaid.IsTransportFailure ? " transport failure" : "")}",
        TaskCanceledException { InnerException: TimeoutException } => "TaskCanceledException (TimeoutException)",
        _ => exception.GetType().Name,
    };
}
