namespace Readiness.Data.Situation;

/// <summary>
/// An incident as a person records it: the region (kecamatan, regency or province code), the village or TPS as text
/// (1-200 characters), the time in the region's own zone (no later than now), kind, severity, an optional description
/// (at most 1,000 characters), the reporting agency (null: the liaison's own agency), the handling agencies (codes), and
/// a client-made operation id so a replayed tap writes nothing.
/// </summary>
public sealed record NewIncident
{
    /// <summary>Where: a kecamatan, regency or province code.</summary>
    public required string RegionCode { get; init; }

    /// <summary>Village or TPS, as typed.</summary>
    public required string Place { get; init; }

    /// <summary>When it happened, in the region's zone (Kind Unspecified).</summary>
    public required DateTime OccurredAtLocal { get; init; }

    /// <summary>One of <see cref="IncidentKind.All"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>One of <see cref="IncidentSeverity.All"/>.</summary>
    public required string Severity { get; init; }

    /// <summary>What happened; optional.</summary>
    public string? Description { get; init; }

    /// <summary>The reporting agency; null means the liaison's own (required for leaders and admins).</summary>
    public string? ReportingAgency { get; init; }

    /// <summary>Agencies handling it (agency codes).</summary>
    public IReadOnlyList<string> HandlingAgencies { get; init; } = [];

    /// <summary>Client-made id of this save.</summary>
    public required Guid OperationId { get; init; }
}
