using Readiness.Data.Checklists;
using Readiness.Data.Feed;

namespace Readiness.Web.Live;

/// <summary>Screens patch what they show from the event's payload instead of querying again.</summary>
public static class FeedEventExtensions
{
    /// <summary>The item as the event left it; unchanged when the event is older than what is shown.</summary>
    public static ChecklistItem PatchedBy(this ChecklistItem item, FeedEvent e) =>
        e.ItemId != item.Id || e.ItemVersion <= item.Version
            ? item
            : item with { Status = e.StatusAfter, Note = e.Note, UpdatedAtUtc = e.AtUtc, UpdatedBy = e.Actor, Version = e.ItemVersion };

    /// <summary>The item as the event left it, for a screen that did not hold it yet.</summary>
    public static ChecklistItem ToItem(this FeedEvent e) => new()
    {
        Id = e.ItemId,
        ElectionId = e.ElectionId,
        RegionCode = e.RegionCode,
        AgencyCode = e.AgencyCode,
        StageId = e.StageId,
        Title = e.Title,
        Criticality = e.Criticality,
        DueDate = e.DueDate,
        Status = e.StatusAfter,
        Note = e.Note,
        UpdatedAtUtc = e.AtUtc,
        UpdatedBy = e.Actor,
        Version = e.ItemVersion,
    };

    public static ItemEvent ToItemEvent(this FeedEvent e) => new()
    {
        Seq = e.Seq,
        ItemId = e.ItemId,
        StatusBefore = e.StatusBefore,
        StatusAfter = e.StatusAfter,
        Note = e.Note,
        Actor = e.Actor,
        AtUtc = e.AtUtc,
        ItemVersion = e.ItemVersion,
    };
}
