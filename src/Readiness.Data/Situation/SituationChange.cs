namespace Readiness.Data.Situation;

/// <summary>One row of a region's estimate history (<c>SituationEvents</c>): who moved it, when (UTC), from what
/// (null: first estimate) to what, why, and in which stage.</summary>
public sealed record SituationChange
{
    /// <summary>The event's sequence number (ascending in time).</summary>
    public required long Seq { get; init; }

    /// <summary>Kemendagri code of the region.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The stage it was set in; null outside an election.</summary>
    public int? StageId { get; init; }

    /// <summary>The level before; null for the first estimate.</summary>
    public string? LevelBefore { get; init; }

    /// <summary>The level after.</summary>
    public required string LevelAfter { get; init; }

    /// <summary>The reason typed (plain text).</summary>
    public required string Reason { get; init; }

    /// <summary>User name of whoever set it.</summary>
    public required string Actor { get; init; }

    /// <summary>When, UTC.</summary>
    public required DateTime AtUtc { get; init; }
}
