namespace Readiness.Data.Situation;

/// <summary>What became of a new estimate: one of the four cases below.</summary>
public abstract record SituationSaveResult
{
    private SituationSaveResult()
    {
    }

    /// <summary>Stored; <see cref="Notified"/> is the number of leaders' notices written (a move to AG or GN).</summary>
    public sealed record Saved(RegionSituation Situation, long Seq, int Notified) : SituationSaveResult;

    /// <summary>The same operation was stored before: nothing was written this time.</summary>
    public sealed record AlreadyApplied(RegionSituation Situation) : SituationSaveResult;

    /// <summary>Someone else changed the estimate since it was read: nothing was written; here is theirs (null: none).</summary>
    public sealed record Conflict(RegionSituation? Current) : SituationSaveResult;

    /// <summary>The new level equals the current one with the same reason: nothing to write.</summary>
    public sealed record Unchanged(RegionSituation Situation) : SituationSaveResult;
}
