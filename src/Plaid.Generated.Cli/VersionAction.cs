using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Plaid.Generated.Cli;

/// <summary>
/// <c>--version</c>: the tool's version, and the Plaid API and spec version the client was generated from
/// (<c>info.version</c> of the OpenAPI fragment, which the core carries as assembly metadata; see PlaidSpecMetadata.cs there).
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public const string SpecVersionKey = "PlaidSpecVersion";

    public override int Invoke(ParseResult parseResult)
    {
        var assembly = typeof(VersionAction).Assembly;
        var toolVersion = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        var specVersion = typeof(PlaidClient).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == SpecVersionKey).Value!;
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine($"plaid-balance {toolVersion}");
        // Plaid's spec versions read <API version>_<spec revision>, e.g. 2020-09-14_1.697.4.
        output.WriteLine($"Plaid API {specVersion.Split('_')[0]}");
        output.WriteLine($"OpenAPI spec {specVersion} (openapi/processor-balance-get.yaml)");
        return ExitCodes.Success;
    }
}
