using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Shared;
using Readiness.Web.Accounts;
using Readiness.Web.Live;

namespace Readiness.Web.Components.Pages.Items;

/// <summary>
/// One checklist item as its page shows it: the item, its whole history newest first, its evidence and the names of
/// everyone the page names (<see cref="ContactStore.ForRegionAsync"/>), kept live from the feed: a change by anyone
/// shows at once, from the event itself.
/// </summary>
public sealed class ItemState(
    LiveFeed feed,
    ChecklistStore checklists,
    ContactStore contacts,
    EvidenceStore evidence,
    CurrentActor currentActor,
    ILogger<ItemState> logger) : LiveState(feed)
{
    /// <summary>The signed-in actor.</summary>
    public Actor? Actor { get; private set; }

    /// <summary>The item with its region; null while loading, or when it is no item.</summary>
    public ItemView? View { get; private set; }

    /// <summary>True when the item does not exist (the page answers "not found").</summary>
    public bool NotFound { get; private set; }

    /// <summary>The item's history, newest first.</summary>
    public IReadOnlyList<ItemEvent> History { get; private set; } = [];

    /// <summary>The item's photos and documents.</summary>
    public IReadOnlyList<Evidence> Evidence { get; private set; } = [];

    /// <summary>Who the page names, by login name, as this reader may see them.</summary>
    public IReadOnlyDictionary<string, Contact> Contacts { get; private set; } = new Dictionary<string, Contact>();

    /// <summary>True when the actor may change the item.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>True when the item could not be read.</summary>
    public bool Failed { get; private set; }

    /// <summary>A localizer key when the actor may not see the item.</summary>
    public string? Denied { get; private set; }

    /// <summary>Reads item <paramref name="id"/> and follows its region's changes.</summary>
    public async Task LoadAsync(long id)
    {
        (Failed, Denied, NotFound) = (false, null, false);
        try
        {
            Actor = await currentActor.GetAsync();
            View = await checklists.FindViewAsync(Actor, id);
            if (View is null)
            {
                NotFound = true;
                return;
            }

            CanEdit = Actor.CanChangeItem(View.Item.RegionCode, View.Item.AgencyCode);
            // Before the history is read, so no change falls between the two.
            Watch(View.Item.RegionCode);
            History = await checklists.HistoryAsync(Actor, id);
            Evidence = await evidence.ListAsync(Actor, id);
            await LoadContactsAsync();
        }
        catch (AccessDeniedException ex)
        {
            Denied = ex.Reason;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Item {ItemId} could not be loaded", id);
            Failed = true;
        }
    }

    /// <summary>The actor saved the item (its card answered): the newer version is kept and the history read again.</summary>
    public async Task SavedAsync(ChecklistItem item)
    {
        View = View! with { Item = item.Version >= View.Item.Version ? item : View.Item };
        History = await checklists.HistoryAsync(Actor!, View.Item.Id);
        await LoadContactsAsync();
    }

    /// <summary>Evidence was removed: the list and the history are read again.</summary>
    public async Task EvidenceChangedAsync()
    {
        Evidence = await evidence.ListAsync(Actor!, View!.Item.Id);
        History = await checklists.HistoryAsync(Actor!, View.Item.Id);
    }

    /// <inheritdoc />
    protected override async Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events)
    {
        if (View is null)
        {
            return false;
        }

        var mine = events.Where(e => e.ItemId == View.Item.Id).ToList();
        if (mine.Count == 0)
        {
            return false;
        }

        foreach (var e in mine.Where(e => History.All(h => h.Seq != e.Seq)))
        {
            View = View with { Item = View.Item.PatchedBy(e) };
            if (!e.RequestAnswered)
            {
                // An answer to a help request from this item is no line of its history (HistoryAsync leaves it out too).
                History = [e.ToItemEvent(), .. History];
            }
        }

        if (mine.Any(e => e.Evidence is not null))
        {
            // Evidence came or went: the list is read again (one query, only on this item's page).
            Evidence = await evidence.ListAsync(Actor!, View.Item.Id);
        }

        if (History.Any(h => h.Actor != "sistem" && !Contacts.ContainsKey(h.Actor)))
        {
            // Someone new changed the item: their name, unit and number are read once (one query).
            await LoadContactsAsync();
        }

        return true;
    }

    /// <summary>The name, unit and number of everyone the page names (one query).</summary>
    private async Task LoadContactsAsync() =>
        Contacts = await contacts.ForRegionAsync(Actor!, View!.Item.RegionCode, History.Select(h => h.Actor).Append(View.Item.UpdatedBy));
}
