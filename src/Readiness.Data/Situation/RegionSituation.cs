namespace Readiness.Data.Situation;

/// <summary>
/// A region's Kamtibmas estimate now (one row of <c>SituationLevels</c>): the level (<see cref="SituationLevel"/>), the
/// short reason typed by whoever set it (plain text: show it as text), the stage it was set in (null outside an
/// election), who set it and when (UTC), and its version for optimistic concurrency.
/// </summary>
public sealed record RegionSituation
{
    /// <summary>Kemendagri code of the province, regency or kecamatan.</summary>
    public required string RegionCode { get; init; }

    /// <summary>One of <see cref="SituationLevel.All"/>.</summary>
    public required string Level { get; init; }

    /// <summary>Why, in the words of the person who set it (at most 500 characters).</summary>
    public required string Reason { get; init; }

    /// <summary>The stage (Stages.Id) in which it was set; null outside an election.</summary>
    public int? StageId { get; init; }

    /// <summary>User name of whoever set it.</summary>
    public required string UpdatedBy { get; init; }

    /// <summary>When it was set, UTC.</summary>
    public required DateTime UpdatedAtUtc { get; init; }

    /// <summary>The region's name, where the read joins it (<see cref="SituationStore.SubtreeAsync"/>); null otherwise.</summary>
    public string? RegionName { get; init; }

    /// <summary>1 when first set; one more with each change.</summary>
    public required int Version { get; init; }
}
