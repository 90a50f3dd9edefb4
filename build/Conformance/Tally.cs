using System.Collections.Concurrent;

namespace Plaid.Generated.Conformance;

/// <summary>Counts calls and the right ones, keeps the first wrong ones to show, and the statuses seen.</summary>
internal sealed class Tally(string name)
{
    private const int Shown = 10;
    private readonly ConcurrentQueue<string> _wrong = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private int _calls;
    private int _right;

    public int Calls => _calls;

    public int Right => _right;

    public void Add(string call, int status, string? problem)
    {
        Interlocked.Increment(ref _calls);
        _statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
        if (problem is null)
        {
            Interlocked.Increment(ref _right);
        }
        else
        {
            _wrong.Enqueue($"{call}: {problem}");
        }
    }

    public void Print(TextWriter output)
    {
        foreach (var wrong in _wrong.Take(Shown))
        {
            output.WriteLine($"  wrong: {wrong}");
        }

        var statuses = string.Join(", ", _statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value}"));
        output.WriteLine($"  statuses answered: {statuses}");
        output.WriteLine($"{name}: {Calls} calls, {Right} right");
    }
}
