namespace ContractDiff;

/// <summary>How a difference is judged from the client's side: its rule name and whether it breaks callers.</summary>
public sealed record Rule(string Name, bool Breaking, string Why);

/// <summary>
/// The rule table: one entry per <see cref="DifferenceKind"/>. The tool's README renders the same table.
/// </summary>
public static class Rules
{
    private static readonly Dictionary<DifferenceKind, Rule> Table = new()
    {
        [DifferenceKind.PathRemoved] = new("path.removed", true, "calls to the path fail"),
        [DifferenceKind.OperationRemoved] = new("operation.removed", true, "calls to the operation fail"),
        [DifferenceKind.OperationMethodChanged] = new("operation.method-changed", true, "the client sends the old method"),
        [DifferenceKind.SuccessResponseRemoved] = new("response.success-removed", true, "the client expects a status the server no longer sends"),
        [DifferenceKind.SuccessStatusChanged] = new("response.success-status-changed", true, "the client expects the old success status"),
        [DifferenceKind.ResponseContentRemoved] = new("response.content-removed", true, "the client expects a media type the server no longer sends"),
        [DifferenceKind.RequestBodyAdded] = new("request.body-added", true, "existing clients send no body"),
        [DifferenceKind.RequestBodyRemoved] = new("request.body-removed", true, "existing clients still send a body"),
        [DifferenceKind.RequestBodyMadeRequired] = new("request.body-made-required", true, "existing clients may send no body"),
        [DifferenceKind.RequestContentRemoved] = new("request.content-removed", true, "the client sends a media type the server no longer accepts"),
        [DifferenceKind.RequestParameterAddedRequired] = new("request.parameter-added-required", true, "existing clients do not send it"),
        [DifferenceKind.RequestParameterRemoved] = new("request.parameter-removed", true, "existing clients still send it"),
        [DifferenceKind.RequestParameterMadeRequired] = new("request.parameter-made-required", true, "existing clients may not send it"),
        [DifferenceKind.RequestPropertyAddedRequired] = new("request.property-added-required", true, "existing clients do not send it"),
        [DifferenceKind.RequestPropertyMadeRequired] = new("request.property-made-required", true, "existing clients may not send it"),
        [DifferenceKind.RequestPropertyRemoved] = new("request.property-removed", true, "existing clients still send it"),
        [DifferenceKind.OperationIdChanged] = new("operation.id-changed", true, "the generated method is named after it: callers of the old name no longer compile"),
        [DifferenceKind.RequestTypeChanged] = new("request.type-changed", true, "the wire type, or the generated C# type (a format like date-time, an enum, a value type's ?), changes: existing code sends or builds the old one"),
        [DifferenceKind.RequestNarrowed] = new("request.narrowed", true, "values existing clients send may now be rejected"),
        [DifferenceKind.RequestFormatNarrowed] = new("request.format-narrowed", true, "the text existing clients send (a DateTimeOffset is sent as a date-time, a string as its caller gives it) is not valid under the new format"),
        [DifferenceKind.ResponsePropertyRemoved] = new("response.property-removed", true, "clients reading it get nothing"),
        [DifferenceKind.ResponsePropertyMadeOptional] = new("response.property-made-optional", true, "clients relying on it may find it absent"),
        [DifferenceKind.ResponsePropertyMadeNullable] = new("response.property-made-nullable", true, "a required member may now be null: clients get null where they expect a value, and a value type's property becomes T?"),
        [DifferenceKind.ResponseTypeChanged] = new("response.type-changed", true, "the wire type, or the generated C# type (string to DateTimeOffset, string to enum, T? to T), changes: existing code reads the old one"),
        [DifferenceKind.ResponseFormatUnreadable] = new("response.format-unreadable", true, "the generated type cannot read every value of the new format"),
        [DifferenceKind.ResponseEnumValueRemoved] = new("response.enum-value-removed", true, "the generated constant disappears: code matching on it no longer compiles"),
        [DifferenceKind.ServerRemoved] = new("server.removed", true, "callers configured for that environment fail (Plaid labels this [Breaking])"),
        [DifferenceKind.SecurityHeaderRenamed] = new("security.header-renamed", true, "clients send the credential under the old name"),
        [DifferenceKind.SecuritySchemeRequiredAdded] = new("security.scheme-required-added", true, "existing clients do not send the new credential"),

        [DifferenceKind.PathAdded] = new("path.added", false, "nothing existing changes"),
        [DifferenceKind.OperationAdded] = new("operation.added", false, "nothing existing changes"),
        [DifferenceKind.SuccessResponseAdded] = new("response.success-added", false, "another success status; the client treats any 2xx as success"),
        [DifferenceKind.ErrorResponseAdded] = new("response.error-added", false, "errors are parsed leniently"),
        [DifferenceKind.ErrorResponseRemoved] = new("response.error-removed", false, "errors are parsed leniently"),
        [DifferenceKind.ResponseContentAdded] = new("response.content-added", false, "the client keeps asking for the media type it knows"),
        [DifferenceKind.RequestBodyMadeOptional] = new("request.body-made-optional", false, "existing clients still send one"),
        [DifferenceKind.RequestContentAdded] = new("request.content-added", false, "the client keeps sending the media type it knows"),
        [DifferenceKind.RequestParameterAddedOptional] = new("request.parameter-added-optional", false, "existing clients may leave it out"),
        [DifferenceKind.RequestParameterMadeOptional] = new("request.parameter-made-optional", false, "existing clients still send it"),
        [DifferenceKind.RequestPropertyAddedOptional] = new("request.property-added-optional", false, "existing clients may leave it out"),
        [DifferenceKind.RequestPropertyMadeOptional] = new("request.property-made-optional", false, "existing clients still send it"),
        [DifferenceKind.RequestWidened] = new("request.widened", false, "everything existing clients send is still accepted"),
        [DifferenceKind.ResponsePropertyAdded] = new("response.property-added", false, "unknown members are kept, not rejected"),
        [DifferenceKind.ResponsePropertyMadeRequired] = new("response.property-made-required", false, "clients get a value they already handled as optional (a value type losing its ? is also reported as response.type-changed)"),
        [DifferenceKind.ResponsePropertyMadeNonNullable] = new("response.property-made-non-nullable", false, "clients get a value they already handled as nullable (a value type losing its ? is also reported as response.type-changed)"),
        [DifferenceKind.ResponseOptionalPropertyMadeNullable] = new("response.optional-property-made-nullable", false, "an optional member could already be absent, read as null; generated as T? either way (generateOptionalPropertiesAsNullable)"),
        [DifferenceKind.ResponseEnumValueAdded] = new("response.enum-value-added", false, "enums are extensible structs: an unknown value parses, with IsKnown false"),
        [DifferenceKind.ResponseConstraintChanged] = new("response.constraint-changed", false, "the client does not enforce response constraints"),
        [DifferenceKind.FormatChanged] = new("schema.format-changed", false, "the generated C# type stays, the text a request sends stays valid under the new format, a response's generated type reads every value of it (number gaining double, date-time to date in a response)"),
        [DifferenceKind.SecuritySchemeRemoved] = new("security.scheme-removed", false, "clients send a credential that is no longer needed"),
        [DifferenceKind.ServerAdded] = new("server.added", false, "clients choose their base address"),
    };

    /// <summary>Every rule, breaking first, for documentation.</summary>
    public static IEnumerable<KeyValuePair<DifferenceKind, Rule>> All =>
        Table.OrderByDescending(entry => entry.Value.Breaking);

    public static Rule For(DifferenceKind kind) => Table[kind];
}
