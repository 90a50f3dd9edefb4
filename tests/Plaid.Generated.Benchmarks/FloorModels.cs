using System.Text.Json.Serialization;
using Newtonsoft.Json;

namespace Plaid.Generated.Benchmarks;

#pragma warning disable CA1812 // Instantiated by Newtonsoft.Json and System.Text.Json.

// Both floors use these: Newtonsoft.Json reads [JsonProperty], System.Text.Json [JsonPropertyName].

/// <summary>The minimal request the floor sends; serializes to the same bytes as PlaidClient's.</summary>
public sealed class FloorRequest
{
    [JsonProperty("processor_token")]
    [JsonPropertyName("processor_token")]
    public required string ProcessorToken { get; init; }

    [JsonProperty("options", NullValueHandling = NullValueHandling.Ignore)]
    [JsonPropertyName("options")]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FloorRequestOptions? Options { get; init; }
}

/// <summary>The request's options as a hand-written client would model them (the date as a DateTimeOffset).</summary>
public sealed class FloorRequestOptions
{
    [JsonProperty("min_last_updated_datetime")]
    [JsonPropertyName("min_last_updated_datetime")]
    public DateTimeOffset MinLastUpdatedDatetime { get; init; }
}

public sealed class FloorResponse
{
    [JsonProperty("account")]
    [JsonPropertyName("account")]
    public FloorAccount? Account { get; set; }

    [JsonProperty("request_id")]

    [JsonPropertyName("request_id")]
    public string? RequestId { get; set; }
}

public sealed class FloorAccount
{
    [JsonProperty("account_id")]
    [JsonPropertyName("account_id")]
    public string? AccountId { get; set; }

    [JsonProperty("balances")]

    [JsonPropertyName("balances")]
    public FloorBalances? Balances { get; set; }

    [JsonProperty("mask")]

    [JsonPropertyName("mask")]
    public string? Mask { get; set; }

    [JsonProperty("name")]

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonProperty("official_name")]

    [JsonPropertyName("official_name")]
    public string? OfficialName { get; set; }

    [JsonProperty("subtype")]

    [JsonPropertyName("subtype")]
    public string? Subtype { get; set; }

    [JsonProperty("type")]

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

public sealed class FloorBalances
{
    [JsonProperty("available")]
    [JsonPropertyName("available")]
    public decimal? Available { get; set; }

    [JsonProperty("current")]

    [JsonPropertyName("current")]
    public decimal? Current { get; set; }

    [JsonProperty("limit")]

    [JsonPropertyName("limit")]
    public decimal? Limit { get; set; }

    [JsonProperty("iso_currency_code")]

    [JsonPropertyName("iso_currency_code")]
    public string? IsoCurrencyCode { get; set; }

    [JsonProperty("unofficial_currency_code")]

    [JsonPropertyName("unofficial_currency_code")]
    public string? UnofficialCurrencyCode { get; set; }
}

public sealed class FloorError
{
    [JsonProperty("error_type")]
    [JsonPropertyName("error_type")]
    public string? ErrorType { get; set; }

    [JsonProperty("error_code")]

    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; set; }

    [JsonProperty("error_message")]

    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; set; }

    [JsonProperty("display_message")]

    [JsonPropertyName("display_message")]
    public string? DisplayMessage { get; set; }

    [JsonProperty("request_id")]

    [JsonPropertyName("request_id")]
    public string? RequestId { get; set; }

    [JsonProperty("status")]

    [JsonPropertyName("status")]
    public int? Status { get; set; }

    [JsonProperty("documentation_url")]

    [JsonPropertyName("documentation_url")]
    public string? DocumentationUrl { get; set; }
}
