using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Plaid.Generated.IntegrationTests.Infrastructure;
using Plaid.Generated.Tests;

namespace Plaid.Generated.IntegrationTests;

/// <summary>
/// The retry matrix for an operation not safe to repeat (POST /sandbox/processor_token/create, <c>x-idempotent: false</c>)
/// beside one that is (POST /processor/balance/get), on real loopback sockets with the default retries on fake time:
/// how many requests reached the server and how the call ended. A connection refused (nothing listening) is retried,
/// since no byte of the request left; a reset after the server read the request is not, nor is any answer that may
/// follow processing.
/// </summary>
public class IdempotencyRetryTests
{
    private const string CreatePath = "/sandbox/processor_token/create";
    private const string Created = """{"processor_token":"processor-sandbox-7c1d2e3f-itest","request_id":"itest-create"}""";

    private delegate Task Answer(HttpContext context, LoopbackServer server);

    public enum Operation
    {
        CreateToken,
        GetBalance,
    }

    /// <summary>Each case: the server's answers in order (the last repeats), then per operation the requests that reach it and how the call ends.</summary>
    private static readonly Dictionary<string, (Answer[] Script, (int Requests, string Outcome) Create, (int Requests, string Outcome) Balance)> Matrix = new()
    {
        ["503, then 200"] = ([Status(503, ""), Ok], (1, "PlaidApiException 503"), (2, "parsed")),
        ["500 INTERNAL_SERVER_ERROR, then 200"] = ([Status(500, Fixtures.Read("errors/INTERNAL_SERVER_ERROR.json")), Ok],
            (1, "PlaidApiException 500 INTERNAL_SERVER_ERROR"), (2, "parsed")),
        ["408, then 200"] = ([Status(408, ""), Ok], (1, "PlaidApiException 408"), (2, "parsed")),
        ["INSTITUTION_DOWN on a 400, then 200"] = ([Status(400, Fixtures.Read("errors/INSTITUTION_DOWN.json")), Ok],
            (1, "PlaidApiException 400 INSTITUTION_DOWN"), (2, "parsed")),
        ["a reset after the server read the request, then 200"] = ([ResetAfterReading, Ok], (1, "PlaidApiException 0 transport failure"), (2, "parsed")),
        ["429 with Retry-After, then 200"] = ([Status(429, Fixtures.Read("errors/RATE_LIMIT_EXCEEDED.json"), retryAfter: "7"), Ok], (2, "parsed"), (2, "parsed")),
        ["429 without Retry-After, then 200"] = ([Status(429, Fixtures.Read("errors/RATE_LIMIT_EXCEEDED.json")), Ok],
            (1, "PlaidApiException 429 RATE_LIMIT"), (1, "PlaidApiException 429 RATE_LIMIT")),
    };

    public static IEnumerable<string> Cases => Matrix.Keys;

    [TestCaseSource(nameof(Cases))]
    public async Task Only_a_request_that_provably_was_not_processed_is_sent_again_for_an_operation_not_safe_to_repeat(string name)
    {
        var (script, create, balance) = Matrix[name];
        foreach (var (operation, (requests, outcome)) in new[] { (Operation.CreateToken, create), (Operation.GetBalance, balance) })
        {
            var received = 0;
            var next = 0;
            LoopbackServer? server = null;
            await using var _ = server = await LoopbackServer.StartAsync(async context =>
            {
                Interlocked.Increment(ref received);
                await script[Math.Min(Interlocked.Increment(ref next) - 1, script.Length - 1)](context, server!);
            });
            var time = new ObservedTimeProvider();
            using var http = new HttpClient(new SocketsHttpHandler());

            var exception = await Outcome.CatchAsync(() => CallAsync(http, server.BaseUri, time, operation));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(Describe(exception), Is.EqualTo(outcome), operation.ToString());
                Assert.That(received, Is.EqualTo(requests), $"{operation}: requests that reached the server");
            }
        }
    }

    [Test]
    public async Task A_refused_connection_is_retried_for_an_operation_not_safe_to_repeat_and_the_request_then_reaches_the_server_once()
    {
        var received = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref received);
            return Responses.Write(context, 200, Created);
        });
        var live = new IPEndPoint(IPAddress.Loopback, server.BaseUri.Port);
        var connects = 0;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            // The first connection goes to a port where nothing listens (the kernel refuses it), the next to the server.
            ConnectCallback = async (_, cancellationToken) =>
            {
                var target = Interlocked.Increment(ref connects) == 1 ? new IPEndPoint(IPAddress.Loopback, ClosedPort()) : live;
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(target, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });

        var created = (SandboxProcessorTokenCreateResponse)(await CallAsync(http, server.BaseUri, new ObservedTimeProvider(), Operation.CreateToken))!;

        Assert.That(created.ProcessorToken, Is.EqualTo("processor-sandbox-7c1d2e3f-itest"));
        Assert.That((connects, received), Is.EqualTo((2, 1)), "one refused connection, then one request: one Item created");
    }

    [Test]
    public async Task Nothing_listening_ends_an_operation_not_safe_to_repeat_in_a_connect_failure_after_every_retry()
    {
        var port = ClosedPort();
        var time = new ObservedTimeProvider();
        using var http = new HttpClient(new SocketsHttpHandler());

        var exception = await Outcome.CatchAsync(() => CallAsync(http, new Uri($"http://127.0.0.1:{port}/"), time, Operation.CreateToken));

        Assert.That(exception, Is.TypeOf<PlaidApiException>(), () => $"got {exception}");
        var error = (PlaidApiException)exception!;
        Assert.That((error.StatusCode, error.IsTransportFailure, error.IsConnectFailure), Is.EqualTo((0, true, true)));
        Assert.That(error.Message, Does.StartWith("No response from Plaid: Connection refused"));
        Assert.That(error.ToString(), Does.Not.Contain(Credentials.Secret));
    }

    private static async Task<object?> CallAsync(HttpClient http, Uri baseUri, ObservedTimeProvider time, Operation operation)
    {
        var options = EntryPointClient.Options(baseUri);
        options.Resilience.UseJitter = false;
        options.TimeProvider = time;
        var client = new PlaidClient(http, options);
        var totalTimeout = options.Resilience.TotalTimeout;
        return operation == Operation.CreateToken
            ? await time.RunAsync(client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "ins_109508" }), totalTimeout)
            : await time.RunAsync(client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Credentials.Token }), totalTimeout);
    }

    /// <summary>A loopback port nothing listens on: bound to learn a free one, then closed.</summary>
    private static int ClosedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static Answer Ok => (context, _) =>
        Responses.Write(context, 200, context.Request.Path == CreatePath ? Created : Fixtures.SpecExample);

    private static Answer Status(int status, string body, string? retryAfter = null) => (context, _) =>
    {
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return Responses.Write(context, status, body);
    };

    // The whole request is read, so the server could have acted on it; then the connection is torn down unanswered.
    private static async Task ResetAfterReading(HttpContext context, LoopbackServer server)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        server.Reset(context);
    }

    private static string Describe(Exception? exception) => exception switch
    {
        null => "parsed",
        PlaidApiException plaid => $"PlaidApiException {plaid.StatusCode}{(plaid.ErrorCode is { } code ? " " + code : "")}{(plaid.IsTransportFailure ? " transport failure" : "")}",
        _ => exception.ToString(),
    };
}
