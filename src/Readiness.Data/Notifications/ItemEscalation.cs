using Readiness.Data.Feed;

namespace Readiness.Data.Notifications;

/// <summary>
/// An item escalated and unchanged since (the escalation names the item's current version), with the rule's kind
/// and when (UTC). The marker goes away when the item changes.
/// </summary>
public sealed record ItemEscalation
{
    public long ItemId { get; init; }

    public string RegionCode { get; init; } = "";

    public string AgencyCode { get; init; } = "";

    /// <summary>The item's version when escalated: the escalation holds while the item is still at it.</summary>
    public int ItemVersion { get; init; }

    /// <summary>One of <see cref="EscalationKinds"/>.</summary>
    public string Kind { get; init; } = "";

    public DateTime EscalatedAtUtc { get; init; }

    /// <summary>Whether the escalation still marks the item when the item is at <paramref name="itemVersion"/>.</summary>
    public bool HoldsAt(int itemVersion) => itemVersion == ItemVersion;

    /// <summary>Whether <paramref name="change"/> moved the item on from the version it was escalated at.</summary>
    public bool EndedBy(FeedEvent change) => change.ItemId == ItemId && change.ItemVersion > ItemVersion;

    /// <summary>The mark of a new escalation as the notification feed announced it.</summary>
    public static ItemEscalation From(EscalationNotice notice) => new()
    {
        ItemId = notice.ItemId,
        RegionCode = notice.RegionCode,
        AgencyCode = notice.AgencyCode,
        ItemVersion = notice.ItemVersion,
        Kind = notice.Kind,
        EscalatedAtUtc = notice.EscalatedAtUtc,
    };
}
