using System.Text;

namespace Plaid.Generated.Benchmarks;

/// <summary>The bodies every client under test receives and sends.</summary>
internal static class Payloads
{
    internal const string ClientId = "bench-client-id-0001";
    internal const string Secret = "bench-secret-0000000000000000";
    internal const string PlaidVersion = "2020-09-14";
    internal const string ProcessorToken = "processor-sandbox-0asd1-a92nc";
    internal const string Path = "processor/balance/get";

    /// <summary>The 200 example of openapi/processor-balance-get.yaml (example-1), as Plaid sends it.</summary>
    internal static readonly byte[] Success = Encoding.UTF8.GetBytes(
        """
        {
          "account": {
            "account_id": "QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv",
            "balances": {
              "available": 100,
              "current": 110,
              "limit": null,
              "iso_currency_code": "USD",
              "unofficial_currency_code": null
            },
            "mask": "0000",
            "name": "Plaid Checking",
            "official_name": "Plaid Gold Checking",
            "subtype": "checking",
            "type": "depository"
          },
          "request_id": "1zlMf"
        }
        """);

    /// <summary>A 400 from Plaid's error docs: Capital One without min_last_updated_datetime.</summary>
    internal static readonly byte[] Error = Encoding.UTF8.GetBytes(
        """
        {
          "error_type": "INVALID_REQUEST",
          "error_code": "INVALID_FIELD",
          "error_code_reason": null,
          "error_message": "min_last_updated_datetime is required for this account",
          "display_message": null,
          "request_id": "1zlMf",
          "causes": [],
          "status": 400,
          "documentation_url": "https://plaid.com/docs/errors/",
          "suggested_action": null
        }
        """);
}
