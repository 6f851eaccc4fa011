using Readiness.Data.Regions;

namespace Readiness.Data.Checklists;

/// <summary>An item with what screens show beside it: its region, time zone and stage.</summary>
public sealed record ItemView
{
    public required ChecklistItem Item { get; init; }

    public required string RegionName { get; init; }

    public required string TimeZone { get; init; }

    public required string StageName { get; init; }

    public required int StageSortOrder { get; init; }

    public RegionTimeZone Zone => RegionTimeZone.FromId(TimeZone);

    /// <summary>Due date passed (in the region's own calendar, <paramref name="regionToday"/>) and not ready: <see cref="RedFlagRule.IsOverdue"/>.</summary>
    public bool IsOverdue(DateOnly regionToday) => RedFlagRule.IsOverdue(Item.Status, Item.DueDate, regionToday);

    /// <summary>The red flag this item is on <paramref name="regionToday"/> (its region's date), by <see cref="RedFlagRule"/>; null when none.</summary>
    public RedFlagKind? RedFlag(DateOnly regionToday) => RedFlagRule.Classify(Item.Status, Item.Criticality, Item.DueDate, regionToday);

    /// <summary>Blocked or overdue (a red flag other than "due soon"): what the liaison must see first.</summary>
    public bool NeedsAttention(DateOnly regionToday) => RedFlag(regionToday) is RedFlagKind.Blocked or RedFlagKind.Overdue;
}
