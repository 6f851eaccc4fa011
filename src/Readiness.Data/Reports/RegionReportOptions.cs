using Readiness.Data.Checklists;

namespace Readiness.Data.Reports;

/// <summary>What a screen wants of a <see cref="RegionReport"/> beyond the readiness every screen shows.</summary>
public sealed record RegionReportOptions
{
    /// <summary>How many red flags are listed, worst first (0: no flags are read; the totals then stay 0).</summary>
    public int FlagsTake { get; init; }

    /// <summary>The one kind of red flag listed (a tap on its count); null for every kind. The totals count every kind.</summary>
    public RedFlagKind? FlagKind { get; init; }

    /// <summary>How many latest changes are listed, newest first (0: none).</summary>
    public int LatestTake { get; init; }

    /// <summary>Only changes since then are listed, and <see cref="RegionReport.LatestTotal"/> counts them all; null: any age.</summary>
    public DateTime? LatestSinceUtc { get; init; }

    /// <summary>Whether the regions one level down (with readiness, risk level and overdue count) are read.</summary>
    public bool ReadChildren { get; init; } = true;

    /// <summary>Whether the outlines of the regions one level down are read.</summary>
    public bool ReadMap { get; init; }

    /// <summary>
    /// Whether the region's own items are listed: a kecamatan's, or a province's (its Pilgub items); a regency and the
    /// nation show the regions under them instead.
    /// </summary>
    public bool ReadOwnItems { get; init; }

    /// <summary>Reads the regions below and the map only when the region is a regency (a wall shows its kecamatan, nothing else).</summary>
    public bool ChildrenOnlyOfRegency { get; init; }
}
