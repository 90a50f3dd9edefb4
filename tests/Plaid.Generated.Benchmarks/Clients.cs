using System.Net;

namespace Plaid.Generated.Benchmarks;

/// <summary>The clients under test, built the same way over one handler.</summary>
internal sealed class Clients(HttpMessageHandler handler, Uri baseUri) : IDisposable
{
    private readonly HttpClient _http = new(handler, disposeHandler: true);

    public FloorClient Floor => field ??= new FloorClient(_http, baseUri);

    public SystemTextJsonFloorClient SystemTextJsonFloor => field ??= new SystemTextJsonFloorClient(_http, baseUri);

    public Vanilla.VanillaClient Vanilla => field ??= new Vanilla.VanillaClient(_http) { BaseUrl = baseUri.AbsoluteUri };

    public PlaidClient Plaid => field ??= new PlaidClient(_http, new PlaidClientOptions
    {
        ClientId = Payloads.ClientId,
        Secret = Payloads.Secret,
        BaseUri = baseUri,
    });

    public static Clients InMemory(HttpStatusCode status, byte[] body) =>
        new(new StubHandler(status, body), new Uri("https://sandbox.plaid.com/"));

    public static FloorRequest FloorRequest() => new() { ProcessorToken = Payloads.ProcessorToken };

    /// <summary>The bound a caller sends for a Capital One account: an hour before now, as most callers compute it.</summary>
    public static DateTimeOffset MinLastUpdated => DateTimeOffset.UtcNow.AddHours(-1);

    public static FloorRequest FloorRequestWithOptions() =>
        new() { ProcessorToken = Payloads.ProcessorToken, Options = new FloorRequestOptions { MinLastUpdatedDatetime = MinLastUpdated } };

    public static ProcessorBalanceGetRequest PlaidRequestWithOptions() => new()
    {
        ProcessorToken = Payloads.ProcessorToken,
        Options = new ProcessorBalanceGetRequestOptions { MinLastUpdatedDatetime = MinLastUpdated },
    };

    public static Vanilla.ProcessorBalanceGetRequest VanillaRequest() => new() { Processor_token = Payloads.ProcessorToken };

    public static ProcessorBalanceGetRequest PlaidRequest() => new() { ProcessorToken = Payloads.ProcessorToken };

    public void Dispose() => _http.Dispose();
}
