namespace Plaid.Generated;

/// <summary>
/// Implemented by the generated string-backed enums (see build/templates/Enum.liquid) so that one
/// converter can build any of them from its wire value without reflection.
/// </summary>
internal interface IExtensibleEnum<TSelf> where TSelf : struct, IExtensibleEnum<TSelf>
{
    static abstract TSelf FromWireValue(string value);
}
