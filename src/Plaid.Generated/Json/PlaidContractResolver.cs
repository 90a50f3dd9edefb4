using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Plaid.Generated;

/// <summary>
/// The contract rules every serializer of the client shares: members bind by exact name, and the
/// client's converters sit on the contracts of the types they handle.
/// </summary>
/// <remarks>
/// Converters: passed in <see cref="JsonSerializerSettings.Converters"/> instead, Newtonsoft.Json would
/// ask each converter whether it handles every value it reads or writes, on every call.
/// <para>
/// Exact names: when no member has the exact name, Newtonsoft.Json binds the first member whose name
/// matches ignoring case, in the order of the contract's list. Each member gets an ignored "case twin"
/// (its name in upper case, or lower case when it is all upper case) at the head of that list, so any
/// other spelling finds the twin first, is skipped, and lands in <c>AdditionalProperties</c>.
/// </para>
/// </remarks>
internal class PlaidContractResolver : DefaultContractResolver
{
    private static readonly JsonConverter DateTimeOffsetConverter = new UtcSecondsDateTimeOffsetConverter();

    protected override JsonConverter? ResolveContractConverter(Type objectType) =>
        base.ResolveContractConverter(objectType)
        ?? (DateTimeOffsetConverter.CanConvert(objectType) ? DateTimeOffsetConverter : null);

    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        var properties = contract.Properties;
        MemberNameTable.Add(properties.Select(property => property.PropertyName!));
        foreach (var property in properties.ToArray())
        {
            var name = property.PropertyName!;
            var twin = name.ToUpperInvariant();
            if (twin == name)
            {
                twin = name.ToLowerInvariant();
            }

            if (twin != name && !properties.Contains(twin))
            {
                properties.Insert(0, new JsonProperty
                {
                    PropertyName = twin,
                    UnderlyingName = twin,
                    DeclaringType = objectType,
                    PropertyType = property.PropertyType,
                    Ignored = true,
                });
            }
        }

        return contract;
    }
}
