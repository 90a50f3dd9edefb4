namespace Plaid.Generated.Cli.Tests;

/// <summary>Response bodies the tests serve.</summary>
internal static class Bodies
{
    /// <summary>The spec's example, compact, with a member this client has never heard of.</summary>
    public const string Success = """
        {"request_id":"req-42","account":{"account_id":"QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv","balances":{"available":100,"current":110,"limit":null,"iso_currency_code":"USD","unofficial_currency_code":null},"mask":"0000","name":"Plaid Checking","official_name":"Plaid Gold Checking","subtype":"checking","type":"depository","future_field":{"added":"later"}}}
        """;

    public const string ItemLoginRequired = """
        {"error_type":"ITEM_ERROR","error_code":"ITEM_LOGIN_REQUIRED","error_code_reason":null,"error_message":"the login details of this item have changed","display_message":null,"request_id":"req-login","causes":[],"status":400,"documentation_url":"https://plaid.com/docs/errors/","suggested_action":null}
        """;

    public const string BadGatewayHtml = "<html><body><h1>502 Bad Gateway</h1></body></html>";
}
