namespace Readiness.Data.Checklists;

/// <summary>What became of a status change: one of the four cases below, and nothing else.</summary>
public abstract record SaveResult
{
    private SaveResult()
    {
    }

    /// <summary>Stored; <see cref="Seq"/> is the event's sequence number.</summary>
    public sealed record Saved(ChecklistItem Item, long Seq) : SaveResult;

    /// <summary>The same operation was stored before (a replayed click): nothing was written this time.</summary>
    public sealed record AlreadyApplied(ChecklistItem Item) : SaveResult;

    /// <summary>Someone else changed the item since it was opened: nothing was written; here is their version.</summary>
    public sealed record Conflict(ChecklistItem Current) : SaveResult;

    /// <summary>No such item.</summary>
    public sealed record NotFound : SaveResult;
}
