using System.Net;
using System.Text;

namespace Plaid.Generated.DependencyInjection.Tests;

/// <summary>The credentials, token and success answer the tests of this package share.</summary>
internal static class TestPlaid
{
    public const string ClientId = "client-id-5f2a9c";
    public const string Secret = "secret-Zq8Lw3Xv0Rt7Yp1";
    public const string Token = "processor-sandbox-0asd1-a92nc";
    public const string SuccessBody = """
        {"account":{"account_id":"QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv","balances":{"available":100,"current":110,"limit":null,
        "iso_currency_code":"USD","unofficial_currency_code":null},"mask":"0000","name":"Plaid Checking",
        "official_name":"Plaid Gold Checking","subtype":"checking","type":"depository"},"request_id":"1zlMf"}
        """;

    public static HttpResponseMessage Answer(HttpStatusCode status, string body = SuccessBody) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
