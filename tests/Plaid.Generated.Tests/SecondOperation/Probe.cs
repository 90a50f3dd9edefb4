namespace Plaid.Generated.Tests.SecondOperation;

/// <summary>
/// A consumer program compiled against the library copy with the second operation: it calls
/// <c>ProcessorAuthGetAsync</c> through MockHttp as a user would and prints, as JSON, what went over the wire
/// and what came back, for <see cref="SecondOperationTests"/> to assert on.
/// </summary>
internal static class Probe
{
    public const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <NoWarn>$(NoWarn);CS1591</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="RichardSzalay.MockHttp" />
            <ProjectReference Include="../src/Plaid.Generated/Plaid.Generated.csproj" />
          </ItemGroup>
        </Project>
        """;

    // args: client id, secret, token, success body file, error body file.
    public const string Program = """
        using System.Diagnostics;
        using System.Net;
        using System.Text;
        using Newtonsoft.Json;
        using Plaid.Generated;
        using RichardSzalay.MockHttp;

        var (clientId, secret, token) = (args[0], args[1], args[2]);
        var successBody = File.ReadAllText(args[3]);
        var errorBody = File.ReadAllText(args[4]);

        var report = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var activities = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Plaid.Generated",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => activities.Add($"{activity.DisplayName} {activity.Status}"),
        };
        ActivitySource.AddActivityListener(listener);
        var sent = 0;
        HttpRequestMessage? request = null;
        string? requestBody = null;
        var status = HttpStatusCode.OK;
        var body = successBody;
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond(async message =>
        {
            sent++;
            request = message;
            requestBody = await message.Content!.ReadAsStringAsync();
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            response.Headers.Add("Plaid-Request-Id", "header-request-id");
            return response;
        });
        IPlaidClient plaid = new PlaidClient(handler.ToHttpClient(), new PlaidClientOptions { ClientId = clientId, Secret = secret });

        var auth = await plaid.ProcessorAuthGetAsync(new ProcessorAuthGetRequest { ProcessorToken = token });
        Wire("success");
        report["success.request_id"] = auth.RequestId;
        report["success.account_name"] = auth.Account.Name;
        report["success.ach_account"] = auth.Numbers.Ach?.Account;
        report["success.ach_routing"] = auth.Numbers.Ach?.Routing;
        report["success.eft"] = auth.Numbers.Eft is null ? "null" : "present";

        await plaid.ProcessorAuthGetAsync(new ProcessorAuthGetRequest { ProcessorToken = token, ClientId = "body-client-id", Secret = "body-secret-value" });
        Wire("body_credentials");

        (status, body) = (HttpStatusCode.BadRequest, errorBody);
        Failure("error", await Capture(() => plaid.ProcessorAuthGetAsync(new ProcessorAuthGetRequest { ProcessorToken = token })));

        (status, body) = (HttpStatusCode.OK, "<html>502</html>");
        Failure("unreadable", await Capture(() => plaid.ProcessorAuthGetAsync(new ProcessorAuthGetRequest { ProcessorToken = token })));

        var sentBefore = sent;
        Failure("access_token", await Capture(() => plaid.ProcessorAuthGetAsync(new ProcessorAuthGetRequest { ProcessorToken = "access-sandbox-1234-5678" })));
        Failure("production_token", await Capture(() => plaid.ProcessorAuthGetAsync(new ProcessorAuthGetRequest { ProcessorToken = "processor-production-1234-5678" })));
        report["refused.sent"] = (sent - sentBefore).ToString(System.Globalization.CultureInfo.InvariantCulture);
        report["activities"] = string.Join(" | ", activities);

        Console.WriteLine(JsonConvert.SerializeObject(report));
        return 0;

        void Wire(string scenario)
        {
            report[scenario + ".method"] = request!.Method.Method;
            report[scenario + ".url"] = request.RequestUri!.AbsoluteUri;
            report[scenario + ".content_type"] = request.Content!.Headers.ContentType?.MediaType;
            foreach (var header in new[] { "PLAID-CLIENT-ID", "PLAID-SECRET", "Plaid-Version" })
            {
                report[$"{scenario}.header.{header}"] = request.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : null;
            }

            report[scenario + ".body"] = requestBody;
        }

        void Failure(string scenario, Exception? exception)
        {
            report[scenario + ".exception"] = exception?.GetType().FullName;
            report[scenario + ".message"] = exception?.Message;
            if (exception is PlaidApiException plaidError)
            {
                report[scenario + ".status"] = plaidError.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
                report[scenario + ".error_type"] = plaidError.ErrorType?.ToString();
                report[scenario + ".error_code"] = plaidError.ErrorCode;
                report[scenario + ".request_id"] = plaidError.RequestId;
            }
        }

        static async Task<Exception?> Capture(Func<Task> call)
        {
            try
            {
                await call();
                return null;
            }
            catch (Exception exception)
            {
                return exception;
            }
        }
        """;
}
