namespace Readiness.Data.Feed;

/// <summary>
/// One change as every screen needs it: the event row with the item's title and the region's name. Screens patch
/// what they show from it, so a change costs each server one query, not one per open screen.
/// </summary>
public sealed record FeedEvent
{
    public required long Seq { get; init; }

    public required long ItemId { get; init; }

    public required int ElectionId { get; init; }

    public required string RegionCode { get; init; }

    public required string RegionName { get; init; }

    public required string AgencyCode { get; init; }

    public required int StageId { get; init; }

    public string? StatusBefore { get; init; }

    public required string StatusAfter { get; init; }

    public string? Note { get; init; }

    /// <summary>What happened to the item's evidence (foto, dokumen, hapus); null for a status change.</summary>
    public string? Evidence { get; init; }

    /// <summary>The item's target moved because a region's figure changed (one TPS count moves several items at once).</summary>
    public bool FollowsFigure { get; init; }

    /// <summary>
    /// Another agency answered a help request asked from this item (<see cref="Actor"/> is the answering liaison): the
    /// item's version moved so screens holding it reload what hangs on it, but its status, note, number and its own
    /// last change are as they were.
    /// </summary>
    public bool RequestAnswered { get; init; }

    /// <summary>
    /// Whether a "latest changes" list shows this event: a change of an existing item's status, note or number; not
    /// its creation, not evidence added or removed (the item's history says those), not a target that followed a
    /// region's figure (the figures panel says that), and not another agency's answer to a help request from it (the
    /// item did not change).
    /// </summary>
    public bool IsListedChange => StatusBefore is not null && Evidence is null && !FollowsFigure && !RequestAnswered;

    /// <summary><see cref="IsListedChange"/> as a SQL condition on an ItemEvents row aliased <c>e</c>.</summary>
    internal const string ListedChangeSql =
        "e.StatusBefore IS NOT NULL AND e.Evidence IS NULL AND e.FollowsFigure = 0 AND e.RequestAnswered = 0";

    public required string Actor { get; init; }

    public required DateTime AtUtc { get; init; }

    public required int ItemVersion { get; init; }

    public required string Title { get; init; }

    public required string Criticality { get; init; }

    public required DateOnly DueDate { get; init; }

    public required string TimeZone { get; init; }

    /// <summary>The item's template, null for an item a liaison added.</summary>
    public int? TemplateItemId { get; init; }

    /// <summary>What the item counts; null for an item without a number.</summary>
    public string? Unit { get; init; }

    /// <summary>How many were done before this change (null: not set, or the item was created).</summary>
    public int? DoneBefore { get; init; }

    /// <summary>How many are done after this change (null: not set).</summary>
    public int? DoneAfter { get; init; }

    /// <summary>The item's target after this change (null: none).</summary>
    public int? Target { get; init; }
}
