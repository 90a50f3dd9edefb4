// The fragment's info.version (PlaidSpec, generated) as assembly metadata, not a public member: plaid-balance --version
// reads it from this assembly.
[assembly: System.Reflection.AssemblyMetadata("PlaidSpecVersion", Plaid.Generated.PlaidSpec.Version)]
