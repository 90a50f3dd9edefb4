using System.Text.RegularExpressions;

namespace ContractDiff.Tests;

/// <summary>
/// The client's tests that do not compile against an older spec because they use members it lacks: built, and each
/// method the compiler names removed from the copy, until the test project builds. What is left runs unchanged.
/// </summary>
internal static partial class TestsLackingMembers
{
    private const int MaxRounds = 4;
    private const string Project = "tests/Plaid.Generated.Tests";

    /// <returns>The removed methods, as <c>File.cs: Method</c>.</returns>
    public static IReadOnlyList<string> Remove(RepositoryCopy copy)
    {
        var removed = new List<string>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var (exitCode, output) = copy.Run("dotnet", "build", Project, "--no-restore", "-v:q", "-nologo");
            if (exitCode == 0)
            {
                return removed;
            }

            var errors = CompilerError().Matches(output)
                .Select(match => (File: match.Groups["file"].Value, Line: int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)))
                .Distinct()
                .ToList();
            Assert.That(errors, Is.Not.Empty, $"the client's tests do not build, and not for a compiler error:\n{output}");
            var tests = Path.Combine(copy.Path, Project) + Path.DirectorySeparatorChar;
            Assert.That(errors.Select(error => error.File), Has.All.StartsWith(tests), $"only the client's tests fail to build:\n{output}");
            foreach (var file in errors.GroupBy(error => error.File))
            {
                removed.AddRange(RemoveMethods(file.Key, [.. file.Select(error => error.Line)]).Select(method => $"{Path.GetFileName(file.Key)}: {method}"));
            }
        }

        Assert.Fail($"the client's tests still do not build after removing {string.Join(", ", removed)}");
        return removed;
    }

    private static IEnumerable<string> RemoveMethods(string file, IReadOnlyList<int> errorLines)
    {
        var lines = File.ReadAllLines(file).ToList();
        var methods = errorLines.Select(line => Enclosing(lines, line - 1, file)).Distinct().OrderByDescending(method => method.Start).ToList();
        foreach (var (start, end, _) in methods)
        {
            lines.RemoveRange(start, end - start + 1);
        }

        File.WriteAllLines(file, lines);
        return methods.Select(method => method.Name).Reverse();
    }

    /// <summary>The member (attributes and comments above it included) around a line: members sit at four spaces in a file-scoped namespace.</summary>
    private static (int Start, int End, string Name) Enclosing(List<string> lines, int index, string file)
    {
        var declaration = index;
        while (declaration >= 0 && !MemberDeclaration().IsMatch(lines[declaration]))
        {
            declaration--;
        }

        Assert.That(declaration, Is.GreaterThanOrEqualTo(0), $"no member encloses line {index + 1} of {file}");
        var start = declaration;
        while (start > 0 && (lines[start - 1].StartsWith("    [", StringComparison.Ordinal) || lines[start - 1].StartsWith("    //", StringComparison.Ordinal)))
        {
            start--;
        }

        var end = lines.FindIndex(declaration, line => line == "    }");
        return (start, end, MemberDeclaration().Match(lines[declaration]).Groups["name"].Value);
    }

    [GeneratedRegex(@"^(?<file>/[^(\n]+\.cs)\((?<line>[0-9]+),[0-9]+\): error CS[0-9]+:", RegexOptions.Multiline)]
    private static partial Regex CompilerError();

    [GeneratedRegex(@"^    (?:public|private|internal|protected)\b[^=]*?\b(?<name>\w+)(?:<[^>]*>)?\(")]
    private static partial Regex MemberDeclaration();
}
