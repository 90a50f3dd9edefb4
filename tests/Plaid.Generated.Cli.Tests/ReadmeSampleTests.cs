using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Plaid.Generated.Tests;
using static Plaid.Generated.Cli.Tests.CliRun;

namespace Plaid.Generated.Cli.Tests;

/// <summary>
/// Every README block that shows a run of the tool (a fenced block whose first line is <c>$ plaid-balance ...</c> or
/// <c>$ dotnet run --project src/Plaid.Generated.Cli ...</c>) shows what the tool really prints: the lines after the
/// command must equal its standard output, offline (no credentials, nothing sent), on a clock stopped at the time
/// the README's table shows (the offline fake dates its balance at its clock's time).
/// </summary>
public partial class ReadmeSampleTests
{
    public static IEnumerable<TestCaseData> Samples() =>
        ReadmeSamples().Select(sample => new TestCaseData(sample.Arguments, sample.Output).SetArgDisplayNames(sample.Command));

    [TestCaseSource(nameof(Samples))]
    public async Task The_sample_output_is_what_the_tool_prints(string[] arguments, string output)
    {
        var result = await InProcessAsync(new FakeTimeProvider(ReadmeTableTime), arguments);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
        Assert.That(result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal), Is.EqualTo(output));
    }

    [Test]
    public void The_readme_shows_the_version_and_the_offline_table()
    {
        var commands = ReadmeSamples().Select(sample => sample.Command).ToList();

        Assert.That(commands, Does.Contain(Tool + " --version").And.Contain(FromSource));
    }

    private static readonly DateTimeOffset ReadmeTableTime = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private const string Tool = "plaid-balance";
    private const string FromSource = "dotnet run --project src/Plaid.Generated.Cli";

    private static IEnumerable<(string Command, string[] Arguments, string Output)> ReadmeSamples()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (Match block in FencedRun().Matches(readme))
        {
            var command = block.Groups["command"].Value.Trim();
            var arguments = command[(command.StartsWith(Tool, StringComparison.Ordinal) ? Tool : FromSource).Length..]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(argument => argument == "--").ToArray();
            yield return (command, arguments, block.Groups["output"].Value);
        }
    }

    [GeneratedRegex(@"^```\n\$ (?<command>(?:plaid-balance|dotnet run --project src/Plaid\.Generated\.Cli)\b[^\n]*)\n(?<output>(?:(?!```)[^\n]*\n)*)```", RegexOptions.Multiline)]
    private static partial Regex FencedRun();
}
