using Plaid.Generated.Conformance;

namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>
/// The oracle's schema, read when the tests run from the spec the client is generated from
/// (openapi/processor-balance-get.yaml): a member Plaid adds is checked and fuzzed the day the spec is synced.
/// </summary>
internal static class SpecMembers
{
    /// <summary>The spec the client is generated from.</summary>
    public static string ClientSpecPath => Path.Combine(Plaid.Generated.Tests.RepositoryRoot.Path, "openapi", "processor-balance-get.yaml");

    /// <summary>
    /// A success body's members as the client reads them: the spec's required members must be there, null only
    /// where the spec allows it. Then Plaid's error object as the client reads it: every member optional, so that
    /// an error missing one is still read; null refused only where the client holds the member in a value type
    /// (a required, non-nullable enum, number or boolean, such as error_type).
    /// </summary>
    public static (Member[] BalanceResponse, Member[] PlaidError) Read(string specPath)
    {
        var document = SpecSchema.LoadAsync(specPath).GetAwaiter().GetResult();
        return (
            [.. SpecSchema.Component(document, "ProcessorBalanceGetResponse").Members.Select(AsRead)],
            [.. SpecSchema.Component(document, "PlaidError").Members.Select(AsReadInError)]);
    }

    private static Member AsRead(SpecMember member) => new(
        member.Name,
        KindOf(member),
        member.Required ? (member.Nullable ? Presence.RequiredNullable : Presence.Required) : Presence.Optional,
        member.Kind == SpecKind.Object ? [.. member.Members.Select(AsRead)] : null);

    private static Member AsReadInError(SpecMember member) => new(
        member.Name,
        KindOf(member),
        member.Required && !member.Nullable && HeldByValue(member) ? Presence.OptionalNotNull : Presence.Optional,
        member.Kind == SpecKind.Object ? [.. member.Members.Select(AsReadInError)] : null);

    private static bool HeldByValue(SpecMember member) =>
        member.IsEnum || member.Kind is SpecKind.Number or SpecKind.Integer or SpecKind.Boolean or SpecKind.DateTime;

    private static Kind KindOf(SpecMember member) => member.Kind switch
    {
        SpecKind.String => Kind.String,
        SpecKind.DateTime => Kind.DateTime,
        SpecKind.Number => Kind.Number,
        SpecKind.Integer => Kind.Integer,
        SpecKind.Boolean => Kind.Boolean,
        SpecKind.Object => Kind.Object,
        SpecKind.Array when member.Items?.Kind == SpecKind.String => Kind.StringArray,
        SpecKind.Array => Kind.Array,
        _ => Kind.Any,
    };
}
