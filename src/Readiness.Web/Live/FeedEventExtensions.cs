using Readiness.Data.Checklists;
using Readiness.Data.Feed;

namespace Readiness.Web.Live;

/// <summary>Screens patch what they show from the event's payload instead of querying again.</summary>
public static class FeedEventExtensions
{
    /// <summary>The item as the event left it, for a screen that did not hold it yet.</summary>
    public static ChecklistItem ToItem(this FeedEvent e) => ChecklistItem.FromEvent(e);

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
        DoneBefore = e.DoneBefore,
        DoneAfter = e.DoneAfter,
        Target = e.Target,
        Unit = e.Unit,
        Evidence = e.Evidence,
    };
}
