using Readiness.Data.Feed;

namespace Readiness.Data.Coordination;

/// <summary>
/// How many of a leader's instructions are not yet Siap in each region asked for (and under it), with the ids of every
/// instruction item there, Siap or not, so a live screen can tell which feed events may move the counts without
/// reading them again (<see cref="VisitStore.OpenInstructionsAsync"/>).
/// </summary>
/// <param name="Open">Open instructions per region code; regions the actor does not see are left out, regions without any are 0.</param>
/// <param name="ItemIds">The checklist item ids of every instruction under the regions read.</param>
public sealed record OpenInstructionCounts(IReadOnlyDictionary<string, int> Open, IReadOnlySet<long> ItemIds)
{
    /// <summary>No regions, no instructions.</summary>
    public static OpenInstructionCounts Empty { get; } = new(new Dictionary<string, int>(), new HashSet<long>());

    /// <summary>
    /// True when any of <paramref name="events"/> may move the counts: a change of one of the instructions read, or an
    /// item's creation (a new visit's instructions; an item is created with its first event, whose status before is
    /// null). A change of any other item leaves them as they are.
    /// </summary>
    public bool MayMove(IEnumerable<FeedEvent> events) => events.Any(e => e.StatusBefore is null || ItemIds.Contains(e.ItemId));
}
