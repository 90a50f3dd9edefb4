using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Generated.Tests;

public class PlaidClientParsingTests
{
    [Test]
    public async Task Parses_the_spec_example()
    {
        var response = await new TestClient().RespondsWithSpecExample().GetAsync();

        var account = response.Account;
        Assert.Multiple(() =>
        {
            Assert.That(response.RequestId, Is.EqualTo("1zlMf"));
            Assert.That(account.AccountId, Is.EqualTo("QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv"));
            Assert.That(account.Balances.Available, Is.EqualTo(100));
            Assert.That(account.Balances.Current, Is.EqualTo(110));
            Assert.That(account.Balances.Limit, Is.Null);
            Assert.That(account.Balances.IsoCurrencyCode, Is.EqualTo("USD"));
            Assert.That(account.Balances.UnofficialCurrencyCode, Is.Null);
            Assert.That(account.Balances.LastUpdatedDatetime, Is.Null);
            Assert.That(account.Mask, Is.EqualTo("0000"));
            Assert.That(account.Name, Is.EqualTo("Plaid Checking"));
            Assert.That(account.OfficialName, Is.EqualTo("Plaid Gold Checking"));
            Assert.That(account.Type, Is.EqualTo(AccountType.Depository));
            Assert.That(account.Subtype, Is.EqualTo(AccountSubtype.Checking));
            Assert.That(account.Type.IsKnown, Is.True);
        });
    }

