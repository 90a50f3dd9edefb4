// Run by build/check-frameworks.sh on the .NET 8 runtime: the main scenarios, with the packages from the folder feed.
using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Plaid.Generated;
using Plaid.Generated.Testing;

const string Token = "processor-sandbox-0asd1-a92nc";
const string SpecExample = """
    {"account":{"account_id":"QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv","balances":{"available":100.10,"current":110,"limit":null,
    "iso_currency_code":"USD","unofficial_currency_code":null},"mask":"0000","name":"Plaid Checking",
    "official_name":"Plaid Gold Checking","subtype":"checking","type":"depository"},"request_id":"1zlMf"}
    """;
var options = new PlaidClientOptions { ClientId = "client-id-1234", Secret = "secret-5678" };
var failures = new List<string>();
void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

Check(Environment.Version.Major == 8, $"runs on .NET {Environment.Version}, not .NET 8");
var library = typeof(PlaidClient).Assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()?.FrameworkName;
Check(library == ".NETCoreApp,Version=v8.0", $"Plaid.Generated's build is {library}, not net8.0");

// A success: the bytes on the wire and the exact decimals back.
var stub = new StubHandler(HttpStatusCode.OK, SpecExample);
var response = await new PlaidClient(new HttpClient(stub), options)
    .ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Token });
Check(stub.Body == $"{{\"processor_token\":\"{Token}\"}}", $"request body {stub.Body}");
Check(stub.Secret == "secret-5678", "PLAID-SECRET header not sent");
Check(response.Account.Balances.Available == 100.10m && response.Account.Balances.Available.ToString() == "100.10", $"available {response.Account.Balances.Available}");
Check(response.Account.Subtype?.ToString() == "checking" && response.RequestId == "1zlMf", "account not parsed");

// A Plaid error, typed, with the secret kept out of it; and the telemetry names.
using var activities = new ActivityListener
{
    ShouldListenTo = source => source.Name == "Plaid.Generated",
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
};
var started = new List<Activity>();
activities.ActivityStopped = started.Add;
ActivitySource.AddActivityListener(activities);
var fake = new FakePlaidHandler();
try
{
    await new PlaidClient(new HttpClient(fake), options)
        .ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = "processor-sandbox-error-ITEM_LOGIN_REQUIRED" });
    failures.Add("ITEM_LOGIN_REQUIRED did not throw");
}
catch (PlaidApiException e)
{
    Check(e.ErrorCode == PlaidErrorCodes.ItemLoginRequired && e.StatusCode == 400 && !e.IsRetryable, $"error parsed as {e.Message}");
    Check(!e.ToString().Contains("secret-5678", StringComparison.Ordinal), "the secret leaked into the exception");
}

Check(started.Count == 1 && started[0].OperationName == "POST /processor/balance/get", $"{started.Count} activities");
Check((string?)started.FirstOrDefault()?.GetTagItem("plaid.error_code") == "ITEM_LOGIN_REQUIRED", "error code not tagged");

// The Capital One rule, through FakePlaidHandler: refused without a freshness bound, served with one.
var capitalOne = new FakePlaidHandler { DefaultAccount = FakeAccount.CapitalOneCreditCard };
var capitalOneClient = new PlaidClient(new HttpClient(capitalOne), options);
try
{
    await capitalOneClient.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Token });
    failures.Add("Capital One without min_last_updated_datetime did not throw");
}
catch (PlaidApiException e)
{
    Check(e.IsInvalidField, $"Capital One rule gave {e.Message}");
}

var served = await capitalOneClient.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest
{
    ProcessorToken = Token,
    Options = new ProcessorBalanceGetRequestOptions { MinLastUpdatedDatetime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) },
});
Check(served.Account.Type.ToString() == "credit", $"Capital One account type {served.Account.Type}");
Check(capitalOne.ReceivedRequests.Last().Body.Contains("\"min_last_updated_datetime\":\"2024-01-01T00:00:00Z\"", StringComparison.Ordinal),
    "min_last_updated_datetime not sent in Plaid's format");

// AddPlaidClient: a missing secret fails at startup (ValidateOnStart), naming the key; a valid one serves IPlaidClient.
IConfiguration Configuration(string? secret) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Plaid:ClientId"] = "client-id-1234",
    ["Plaid:Secret"] = secret,
}).Build();

var invalid = new ServiceCollection();
invalid.AddPlaidClient(Configuration(secret: null).GetSection("Plaid"));
using (var provider = invalid.BuildServiceProvider())
{
    try
    {
        provider.GetRequiredService<IStartupValidator>().Validate();
        failures.Add("a missing secret passed ValidateOnStart");
    }
    catch (OptionsValidationException e)
    {
        Check(e.Message.Contains("Plaid:Secret", StringComparison.Ordinal), $"startup validation said {e.Message}");
    }
}

var valid = new ServiceCollection();
var diFake = new FakePlaidHandler();
valid.AddPlaidClient(Configuration(secret: "secret-5678").GetSection("Plaid")).ConfigurePrimaryHttpMessageHandler(() => diFake);
using (var provider = valid.BuildServiceProvider())
{
    provider.GetRequiredService<IStartupValidator>().Validate();
    var fromContainer = await provider.GetRequiredService<IPlaidClient>()
        .ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Token });
    Check(fromContainer.Account.Name == "Plaid Checking" && diFake.ReceivedRequests.Count == 1, "AddPlaidClient's client did not call the fake");
}

foreach (var failure in failures)
{
    Console.Error.WriteLine($"net8 consumer: {failure}");
}

Console.WriteLine(failures.Count == 0
    ? $"net8 consumer: the packages work on .NET {Environment.Version} ({library})"
    : "net8 consumer: FAILED");
return failures.Count == 0 ? 0 : 1;

internal sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
{
    public string? Body { get; private set; }

    public string? Secret { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Body = await request.Content!.ReadAsStringAsync(cancellationToken);
        Secret = request.Headers.TryGetValues("PLAID-SECRET", out var values) ? values.Single() : null;
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
