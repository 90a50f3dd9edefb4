namespace ContractDiff;

/// <summary>One structural difference between two OpenAPI documents, before it is judged.</summary>
/// <param name="Kind">What changed; <see cref="Rules"/> decides what it means for a client.</param>
/// <param name="Location">Where, e.g. <c>POST /processor/balance/get 200 response: account.account_id</c>.</param>
/// <param name="Message">What changed, in words, with the old and new values.</param>
public sealed record Difference(DifferenceKind Kind, string Location, string Message);

/// <summary>
/// Every kind of difference the comparer reports. Request and response kinds are separate because
/// the same edit is breaking on one side and harmless on the other.
/// </summary>
public enum DifferenceKind
{
    PathAdded,
    PathRemoved,
    OperationAdded,
    OperationRemoved,
    OperationMethodChanged,
    OperationIdChanged,
    SuccessResponseAdded,
    SuccessResponseRemoved,
    SuccessStatusChanged,
    ErrorResponseAdded,
    ErrorResponseRemoved,
    ResponseContentAdded,
    ResponseContentRemoved,
    RequestBodyAdded,
    RequestBodyRemoved,
    RequestBodyMadeRequired,
    RequestBodyMadeOptional,
    RequestContentRemoved,
    RequestContentAdded,
    RequestParameterAddedRequired,
    RequestParameterAddedOptional,
    RequestParameterRemoved,
    RequestParameterMadeRequired,
    RequestParameterMadeOptional,
    RequestPropertyAddedRequired,
    RequestPropertyAddedOptional,
    RequestPropertyRemoved,
    RequestPropertyMadeRequired,
    RequestPropertyMadeOptional,
    RequestTypeChanged,
    RequestNarrowed,
    RequestFormatNarrowed,
    RequestWidened,
    ResponsePropertyAdded,
    ResponsePropertyRemoved,
    ResponsePropertyMadeRequired,
    ResponsePropertyMadeOptional,
    ResponsePropertyMadeNullable,
    ResponseOptionalPropertyMadeNullable,
    ResponsePropertyMadeNonNullable,
    ResponseTypeChanged,
    ResponseFormatUnreadable,
    ResponseEnumValueAdded,
    ResponseEnumValueRemoved,
    ResponseConstraintChanged,
    FormatChanged,
    SecurityHeaderRenamed,
    SecuritySchemeRequiredAdded,
    SecuritySchemeRemoved,
    ServerAdded,
    ServerRemoved,
}
