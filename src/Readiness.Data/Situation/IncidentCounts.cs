namespace Readiness.Data.Situation;

/// <summary>
/// Incidents under a region (the region and every region below it), counted in SQL: all of them, open and closed, the
/// open significant ones, the ones that happened in the last 7 days (from now, UTC), by kind and by severity.
/// </summary>
public sealed record IncidentCounts
{
    /// <summary>Every incident.</summary>
    public int Total { get; init; }

    /// <summary>Not closed.</summary>
    public int Open { get; init; }

    /// <summary>Closed (selesai).</summary>
    public int Closed => Total - Open;

    /// <summary>Open and significant.</summary>
    public int OpenSignificant { get; init; }

    /// <summary>Happened in the last 7 days.</summary>
    public int LastSevenDays { get; init; }

    /// <summary>By kind (codes of <see cref="IncidentKind"/>); kinds with none are absent.</summary>
    public IReadOnlyDictionary<string, int> ByKind { get; init; } = new Dictionary<string, int>();

    /// <summary>By severity (codes of <see cref="IncidentSeverity"/>); severities with none are absent.</summary>
    public IReadOnlyDictionary<string, int> BySeverity { get; init; } = new Dictionary<string, int>();

    /// <summary>No incident at all.</summary>
    public static IncidentCounts None { get; } = new();
}
