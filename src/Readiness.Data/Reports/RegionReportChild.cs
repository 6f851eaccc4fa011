using Readiness.Data.Regions;
using Readiness.Data.Shared;

namespace Readiness.Data.Reports;

/// <summary>A region one level below a report's region: its readiness (from the board), risk level and overdue items.</summary>
/// <param name="Region">The region.</param>
/// <param name="RiskLevel">Its risk level (<see cref="Regions.RiskLevel"/>), or null when not set (or not read for it).</param>
/// <param name="Readiness">Counts of the region and everything under it, by agency.</param>
/// <param name="Overdue">Overdue items in it, by the red-flag rule.</param>
public sealed record RegionReportChild(Region Region, string? RiskLevel, RegionReadiness Readiness, int Overdue);
