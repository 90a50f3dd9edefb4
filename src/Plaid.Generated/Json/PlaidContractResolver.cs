using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Plaid.Generated;

/// <summary>
/// Attaches the client's converters to the contracts of the types they handle, once. Passed in
/// <see cref="JsonSerializerSettings.Converters"/> instead, Newtonsoft.Json asks every converter
/// whether it can convert every value it reads or writes, on every call.
/// </summary>
internal class PlaidContractResolver : DefaultContractResolver
{
    private static readonly JsonConverter DateTimeOffsetConverter = new UtcSecondsDateTimeOffsetConverter();

    protected override JsonConverter? ResolveContractConverter(Type objectType) =>
        base.ResolveContractConverter(objectType)
        ?? (DateTimeOffsetConverter.CanConvert(objectType) ? DateTimeOffsetConverter : null);
}
