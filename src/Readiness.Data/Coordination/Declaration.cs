using Readiness.Data.Agencies;

namespace Readiness.Data.Coordination;

/// <summary>
/// An agency's newest readiness declaration for a regency before a stage. <see cref="RecordedAtUtc"/> is UTC.
/// <see cref="VoidedAtUtc"/> is when a Kendala status of that agency's item in the regency (or under it) was first set
/// after it: the declaration no longer holds. Names and exceptions are empty for readers who see statuses only.
/// </summary>
public sealed record Declaration
{
    public required long Id { get; init; }

    public required string RegionCode { get; init; }

    public required string AgencyCode { get; init; }

    /// <summary>One of <see cref="DeclarationMoment"/>.</summary>
    public required string Moment { get; init; }

    public string HeadName { get; init; } = "";

    public string HeadPosition { get; init; } = "";

    public string? Exceptions { get; init; }

    public string RecordedBy { get; init; } = "";

    public required DateTime RecordedAtUtc { get; init; }

    /// <summary>When the first new Kendala after it was set; null while it holds.</summary>
    public DateTime? VoidedAtUtc { get; init; }

    /// <summary>Whether it no longer holds.</summary>
    public bool IsVoid => VoidedAtUtc is not null;

    /// <summary>The agency's short name ("KPU").</summary>
    public string AgencyName => Agency.Find(AgencyCode)?.ShortName ?? AgencyCode;
}
