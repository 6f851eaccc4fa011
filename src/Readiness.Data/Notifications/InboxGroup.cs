namespace Readiness.Data.Notifications;

/// <summary>
/// One row of a person's inbox (<see cref="NotificationStore.InboxGroupsAsync"/>): a rule's notices about a region on
/// one local day, how many there are, how many are unread and when the newest came. Timestamps are UTC.
/// </summary>
public sealed class InboxGroup
{
    /// <summary>The rule that made the notices.</summary>
    public int RuleId { get; set; }

    /// <summary>The rule's name as admins wrote it (Indonesian, e.g. "Kendala tidak berubah 24 jam").</summary>
    public string RuleName { get; set; } = "";

    /// <summary>One of <see cref="EscalationKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The notices' region; null for digests.</summary>
    public string? RegionCode { get; set; }

    /// <summary>The region's name; null for digests.</summary>
    public string? RegionName { get; set; }

    /// <summary>The zone id the day is read in (the region's, or the digest's).</summary>
    public string? TimeZone { get; set; }

    /// <summary>The local day of the notices, in <see cref="TimeZone"/>.</summary>
    public DateOnly Date { get; set; }

    /// <summary>How many notices the group holds.</summary>
    public int Count { get; set; }

    /// <summary>How many of them are unread.</summary>
    public int Unread { get; set; }

    /// <summary>When the newest of them was made.</summary>
    public DateTime LatestAtUtc { get; set; }

    /// <summary>True when something in the group is unread.</summary>
    public bool HasUnread => Unread > 0;

    /// <summary>What names the group, to open it or mark it read.</summary>
    public InboxGroupKey Key => new(RuleId, RegionCode, Date);
}
