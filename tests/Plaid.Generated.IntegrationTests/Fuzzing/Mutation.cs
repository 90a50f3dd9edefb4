namespace Plaid.Generated.IntegrationTests.Fuzzing;

/// <summary>The ways <see cref="BodyMutator"/> damages a valid body.</summary>
internal enum Mutation
{
    Truncate,
    FlipBytes,
    SwapType,
    RemoveMember,
    AddMember,
    HugeString,
    DeepNesting,
    ExtremeNumber,
    DuplicateMember,
    EchoCredential,
    ReplaceDocument,
    LeadingZero,
    HexNumber,
    NonFiniteLiteral,
    ControlCharacter,
    Comment,
    SingleQuotes,
    UnquotedName,
    TrailingComma,
    CaseVariantName,
}
