namespace Readiness.Data.Notifications;

/// <summary>An escalation rule as admins edit it (table <c>EscalationRules</c>).</summary>
public sealed record EscalationRule
{
    public required int Id { get; init; }

    /// <summary>Stable code, e.g. <c>kendala-24-jam</c>.</summary>
    public required string Code { get; init; }

    /// <summary>One of <see cref="EscalationKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Indonesian name shown to admins.</summary>
    public required string Name { get; init; }

    public bool IsEnabled { get; init; }

    /// <summary>Kendala rule: hours an item must stay unchanged before it escalates.</summary>
    public int AfterHours { get; init; }

    /// <summary>Overdue rule: the criticality of the items it watches (<c>kritis</c> by default).</summary>
    public string? Criticality { get; init; }

    /// <summary>Digest rule: the local hour (0-23) in each region's own zone (WIB, WITA, WIT).</summary>
    public int LocalHour { get; init; }

    /// <summary>The role whose members, with a scope covering the item's region, are told (<c>pimpinan</c>).</summary>
    public required string RecipientRole { get; init; }

    public bool SendEmail { get; init; }

    public bool SendWebhook { get; init; }

    /// <summary>Optimistic concurrency: an edit names the version it was made on.</summary>
    public int Version { get; init; }

    public DateTime UpdatedAtUtc { get; init; }

    public string UpdatedBy { get; init; } = "";

    /// <summary>When a server last finished a run of this rule (UTC); null before the first.</summary>
    public DateTime? LastRunAtUtc { get; init; }
}
