using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated.Tests;

/// <summary>
/// Newtonsoft.Json in a caller's code sees the generated types as the client does (README, "JSON and Newtonsoft.Json"):
/// the wire format on the way out, the client's checks on the way in.
/// </summary>
public class NewtonsoftContractTests
{
    [Test]
    public async Task SerializeObject_of_a_request_is_the_body_the_client_sends()
    {
        var request = new ProcessorBalanceGetRequest
        {
            ProcessorToken = TestClient.SandboxToken,
            Options = new ProcessorBalanceGetRequestOptions { MinLastUpdatedDatetime = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)) },
        };
        var test = new TestClient().RespondsWithSpecExample();

        await test.Client.ProcessorBalanceGetAsync(request);

        Assert.That(JsonConvert.SerializeObject(request), Is.EqualTo(test.RequestBody));
        Assert.That(test.RequestBody, Does.Contain("\"min_last_updated_datetime\":\"2024-01-02T08:04:05Z\""));
    }

    [Test]
    public void DeserializeObject_reads_what_the_client_reads_and_writes_it_back()
    {
        var body = Fixture.SpecExample.Replace("\"current\": 110", "\"current\": 110.10, \"pending\": [1, 2.50]", StringComparison.Ordinal);

        var response = JsonConvert.DeserializeObject<ProcessorBalanceGetResponse>(body)!;

        Assert.That(response.Account.Balances.Current?.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("110.10"));
        Assert.That(response.Account.Subtype, Is.EqualTo(AccountSubtype.Checking));
        Assert.That(JToken.DeepEquals(JObject.FromObject(response), JObject.Parse(body)), Is.True);
    }

    [TestCase("\"request_id\": \"1zlMf\"", "\"REQUEST_ID\": \"1zlMf\"", "Required property 'request_id' not found", TestName = "A_required_member_in_another_case_is_missing")]
    [TestCase("\"current\": 110", "\"current\": \"110\"", "Expected a number at 'account.balances.current', found String", TestName = "A_string_for_a_number_is_refused")]
    [TestCase("\"name\": \"Plaid Checking\"", "\"name\": null", "Required property 'name' expects a non-null value", TestName = "Null_for_a_required_string_is_refused")]
    public void DeserializeObject_refuses_what_the_client_refuses(string from, string to, string message)
    {
        var body = Fixture.SpecExample.Replace(from, to, StringComparison.Ordinal);
        Assert.That(body, Is.Not.EqualTo(Fixture.SpecExample));

        var exception = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<ProcessorBalanceGetResponse>(body));

        Assert.That(exception!.Message, Does.Contain(message));
    }

    [Test]
    public async Task What_newtonsoft_reads_leniently_the_client_refuses()
    {
        var body = Fixture.SpecExample.Replace("\"current\": 110", "\"current\": 110, /* comment */ 'limit2': 1", StringComparison.Ordinal);

        Assert.That(JsonConvert.DeserializeObject<ProcessorBalanceGetResponse>(body)!.Account.Balances.Current, Is.EqualTo(110m));
        var exception = await new TestClient().Responds(HttpStatusCode.OK, body).GetFailureAsync();
        Assert.That(exception.Message, Does.Contain("Invalid JSON at byte "));
    }
}
