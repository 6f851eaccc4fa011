using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Notifications;
using Readiness.Data.Regions;
using Readiness.Web.Accounts;
using Readiness.Web.Live;
using Readiness.Data.Shared;

namespace Readiness.Web.Components.Pages.Tasks;

/// <summary>
/// What the liaison's task screen shows: one page of items (or the groups) for the address, the regions and stages
/// for the pickers, kept current by the live feed from the events' payload (no query per change). The scope and
/// agency are the signed-in actor's; the address only narrows.
/// </summary>
public sealed class TasksState(LiveFeed feed, TaskQuery tasks, RegionCalendar calendar, ChecklistStore checklists, BulkUpdate bulk,
    NotificationStore notifications, NotificationFeed notificationFeed, CurrentActor currentActor, EvidenceStore evidence,
    Readiness.Data.Accounts.ContactStore contactStore) : LiveState(feed)
{
    private int _load;

    public Actor? Actor { get; private set; }

    public Election? Election { get; private set; }

    public IReadOnlyList<Stage> Stages { get; private set; } = [];

    public IReadOnlyList<TaskRegion> Regions { get; private set; } = [];

    public TaskAddress Address { get; private set; } = new();

    /// <summary>The items shown; null until the first load.</summary>
    public TaskPage? Page { get; private set; }

    /// <summary>
    /// Who last changed the items shown, by login name, as the page read them (<see cref="Readiness.Data.Accounts.ContactStore.ForRegionAsync"/>);
    /// a name first seen in a live change shows as its login until the next read.
    /// </summary>
    public IReadOnlyDictionary<string, Readiness.Data.Accounts.Contact> Contacts { get; private set; } = new Dictionary<string, Readiness.Data.Accounts.Contact>();

    /// <summary>The groups shown in the grouped view (empty otherwise).</summary>
    public IReadOnlyList<TaskGroup> Groups { get; private set; } = [];

    /// <summary>The group whose items are shown, when the address names one.</summary>
    public TaskGroup? Group { get; private set; }

    /// <summary>How many photos and documents each shown item has (items with none are absent): one query per load.</summary>
    public IReadOnlyDictionary<long, int> EvidenceCounts { get; private set; } = new Dictionary<long, int>();

    public bool IsLiaison => Actor?.Role == Roles.Liaison;

    /// <summary>Items shown that were escalated to the leaders and have not changed since: one query per load.</summary>
    public EscalatedItems Escalated { get; } = new();

    /// <summary>
    /// Reads what <paramref name="address"/> shows. A newer call wins: a slower answer to an older address (typing
    /// fast on a weak link) is dropped.
    /// </summary>
    public async Task LoadAsync(TaskAddress address)
    {
        var load = ++_load;
        Actor ??= await currentActor.GetAsync();
        if (!IsLiaison)
        {
            return;
        }

        Watch([.. Actor.Scopes]);
        WatchEscalations(notificationFeed, [.. Actor.Scopes]);
        if (Election is null)
        {
            // A liaison may serve regions in more than one zone: the election is the nation's (WIB).
            var day = await calendar.DayAsync(null);
            Election = day.Election;
            if (Election is null)
            {
                Page = TaskPage.Empty;
                return;
            }

            Stages = day.Stages;
            Regions = await tasks.RegionsAsync(Actor, Election.Id);
        }

        var filter = address.Filter;
        var showGroups = address.Grouped && filter.Group is null;
        var groups = showGroups || filter.Group is not null ? await tasks.GroupsAsync(Actor, Election.Id, filter) : [];
        var page = showGroups ? TaskPage.Empty : await tasks.ListAsync(Actor, Election.Id, filter);
        var escalated = await notifications.EscalatedAsync(Actor, page.Items.Select(v => v.Item.Id).ToList());
        var evidenceCounts = await evidence.CountsAsync(page.Items.Select(v => v.Item.Id).ToList());
        // Who changed each card, by name and unit: one read per regency on the page (a unit is named per regency).
        var contacts = new Dictionary<string, Readiness.Data.Accounts.Contact>(StringComparer.OrdinalIgnoreCase);
        foreach (var regency in page.Items.GroupBy(v => v.Item.RegionCode.Length >= 5 ? v.Item.RegionCode[..5] : v.Item.RegionCode))
        {
            foreach (var (name, contact) in await contactStore.ForRegionAsync(Actor, regency.Key, regency.Select(v => v.Item.UpdatedBy)))
            {
                contacts.TryAdd(name, contact);
            }
        }

        if (load != _load)
        {
            return;
        }

        Address = address;
        Groups = showGroups ? groups : [];
        Group = filter.Group is { } key ? groups.FirstOrDefault(g => g.Key == key) : null;
        Page = page;
        Contacts = contacts;
        Escalated.Reset(escalated.Values);
        EvidenceCounts = evidenceCounts;
    }

    /// <summary>Reads the current address again (after an item was added).</summary>
    public Task ReloadAsync() => LoadAsync(Address);

    /// <summary>Today in <paramref name="view"/>'s region (WIB, WITA or WIT), for the overdue rule.</summary>
    public DateOnly TodayIn(ItemView view) => calendar.Today(view.Zone);

    public bool CanEdit(ItemView view) => Actor?.CanChangeItem(view.Item.RegionCode, view.Item.AgencyCode) == true;

    /// <summary>Saves one item's change as the signed-in user (checked again by the store).</summary>
    public async Task<SaveResult> SaveAsync(StatusChange change) => await checklists.ChangeStatusAsync(await currentActor.GetAsync(), change);

    /// <summary>Sets one status on several items, each checked and journaled on its own; the shown items take the result.</summary>
    public async Task<IReadOnlyList<BulkOutcome>> SetStatusAsync(BulkStatusChange change)
    {
        var outcomes = await bulk.SetStatusAsync(await currentActor.GetAsync(), change);
        foreach (var outcome in outcomes)
        {
            switch (outcome.Result)
            {
                case SaveResult.Saved saved:
                    Replace(saved.Item);
                    break;
                case SaveResult.AlreadyApplied applied:
                    Replace(applied.Item);
                    break;
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Shows a newer state of one item in place: the card stays where the liaison is working, and the order is renewed
    /// on the next filter. The other cards keep their objects, so they skip a render.
    /// </summary>
    public void Replace(ChecklistItem item)
    {
        if (Page is null)
        {
            return;
        }

        var before = Page.Items.FirstOrDefault(v => v.Item.Id == item.Id)?.Item;
        if (before is null || item.Version < before.Version)
        {
            return;
        }

        Escalated.Drop(item.Id, item.Version);

        Page = Page with { Items = Page.Items.Select(v => v.Item.Id == item.Id ? v with { Item = item } : v).ToList() };
        if (Group is not null && before.Status != item.Status)
        {
            Group = Count(Count(Group, before.Status, -1), item.Status, +1);
        }
    }

    protected override Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events)
    {
        var changed = Escalated.Apply(events);
        foreach (var e in events.Where(e => e.Evidence is not null && Page?.Items.Any(v => v.Item.Id == e.ItemId) == true))
        {
            // Counted from the event itself: a photo added or removed costs no query.
            var counts = new Dictionary<long, int>(EvidenceCounts);
            var count = counts.GetValueOrDefault(e.ItemId) + (e.Evidence == EvidenceStore.Removed ? -1 : 1);
            if (count > 0)
            {
                counts[e.ItemId] = count;
            }
            else
            {
                counts.Remove(e.ItemId);
            }

            EvidenceCounts = counts;
            changed = true;
        }

        foreach (var e in events.Where(e => e.AgencyCode == Actor?.AgencyCode && e.ElectionId == Election?.Id && e.StatusBefore is not null))
        {
            if (Page?.Items.FirstOrDefault(v => v.Item.Id == e.ItemId) is { } shown && e.ItemVersion > shown.Item.Version)
            {
                Replace(shown.Item.PatchedBy(e));
                changed = true;
            }
            else if (Groups.Count > 0 && Groups.FirstOrDefault(g => g.Title == e.Title) is { } group)
            {
                // Groups are counted per checklist item: the event's title names it.
                Groups = Groups.Select(g => ReferenceEquals(g, group) ? Count(Count(g, e.StatusBefore!, -1), e.StatusAfter, +1) : g).ToList();
                changed = true;
            }
        }

        return Task.FromResult(changed);
    }

    /// <summary>Marks the shown items of the agency that were just escalated.</summary>
    protected override Task<bool> OnEscalationsAsync(IReadOnlyList<EscalationNotice> notices) =>
        Task.FromResult(Escalated.Add(notices, n => n.AgencyCode == Actor?.AgencyCode
            ? Page?.Items.FirstOrDefault(v => v.Item.Id == n.ItemId)?.Item.Version
            : null));

    private static TaskGroup Count(TaskGroup group, string status, int by) => status switch
    {
        ItemStatus.Ready => group with { Ready = group.Ready + by },
        ItemStatus.InProgress => group with { InProgress = group.InProgress + by },
        ItemStatus.Blocked => group with { Blocked = group.Blocked + by },
        _ => group with { NotStarted = group.NotStarted + by },
    };
}
