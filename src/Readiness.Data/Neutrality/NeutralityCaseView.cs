namespace Readiness.Data.Neutrality;

/// <summary>One opening of a case's personal data: who, with which role, when (UTC) and how (detail, list, export).</summary>
public sealed record NeutralityCaseView
{
    /// <summary>Row id.</summary>
    public required long Id { get; init; }

    /// <summary>The case opened.</summary>
    public required int CaseId { get; init; }

    /// <summary>The case's region.</summary>
    public required string RegionCode { get; init; }

    /// <summary>Who opened it (user name).</summary>
    public required string Viewer { get; init; }

    /// <summary>Their role at the time.</summary>
    public required string ViewerRole { get; init; }

    /// <summary>detail (the case page), daftar (a list with names) or ekspor (an export with names).</summary>
    public required string Purpose { get; init; }

    /// <summary>When, UTC.</summary>
    public required DateTime AtUtc { get; init; }
}
