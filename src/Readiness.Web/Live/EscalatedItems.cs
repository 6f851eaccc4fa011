using Readiness.Data.Feed;
using Readiness.Data.Notifications;

namespace Readiness.Web.Live;

/// <summary>
/// The "Dieskalasi" marks a screen holds, by item id: loaded with the screen (one query for every item shown),
/// added from the notification feed, dropped when the live feed shows the item moved on from the version it was
/// escalated at (<see cref="ItemEscalation.EndedBy"/>). A mark that is kept is the same object, so a card given
/// it can skip its render.
/// </summary>
public sealed class EscalatedItems
{
    private readonly Dictionary<long, ItemEscalation> _marks = [];

    /// <summary>The item's mark, or null.</summary>
    public ItemEscalation? this[long itemId] => _marks.GetValueOrDefault(itemId);

    /// <summary>Items marked now.</summary>
    public int Count => _marks.Count;

    /// <summary>Replaces every mark with <paramref name="marks"/> (a screen's fresh load).</summary>
    public void Reset(IEnumerable<ItemEscalation> marks)
    {
        _marks.Clear();
        foreach (var mark in marks)
        {
            _marks.TryAdd(mark.ItemId, mark);
        }
    }

    /// <summary>
    /// Marks the items of new escalations that the screen shows (<paramref name="shown"/> gives the version it shows,
    /// or null when it does not show the item); an escalation of a version the screen has already seen pass is left
    /// out. True when a mark was added.
    /// </summary>
    public bool Add(IEnumerable<EscalationNotice> notices, Func<EscalationNotice, int?> shown)
    {
        var added = false;
        foreach (var notice in notices)
        {
            if (shown(notice) is { } version && version <= notice.ItemVersion && !_marks.ContainsKey(notice.ItemId))
            {
                _marks[notice.ItemId] = ItemEscalation.From(notice);
                added = true;
            }
        }

        return added;
    }

    /// <summary>Drops the marks of items the events moved on. True when a mark was dropped.</summary>
    public bool Apply(IEnumerable<FeedEvent> events)
    {
        var dropped = false;
        foreach (var change in events)
        {
            if (_marks.TryGetValue(change.ItemId, out var mark) && mark.EndedBy(change))
            {
                dropped |= _marks.Remove(change.ItemId);
            }
        }

        return dropped;
    }

    /// <summary>Drops the item's mark when <paramref name="itemVersion"/> is past the escalated one (after a save here).</summary>
    public bool Drop(long itemId, int itemVersion) =>
        _marks.TryGetValue(itemId, out var mark) && itemVersion > mark.ItemVersion && _marks.Remove(itemId);

    /// <summary>Drops the marks of escalations older than <paramref name="cutoffUtc"/> (UTC). True when a mark was dropped.</summary>
    public bool DropEscalatedBefore(DateTime cutoffUtc)
    {
        var old = _marks.Values.Where(m => m.EscalatedAtUtc < cutoffUtc).Select(m => m.ItemId).ToList();
        foreach (var id in old)
        {
            _marks.Remove(id);
        }

        return old.Count > 0;
    }

    /// <summary>The marks of one agency's items, earliest escalation first.</summary>
    public IReadOnlyList<ItemEscalation> OfAgency(string agencyCode) =>
        _marks.Values.Where(m => m.AgencyCode == agencyCode).OrderBy(m => m.EscalatedAtUtc).ThenBy(m => m.ItemId).ToList();
}
