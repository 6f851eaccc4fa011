namespace Readiness.Data.Notifications;

/// <summary>A new escalation as the notification pump hands it to this server's screens (UTC time).</summary>
public sealed record EscalationNotice
{
    public long Id { get; init; }

    public long ItemId { get; init; }

    public string RegionCode { get; init; } = "";

    public string AgencyCode { get; init; } = "";

    /// <summary>The item's version when escalated: the marker holds while the item is still at it.</summary>
    public int ItemVersion { get; init; }

    /// <summary>One of <see cref="EscalationKinds"/>.</summary>
    public string Kind { get; init; } = "";

    public DateTime EscalatedAtUtc { get; init; }
}
