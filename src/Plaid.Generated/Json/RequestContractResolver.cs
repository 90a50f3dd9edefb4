using System.Collections;
using System.Reflection;
using Newtonsoft.Json.Serialization;

namespace Plaid.Generated;

/// <summary>
/// Writes a request's <c>AdditionalProperties</c> only when the caller put something in them. The
/// generated getter creates an empty dictionary on first read, and Newtonsoft.Json's extension-data
/// writer reads it for every request sent; the backing field (see build/templates/Class.liquid) tells
/// without creating one.
/// </summary>
internal sealed class RequestContractResolver : PlaidContractResolver
{
    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        var extensionData = contract.ExtensionDataGetter;
        var field = objectType.GetField("_additionalProperties", BindingFlags.Instance | BindingFlags.NonPublic);
        if (extensionData is not null && field is not null)
        {
            contract.ExtensionDataGetter = target => field.GetValue(target) is ICollection { Count: > 0 } ? extensionData(target) : null;
        }

        return contract;
    }
}
