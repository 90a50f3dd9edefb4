// Run by build/check-package.sh: what a consumer sees of the client's traces, with only the packages.
using System.Diagnostics;
using Plaid.Generated;
using Plaid.Generated.Testing;

public class TelemetryConsumerTests
{
    [Test]
    public async Task Each_call_is_one_Plaid_Generated_activity()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Plaid.Generated",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        IPlaidClient client = new PlaidClient(new HttpClient(new FakePlaidHandler()), new PlaidClientOptions { ClientId = "id-1234", Secret = "secret-1234" });

        await client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = "processor-sandbox-0asd1-a92nc" });
        await Assert.ThrowsAsync<PlaidApiException>(() => client.ProcessorBalanceGetAsync(
            new ProcessorBalanceGetRequest { ProcessorToken = "processor-sandbox-error-ITEM_LOGIN_REQUIRED" }));

        Assert.That(stopped.Select(activity => activity.OperationName), Is.EqualTo(new[] { "POST /processor/balance/get", "POST /processor/balance/get" }));
        Assert.That(stopped[0].GetTagItem("plaid.request_id"), Is.EqualTo("1zlMf"));
        Assert.That(stopped[1].Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(stopped[1].GetTagItem("plaid.error_code"), Is.EqualTo("ITEM_LOGIN_REQUIRED"));
    }
}
