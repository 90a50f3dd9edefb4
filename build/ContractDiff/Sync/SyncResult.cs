namespace ContractDiff.Sync;

/// <summary>How a sync ended; the value is the exit code.</summary>
public enum SyncOutcome
{
    /// <summary>Nothing needs a person: review the fragment's diff and commit it with the changelog entry.</summary>
    NothingToDo = 0,

    /// <summary>A person is needed; <see cref="SyncResult.Reasons"/> says for what.</summary>
    NeedsPerson = 1,

    /// <summary>A step could not run (unreadable input, the client not building from the spec); the reason names the step and its first error.</summary>
    StepFailed = 2,
}

/// <summary>A sync's outcome and its reasons, each one thing a person does (or the step that could not run).</summary>
public sealed record SyncResult(SyncOutcome Outcome, IReadOnlyList<string> Reasons);

/// <summary>A step of the sync that could not run.</summary>
internal sealed class SyncStepException(string message) : Exception(message);
