namespace Plaid.Generated.Tests;

public class PlaidClientCancellationTests
{
    [Test]
    public async Task Already_cancelled_token_sends_nothing()
    {
        var test = new TestClient().RespondsWithSpecExample();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        Assert.That(async () => await test.GetAsync(cancellationToken: cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(test.Request, Is.Null);
    }

    [Test]
    public async Task Cancelling_while_waiting_for_the_response_ends_the_call_with_operation_canceled()
    {
        using var handler = new NeverAnsweringHandler();
        var client = new PlaidClient(new HttpClient(handler), new PlaidClientOptions { ClientId = TestClient.ClientId, Secret = TestClient.Secret });
        using var cancellation = new CancellationTokenSource();

        var call = client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = TestClient.SandboxToken }, cancellation.Token);
        await handler.RequestArrived;
        await cancellation.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
    }

    private sealed class NeverAnsweringHandler : HttpMessageHandler
    {
        private readonly TaskCompletionSource _requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task RequestArrived => _requestArrived.Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _requestArrived.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
