using Readiness.Data.Checklists;
using Readiness.Data.Shared;

namespace Readiness.Web.Components.Shared;

/// <summary>
/// What a <see cref="RegionMap"/> shows of one region one level down: its readiness counts (from the live board),
/// its overdue items (see <c>RedFlagRule.IsOverdue</c>) and its risk level (rendah, sedang, tinggi; null when not
/// set). The page's live state builds these, so the map follows every change the page follows. <c>Situation</c> is the
/// worst Kamtibmas level in the region (kondusif, pg, ag, gn; null when none was set), filled where the map shows it.
/// </summary>
public sealed record RegionMapFigure(string Code, string Name, ReadinessCounts Counts, int Overdue, string? RiskLevel, string? Situation = null);
