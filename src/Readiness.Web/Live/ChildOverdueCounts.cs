using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Data.Shared;

namespace Readiness.Web.Live;

/// <summary>
/// Overdue items per region one level below a parent (<c>""</c> for the nation), read once with
/// <see cref="RedFlagStore.OverdueByChildAsync"/> and then kept current from feed events with the same rule
/// (<see cref="RedFlagRule.Classify(string, string, DateOnly, DateOnly)"/>), each judged by the date in its region's zone: no query per change.
/// A day turning over is not an event; a page that stays open past midnight re-reads on its next load.
/// </summary>
public sealed class ChildOverdueCounts(string parentCode, IReadOnlyDictionary<string, int> initial, TimeProvider time)
{
    private readonly Dictionary<string, int> _counts = new(initial, StringComparer.Ordinal);
    private readonly int _childLength = parentCode.Length == 0 ? 2 : parentCode.Length + 3;

    /// <summary>The overdue count of a region one level down; 0 when it has none.</summary>
    public int this[string childCode] => _counts.GetValueOrDefault(childCode);

    /// <summary>Moves the counts by each event of <paramref name="electionId"/> under the parent: the item leaves its old state and takes its new one.</summary>
    public void Apply(IEnumerable<FeedEvent> events, int electionId)
    {
        foreach (var e in events.Where(e => e.ElectionId == electionId).OrderBy(e => e.Seq))
        {
            if (e.RegionCode.Length < _childLength || !(parentCode.Length == 0 || RegionCode.IsWithin(e.RegionCode, parentCode)))
            {
                continue;
            }

            var today = RedFlagRule.TodayIn(RegionTimeZone.FromId(e.TimeZone), time);
            var delta = (IsOverdue(e.StatusAfter, e, today) ? 1 : 0) - (e.StatusBefore is { } before && IsOverdue(before, e, today) ? 1 : 0);
            if (delta != 0)
            {
                var child = e.RegionCode[.._childLength];
                _counts[child] = Math.Max(0, _counts.GetValueOrDefault(child) + delta);
            }
        }
    }

    private static bool IsOverdue(string status, FeedEvent e, DateOnly today) =>
        RedFlagRule.Classify(status, e.Criticality, e.DueDate, today) == RedFlagKind.Overdue;
}
