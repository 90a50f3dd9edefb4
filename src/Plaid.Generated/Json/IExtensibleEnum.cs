namespace Plaid.Generated;

/// <summary>
/// Implemented by the generated string-backed enums (see build/templates/Enum.liquid) so that one
/// converter can build any of them from its wire value without reflection.
/// </summary>
/// <remarks>
/// An instance member called on <c>default(TSelf)</c>, not a static abstract one: the runtimes behind
/// netstandard2.0 (.NET Framework among them) have no static abstract interface members, and for a struct
/// constraint the call is as direct (a constrained call, no boxing) on every target.
/// </remarks>
internal interface IExtensibleEnum<TSelf> where TSelf : struct, IExtensibleEnum<TSelf>
{
    TSelf FromWireValue(string value);

    /// <summary>The value of that text: a listed value without a new string, any other as a new one.</summary>
    TSelf FromWireText(ReadOnlySpan<char> text);
}
