using System.CommandLine;

namespace ContractDiff.Sync;

/// <summary><c>sync UPSTREAM [--repository DIR] [--no-restore] [--report FILE]</c>: <see cref="SpecSync"/> on the command line.</summary>
internal static class SyncCommand
{
    private const string Description = """
        Follows Plaid's spec: extracts the operations openapi/processor-balance-get.yaml has into it again (keeping its
        descriptions and each operation's x-idempotent), regenerates and builds the client, and prints the contract diff against the released baseline,
        the version bump it calls for and whether <Version> satisfies it, the public API diff with its re-approve
        command, the members that need a description, the operations without x-idempotent, and a draft CHANGELOG.md entry.
        Exit codes: 0 nothing needs a person; 1 a person is needed (each reason listed; the repository's own tests not
        compiling against the new client is one, with every compiler error by file); 2 a step could not run (the client
        does not build from the spec, unreadable input: the first error is shown).
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var upstream = new Argument<string>("UPSTREAM") { Description = "Plaid's full 2020-09-14.yml, any version" };
        var repository = new Option<string>("--repository")
        {
            Description = "the repository to sync (default: the working directory)",
            HelpName = "dir",
            DefaultValueFactory = _ => ".",
        };
        var noRestore = new Option<bool>("--no-restore") { Description = "build without restoring (a repository restored already)" };
        var report = new Option<string?>("--report")
        {
            Description = "also write the findings as Markdown to this file, whatever the outcome (the spec watch's pull request body)",
            HelpName = "file",
        };
        var command = new Command("sync", Description) { upstream, repository, noRestore, report };
        command.SetAction(async (result, _) =>
        {
            var sync = new SpecSync(result.GetRequiredValue(repository), result.GetValue(noRestore), stdout, stderr, result.GetValue(report));
            return (int)(await sync.RunAsync(result.GetRequiredValue(upstream)).ConfigureAwait(false)).Outcome;
        });
        return command;
    }
}
