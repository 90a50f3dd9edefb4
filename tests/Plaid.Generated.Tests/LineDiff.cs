using System.Text;

namespace Plaid.Generated.Tests;

/// <summary>A minimal line diff (longest common subsequence) printing only the changed lines, "-" old and "+" new.</summary>
internal static class LineDiff
{
    public static string Format(string oldText, string newText)
    {
        var before = oldText.Split('\n');
        var after = newText.Split('\n');
        var common = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var diff = new StringBuilder();
        int x = 0, y = 0;
        while (x < before.Length || y < after.Length)
        {
            if (x < before.Length && y < after.Length && before[x] == after[y])
            {
                x++;
                y++;
            }
            else if (y < after.Length && (x == before.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                diff.Append("+ ").AppendLine(after[y++]);
            }
            else
            {
                diff.Append("- ").AppendLine(before[x++]);
            }
        }

        return diff.ToString();
    }
}
