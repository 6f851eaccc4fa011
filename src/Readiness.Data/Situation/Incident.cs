using Readiness.Data.Regions;

namespace Readiness.Data.Situation;

/// <summary>
/// One incident of the log (a row of <c>Incidents</c> with its region's name and zone). Place, description and closing
/// note are typed by people: show them as text. Times are UTC; show them in <see cref="Zone"/>.
/// </summary>
public sealed record Incident
{
    /// <summary>The incident's id.</summary>
    public required long Id { get; init; }

    /// <summary>Kemendagri code of the kecamatan (or regency, or province) where it happened.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The region's name as Kemendagri writes it.</summary>
    public required string RegionName { get; init; }

    /// <summary>The region's IANA zone id (Asia/Jakarta, Asia/Makassar, Asia/Jayapura).</summary>
    public required string TimeZone { get; init; }

    /// <summary>The stage it happened in; null outside an election.</summary>
    public int? StageId { get; init; }

    /// <summary>Village or TPS, as typed (never a person's name field).</summary>
    public required string Place { get; init; }

    /// <summary>When it happened, UTC.</summary>
    public required DateTime OccurredAtUtc { get; init; }

    /// <summary>One of <see cref="IncidentKind.All"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>One of <see cref="IncidentSeverity.All"/>.</summary>
    public required string Severity { get; init; }

    /// <summary>What happened, as typed; may be empty.</summary>
    public string? Description { get; init; }

    /// <summary>The agency that reported it (an agency code).</summary>
    public required string ReportingAgency { get; init; }

    /// <summary>The agencies handling it, as agency codes joined by ','.</summary>
    public string HandlingAgencies { get; init; } = "";

    /// <summary>One of <see cref="IncidentStatus.All"/>.</summary>
    public required string Status { get; init; }

    /// <summary>The note written when it was closed.</summary>
    public string? ClosingNote { get; init; }

    /// <summary>Marked significant (penting) by a leader or a Polri liaison.</summary>
    public bool IsSignificant { get; init; }

    /// <summary>Who marked it significant.</summary>
    public string? SignificantBy { get; init; }

    /// <summary>When it was marked significant, UTC.</summary>
    public DateTime? SignificantAtUtc { get; init; }

    /// <summary>Who recorded it.</summary>
    public required string ReportedBy { get; init; }

    /// <summary>When it was recorded, UTC.</summary>
    public required DateTime ReportedAtUtc { get; init; }

    /// <summary>Who changed it last.</summary>
    public required string UpdatedBy { get; init; }

    /// <summary>When it was changed last, UTC.</summary>
    public required DateTime UpdatedAtUtc { get; init; }

    /// <summary>1 when recorded; one more with each change.</summary>
    public required int Version { get; init; }

    /// <summary>The agencies handling it, as a list of codes.</summary>
    public IReadOnlyList<string> Handling => HandlingAgencies.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Not closed.</summary>
    public bool IsOpen => IncidentStatus.IsOpen(Status);

    /// <summary>The region's zone.</summary>
    public RegionTimeZone Zone => RegionTimeZone.FromId(TimeZone);

    /// <summary>
    /// Whether it tops the wall's ticker at <paramref name="nowUtc"/>: significant, open, and marked less than 24 hours ago.
    /// </summary>
    public bool IsHeadline(DateTime nowUtc) => IsSignificant && IsOpen && SignificantAtUtc is { } at && nowUtc - at < HeadlineFor;

    /// <summary>How long a significant open incident stays on top of the wall's ticker after it was marked.</summary>
    public static readonly TimeSpan HeadlineFor = TimeSpan.FromHours(24);
}