    [Test]
    public async Task Null_balances_mask_official_name_and_subtype_parse_as_null()
    {
        var body = """
            {"account":{"account_id":"a1","balances":{"available":null,"current":null,"limit":null,"iso_currency_code":null,"unofficial_currency_code":"BTC","last_updated_datetime":"2024-03-04T05:06:07Z"},
             "mask":null,"name":"Wallet","official_name":null,"type":"other","subtype":null},"request_id":"r1"}
            """;

        var account = (await new TestClient().Responds(HttpStatusCode.OK, body).GetAsync()).Account;

        Assert.Multiple(() =>
        {
            Assert.That(account.Balances.Available, Is.Null);
            Assert.That(account.Balances.Current, Is.Null);
            Assert.That(account.Balances.UnofficialCurrencyCode, Is.EqualTo("BTC"));
            Assert.That(account.Balances.LastUpdatedDatetime, Is.EqualTo(new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero)));
            Assert.That(account.Mask, Is.Null);
            Assert.That(account.OfficialName, Is.Null);
            Assert.That(account.Subtype, Is.Null);
        });
    }

    private static string WithBalances(string available, string current, string limit) => Fixture.SpecExample
        .Replace("\"available\": 100", $"\"available\": {available}", StringComparison.Ordinal)
        .Replace("\"current\": 110", $"\"current\": {current}", StringComparison.Ordinal)
        .Replace("\"limit\": null", $"\"limit\": {limit}", StringComparison.Ordinal);

    [Test]
    public async Task Balances_are_decimal_read_exactly_from_the_json_text()
    {
        var body = WithBalances("110.1", "0.30000000000000004", "79228162514264337593543950335");

        var balances = (await new TestClient().Responds(HttpStatusCode.OK, body).GetAsync()).Account.Balances;

        Assert.Multiple(() =>
        {
            Assert.That(balances.Available, Is.EqualTo(110.1m));
            Assert.That(balances.Available + 0.2m, Is.EqualTo(110.3m), "a double would give 110.29999999999998");
            Assert.That(balances.Current, Is.EqualTo(0.30000000000000004m), "through a double this is 0.3");
            Assert.That(balances.Limit, Is.EqualTo(decimal.MaxValue));
        });
    }

    [TestCase("79228162514264337593543950336", TestName = "Balance_one_over_decimal_MaxValue_is_an_error")]
    [TestCase("-79228162514264337593543950336", TestName = "Balance_one_under_decimal_MinValue_is_an_error")]
    [TestCase("1e400", TestName = "Balance_1e400_is_an_error")]
    [TestCase("1e29", TestName = "Balance_1e29_is_an_error")]
    public async Task A_balance_outside_the_range_of_decimal_is_a_PlaidApiException(string number)
    {
        var exception = await new TestClient().Responds(HttpStatusCode.OK, WithBalances("1", number, "null")).GetFailureAsync();

        Assert.That(exception.StatusCode, Is.EqualTo(200));
        Assert.That(exception.Message, Does.Contain("decimal").And.Contain("account.balances.current"));
    }

    [Test]
    public async Task Unknown_enum_values_are_values_not_errors()
    {
        var body = """
            {"account":{"account_id":"a1","balances":{"available":1,"current":2,"limit":null,"iso_currency_code":"USD","unofficial_currency_code":null},
             "mask":"1","name":"n","official_name":null,"type":"crypto","subtype":"digital wallet","verification_status":"verified_by_magic","holder_category":"household"},"request_id":"r1"}
            """;

        var account = (await new TestClient().Responds(HttpStatusCode.OK, body).GetAsync()).Account;

        Assert.Multiple(() =>
        {
            Assert.That(account.Subtype.ToString(), Is.EqualTo("digital wallet"));
            Assert.That(account.Subtype!.Value.IsKnown, Is.False);
            Assert.That(account.Type.ToString(), Is.EqualTo("crypto"));
            Assert.That(account.VerificationStatus.ToString(), Is.EqualTo("verified_by_magic"));
            Assert.That(account.HolderCategory, Is.EqualTo((AccountHolderCategory)"household"));
        });
    }

    [Test]
    public async Task Unknown_fields_are_kept_and_survive_reserialization()
    {
        var body = """
            {"account":{"account_id":"a1","balances":{"available":1.5,"current":2.5,"limit":null,"iso_currency_code":"USD","unofficial_currency_code":null,"pending":{"amount":3}},
             "mask":"1","name":"n","official_name":null,"type":"depository","subtype":"checking","nickname":"rainy day"},"request_id":"r1","item_id":"item-9"}
            """;

        var response = await new TestClient().Responds(HttpStatusCode.OK, body).GetAsync();

        Assert.That(response.AdditionalProperties["item_id"]!.ToString(), Is.EqualTo("item-9"));
        Assert.That(response.Account.AdditionalProperties["nickname"]!.ToString(), Is.EqualTo("rainy day"));
        var roundTripped = JObject.Parse(JsonConvert.SerializeObject(response));
        Assert.That(JToken.DeepEquals(roundTripped, JObject.Parse(body)), Is.True, roundTripped.ToString());
    }

    [Test]
    public async Task Verification_insights_parse()
    {
        var body = """
            {"account":{"account_id":"a1","balances":{"available":1,"current":2,"limit":null,"iso_currency_code":"USD","unofficial_currency_code":null},
             "mask":"1","name":"n","official_name":null,"type":"depository","subtype":"checking","verification_status":"database_insights_pass",
             "verification_insights":{"name_match_score":92,"network_status":{"has_numbers_match":true,"is_numbers_match_verified":false},"account_number_format":"valid"},
             "persistent_account_id":"p-1","holder_category":"personal"},"request_id":"r1"}
            """;

        var account = (await new TestClient().Responds(HttpStatusCode.OK, body).GetAsync()).Account;

        Assert.Multiple(() =>
        {
            Assert.That(account.VerificationStatus, Is.EqualTo(AccountBaseVerificationStatus.DatabaseInsightsPass));
            Assert.That(account.VerificationInsights!.NameMatchScore, Is.EqualTo(92));
            Assert.That(account.VerificationInsights.NetworkStatus.HasNumbersMatch, Is.True);
            Assert.That(account.VerificationInsights.AccountNumberFormat, Is.EqualTo(AccountVerificationInsightsAccountNumberFormat.Valid));
            Assert.That(account.PersistentAccountId, Is.EqualTo("p-1"));
            Assert.That(account.HolderCategory, Is.EqualTo(AccountHolderCategory.Personal));
        });
    }

    // RFC 8259 section 8.1: JSON is UTF-8; a parser may ignore a UTF-8 byte order mark. Section 11: a charset parameter has no effect.
    [Test]
    public async Task A_utf8_byte_order_mark_is_skipped()
    {
        var bom = new TestClient().Responds(HttpStatusCode.OK, "", configure: response =>
            response.Content = new ByteArrayContent([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(Fixture.SpecExample)]));

        Assert.That((await bom.GetAsync()).Account.Name, Is.EqualTo("Plaid Checking"));
    }

    [Test]
    public async Task A_declared_charset_is_ignored_the_body_is_read_as_utf8()
    {
        var json = Fixture.SpecExample.Replace("Plaid Checking", "Caf\u00e9 Checking", StringComparison.Ordinal);
        var client = new TestClient().Responds(HttpStatusCode.OK, "", configure: response =>
        {
            response.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "iso-8859-1" };
        });

        Assert.That((await client.GetAsync()).Account.Name, Is.EqualTo("Caf\u00e9 Checking"));
    }

    private static IEnumerable<TestCaseData> NotUtf8Bodies()
    {
        yield return new TestCaseData(System.Text.Encoding.Latin1, "iso-8859-1").SetName("Latin1_with_an_accented_letter_is_refused");
        yield return new TestCaseData(System.Text.Encoding.Unicode, "utf-16").SetName("Utf16_little_endian_is_refused");
        yield return new TestCaseData(System.Text.Encoding.BigEndianUnicode, "utf-16").SetName("Utf16_big_endian_is_refused");
        yield return new TestCaseData(System.Text.Encoding.UTF32, "utf-32").SetName("Utf32_is_refused");
    }

    [TestCaseSource(nameof(NotUtf8Bodies))]
    public async Task A_body_that_is_not_utf8_is_a_PlaidApiException(System.Text.Encoding encoding, string charset)
    {
        var json = Fixture.SpecExample.Replace("Plaid Checking", "Caf\u00e9 Checking", StringComparison.Ordinal);
        var client = new TestClient().Responds(HttpStatusCode.OK, "", configure: response =>
        {
            response.Content = new ByteArrayContent([.. encoding.GetPreamble(), .. encoding.GetBytes(json)]);
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = charset };
        });

        var exception = await client.GetFailureAsync();

        Assert.That(exception.StatusCode, Is.EqualTo(200));
        Assert.That(exception.Message, Does.Contain("Invalid JSON at byte "));
    }

    [Test]
    public async Task Responses_parse_the_same_on_every_call_of_a_shared_client()
    {
        var client = new TestClient().RespondsWithSpecExample();

        for (var call = 0; call < 3; call++)
        {
            Assert.That((await client.GetAsync()).Account.Balances.Current, Is.EqualTo(110));
        }
    }
}
