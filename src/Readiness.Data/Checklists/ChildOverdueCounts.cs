using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Data.Shared;

namespace Readiness.Data.Checklists;

/// <summary>
/// Overdue items per region one level below a parent (<c>""</c> for the nation), read once with
/// <see cref="RedFlagStore.ChildOverdueAsync"/> (with the event log's end, so no event is counted twice) and then carried forward from feed events with the same rule
/// (<see cref="RedFlagRule.Classify(string, string, DateOnly, DateOnly)"/>), each judged by the date in its region's
/// zone as of <paramref name="asOfUtc"/> (the read): no query per change. Immutable: <see cref="Apply"/> answers new
/// counts. A day turning over is not an event; the counts are read again after the next local midnight, with the red
/// flags they add up to.
/// </summary>
/// <param name="parentCode">The region one level above the counted regions; <c>""</c> for the nation.</param>
/// <param name="initial">Overdue items per child region, as read.</param>
/// <param name="asOfUtc">The instant whose local dates the items are judged by.</param>
/// <param name="asOfSeq">Events up to this sequence number are counted; <see cref="Apply"/> skips them.</param>
public sealed class ChildOverdueCounts(string parentCode, IReadOnlyDictionary<string, int> initial, DateTime asOfUtc, long asOfSeq)
{
    private readonly Dictionary<string, int> _counts = new(initial, StringComparer.Ordinal);
    private readonly int _childLength = parentCode.Length == 0 ? 2 : parentCode.Length + 3;

    /// <summary>No overdue items anywhere (a kecamatan, which has no regions below it).</summary>
    public static ChildOverdueCounts None(string parentCode) => new(parentCode, new Dictionary<string, int>(), DateTime.MinValue, long.MaxValue);

    /// <summary>Events up to this sequence number are counted.</summary>
    public long AsOfSeq => asOfSeq;

    /// <summary>The overdue count of a region one level down; 0 when it has none.</summary>
    public int this[string childCode] => _counts.GetValueOrDefault(childCode);

    /// <summary>
    /// The counts after each event of <paramref name="electionId"/> under the parent: the item leaves its old state and
    /// takes its new one. The same instance when nothing moved.
    /// </summary>
    public ChildOverdueCounts Apply(IEnumerable<FeedEvent> events, int electionId)
    {
        Dictionary<string, int>? moved = null;
        var last = asOfSeq;
        foreach (var e in events.Where(e => e.ElectionId == electionId && e.Seq > asOfSeq).OrderBy(e => e.Seq))
        {
            last = e.Seq;
            if (e.RegionCode.Length < _childLength || !(parentCode.Length == 0 || RegionCode.IsWithin(e.RegionCode, parentCode)))
            {
                continue;
            }

            var today = RedFlagRule.TodayIn(RegionTimeZone.FromId(e.TimeZone), asOfUtc);
            var delta = (IsOverdue(e.StatusAfter, e, today) ? 1 : 0) - (e.StatusBefore is { } before && IsOverdue(before, e, today) ? 1 : 0);
            if (delta != 0)
            {
                moved ??= new Dictionary<string, int>(_counts, StringComparer.Ordinal);
                var child = e.RegionCode[.._childLength];
                moved[child] = Math.Max(0, moved.GetValueOrDefault(child) + delta);
            }
        }

        return last == asOfSeq ? this : new ChildOverdueCounts(parentCode, moved ?? _counts, asOfUtc, last);
    }

    private static bool IsOverdue(string status, FeedEvent e, DateOnly today) =>
        RedFlagRule.Classify(status, e.Criticality, e.DueDate, today) == RedFlagKind.Overdue;
}
