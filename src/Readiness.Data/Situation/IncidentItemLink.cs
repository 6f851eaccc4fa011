namespace Readiness.Data.Situation;

/// <summary>A checklist item an incident hurts, with what both pages show of the other side: the item's title, agency,
/// status and region, and the incident's kind, severity, status and significance.</summary>
public sealed record IncidentItemLink
{
    /// <summary>The incident.</summary>
    public required long IncidentId { get; init; }

    /// <summary>The checklist item.</summary>
    public required long ItemId { get; init; }

    /// <summary>The item's title.</summary>
    public required string ItemTitle { get; init; }

    /// <summary>The item's agency code.</summary>
    public required string AgencyCode { get; init; }

    /// <summary>The item's status (belum, proses, siap, kendala).</summary>
    public required string ItemStatus { get; init; }

    /// <summary>The item's region code.</summary>
    public required string ItemRegionCode { get; init; }

    /// <summary>The incident's kind.</summary>
    public required string IncidentKind { get; init; }

    /// <summary>The incident's severity.</summary>
    public required string IncidentSeverity { get; init; }

    /// <summary>The incident's status.</summary>
    public required string IncidentStatus { get; init; }

    /// <summary>The incident is significant.</summary>
    public bool IsSignificant { get; init; }

    /// <summary>When the incident happened, UTC.</summary>
    public required DateTime OccurredAtUtc { get; init; }
}
