namespace Plaid.Generated.Cli;

/// <summary>The command line or the environment is wrong; reported with the usage text and exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
