using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Notifications;
using Readiness.Web.Accounts;
using Readiness.Web.Live;

namespace Readiness.Web.Components.Pages.Items;

/// <summary>
/// An item's "Dieskalasi" mark: read once for the item (<see cref="NotificationStore.EscalatedAsync"/>), set when the
/// item is escalated while the page is open (the notification feed), dropped as soon as the page shows a newer version
/// of the item than the one escalated.
/// </summary>
public sealed class EscalationMarkState(
    LiveFeed feed,
    NotificationStore notifications,
    NotificationFeed notificationFeed,
    CurrentActor currentActor,
    ILogger<EscalationMarkState> logger) : LiveState(feed)
{
    private ChecklistItem? _item;

    /// <summary>The item's escalation still standing; null when there is none.</summary>
    public ItemEscalation? Mark { get; private set; }

    /// <summary>Follows <paramref name="item"/>, the version the page shows now: reads its mark once per item, drops a mark older than it.</summary>
    public async Task ShowAsync(ChecklistItem item)
    {
        var first = _item?.Id != item.Id;
        _item = item;
        if (first)
        {
            Mark = null;
            WatchEscalations(notificationFeed, item.RegionCode);
            try
            {
                Mark = (await notifications.EscalatedAsync(await currentActor.GetAsync(), [item.Id])).GetValueOrDefault(item.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The mark is extra: the page works without it, and the next escalation still shows.
                logger.LogError(ex, "The escalation of item {ItemId} could not be read", item.Id);
            }
        }

        if (Mark is not null && item.Version > Mark.ItemVersion)
        {
            Mark = null;
        }
    }

    /// <inheritdoc />
    protected override Task<bool> OnEscalationsAsync(IReadOnlyList<EscalationNotice> notices)
    {
        if (_item is { } item && notices.LastOrDefault(n => n.ItemId == item.Id && n.ItemVersion >= item.Version) is { } notice)
        {
            Mark = ItemEscalation.From(notice);
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }
}
