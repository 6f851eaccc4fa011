namespace Readiness.Data.Coordination;

/// <summary>
/// An instruction as its checklist item stands now: the agency's item (its id, region, title, due date in the
/// region's calendar, status and number), and the visit it came from.
/// </summary>
public sealed record Instruction
{
    public required long ItemId { get; init; }

    public required long VisitId { get; init; }

    public required string AgencyCode { get; init; }

    public required string RegionCode { get; init; }

    public required string RegionName { get; init; }

    public required string Title { get; init; }

    public required DateOnly DueDate { get; init; }

    /// <summary>One of <see cref="Shared.ItemStatus"/>.</summary>
    public required string Status { get; init; }

    public string? Note { get; init; }

    /// <summary>When the visit was held (region's calendar).</summary>
    public required DateOnly VisitHeldOn { get; init; }

    /// <summary>Where the visit was held.</summary>
    public required string VisitPlace { get; init; }

    /// <summary>Siap: done.</summary>
    public bool IsDone => Status == Shared.ItemStatus.Ready;
}
