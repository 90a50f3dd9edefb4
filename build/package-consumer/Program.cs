// Run by build/check-package.sh in a project that references Plaid.Generated only as a package.
using System.Net;
using System.Text;
using Plaid.Generated;

const string SpecExample = """
    {"account":{"account_id":"QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv","balances":{"available":100,"current":110,"limit":null,
    "iso_currency_code":"USD","unofficial_currency_code":null},"mask":"0000","name":"Plaid Checking",
    "official_name":"Plaid Gold Checking","subtype":"checking","type":"depository"},"request_id":"1zlMf"}
    """;
const string ItemLoginRequired = """
    {"error_type":"ITEM_ERROR","error_code":"ITEM_LOGIN_REQUIRED","error_message":"the login details of this item have changed",
    "display_message":null,"request_id":"req-1","causes":[],"status":400,"documentation_url":"https://plaid.com/docs/errors/","suggested_action":null}
    """;

var failures = new List<string>();
void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

var success = new StubHandler(HttpStatusCode.OK, SpecExample);
IPlaidClient client = new PlaidClient(new HttpClient(success), new PlaidClientOptions { ClientId = "client-id-1", Secret = "secret-1" });
var response = await client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = "processor-sandbox-0asd1-a92nc" });
Check(success.RequestUri == "https://sandbox.plaid.com/processor/balance/get", $"request went to {success.RequestUri}");
Check(success.ClientIdHeader == "client-id-1", "PLAID-CLIENT-ID header not sent");
Check(response.Account.Name == "Plaid Checking", $"account name {response.Account.Name}");
Check(response.Account.Balances.Available == 100 && response.Account.Balances.Current == 110, "balances not parsed");
Check(response.Account.Subtype?.ToString() == "checking", $"subtype {response.Account.Subtype}");
Check(response.RequestId == "1zlMf", $"request id {response.RequestId}");

var failing = new PlaidClient(new HttpClient(new StubHandler(HttpStatusCode.BadRequest, ItemLoginRequired)),
    new PlaidClientOptions { ClientId = "client-id-1", Secret = "secret-1" });
try
{
    await failing.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = "processor-sandbox-0asd1-a92nc" });
    failures.Add("an error response did not throw");
}
catch (PlaidApiException e)
{
    Check(e.ErrorCode == PlaidErrorCodes.ItemLoginRequired && e.StatusCode == 400 && !e.IsRetryable, $"error parsed as {e.Message}");
}

foreach (var failure in failures)
{
    Console.Error.WriteLine($"consumer: {failure}");
}

Console.WriteLine(failures.Count == 0 ? "consumer: Plaid.Generated from the package works" : "consumer: FAILED");
return failures.Count == 0 ? 0 : 1;

internal sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
{
    public string? RequestUri { get; private set; }

    public string? ClientIdHeader { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RequestUri = request.RequestUri?.ToString();
        ClientIdHeader = request.Headers.TryGetValues("PLAID-CLIENT-ID", out var values) ? values.Single() : null;
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
