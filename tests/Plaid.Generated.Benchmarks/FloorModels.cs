using Newtonsoft.Json;

namespace Plaid.Generated.Benchmarks;

#pragma warning disable CA1812 // Instantiated by Newtonsoft.Json.

/// <summary>The minimal request the floor sends; serializes to the same bytes as PlaidClient's.</summary>
public sealed class FloorRequest
{
    [JsonProperty("processor_token")]
    public required string ProcessorToken { get; init; }
}

public sealed class FloorResponse
{
    [JsonProperty("account")]
    public FloorAccount? Account { get; set; }

    [JsonProperty("request_id")]
    public string? RequestId { get; set; }
}

public sealed class FloorAccount
{
    [JsonProperty("account_id")]
    public string? AccountId { get; set; }

    [JsonProperty("balances")]
    public FloorBalances? Balances { get; set; }

    [JsonProperty("mask")]
    public string? Mask { get; set; }

    [JsonProperty("name")]
    public string? Name { get; set; }

    [JsonProperty("official_name")]
    public string? OfficialName { get; set; }

    [JsonProperty("subtype")]
    public string? Subtype { get; set; }

    [JsonProperty("type")]
    public string? Type { get; set; }
}

public sealed class FloorBalances
{
    [JsonProperty("available")]
    public decimal? Available { get; set; }

    [JsonProperty("current")]
    public decimal? Current { get; set; }

    [JsonProperty("limit")]
    public decimal? Limit { get; set; }

    [JsonProperty("iso_currency_code")]
    public string? IsoCurrencyCode { get; set; }

    [JsonProperty("unofficial_currency_code")]
    public string? UnofficialCurrencyCode { get; set; }
}

public sealed class FloorError
{
    [JsonProperty("error_type")]
    public string? ErrorType { get; set; }

    [JsonProperty("error_code")]
    public string? ErrorCode { get; set; }

    [JsonProperty("error_message")]
    public string? ErrorMessage { get; set; }

    [JsonProperty("display_message")]
    public string? DisplayMessage { get; set; }

    [JsonProperty("request_id")]
    public string? RequestId { get; set; }

    [JsonProperty("status")]
    public int? Status { get; set; }

    [JsonProperty("documentation_url")]
    public string? DocumentationUrl { get; set; }
}
