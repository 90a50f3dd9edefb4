using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Plaid.Generated;

/// <summary>The serializers the client uses, built once: settings and contracts are cached for the process.</summary>
internal static class PlaidJson
{
    /// <summary>Deeper than any Plaid response; a deeper document is hostile and fails fast.</summary>
    internal const int MaxDepth = 64;

    /// <summary>Writes request bodies.</summary>
    internal static readonly JsonSerializer RequestWriter = JsonSerializer.Create(CreateSettings(new RequestContractResolver()));

    /// <summary>Reads success bodies: required members must be present (the reader refuses what is not strict JSON).</summary>
    private static readonly JsonSerializer ResponseReader = JsonSerializer.Create(CreateSettings(new RequiredMembersContractResolver()));

    /// <summary>
    /// For error bodies only: an error object that lacks a member the spec calls required is
    /// still worth reading, because its error_code and request_id are what the caller acts on.
    /// </summary>
    internal static readonly JsonSerializer ErrorReader = JsonSerializer.Create(CreateSettings(new OptionalMembersContractResolver()));

    internal static T? Deserialize<T>(JsonReader reader)
    {
        RequiredMembersContractResolver.BeginDocument();
        return ResponseReader.Deserialize<T>(reader);
    }

    private static JsonSerializerSettings CreateSettings(IContractResolver contractResolver) => new()
    {
        ContractResolver = contractResolver,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Double,
        MaxDepth = MaxDepth,
        CheckAdditionalContent = true,
    };

    private sealed class OptionalMembersContractResolver : PlaidContractResolver
    {
        protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            property.Required = Required.Default;
            return property;
        }
    }
}
