using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Plaid.Generated.Cli;

/// <summary>The parser's own help, then what it has no section for: credentials, response files and exit codes.</summary>
internal sealed class HelpWithFooterAction(HelpAction help, string footer) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = help.Invoke(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(footer);
        return exitCode;
    }
}
