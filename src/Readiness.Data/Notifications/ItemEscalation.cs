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

    /// <summary>One of <see cref="EscalationKinds"/>.</summary>
    public string Kind { get; init; } = "";

    public DateTime EscalatedAtUtc { get; init; }
}
