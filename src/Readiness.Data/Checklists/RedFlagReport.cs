using Readiness.Data.Feed;
using Readiness.Data.Regions;

namespace Readiness.Data.Checklists;

/// <summary>
/// A region's red flags as a screen holds them: exact totals by kind over the whole subtree, and the first
/// <see cref="Take"/> flags worst first (high-risk regencies first, then blocked, overdue, due soon, earliest due).
/// Read by <see cref="RedFlagStore.ForRegionAsync"/>; kept current by <see cref="Apply"/> from the live feed, so the
/// totals move by exactly what each changed item did, whether or not that item is among the flags shown.
/// <para>
/// Every date is judged as of <see cref="AsOfUtc"/> (the read). When local midnight passes in a zone the subtree
/// spans, items become overdue without any event: from <see cref="ValidUntilUtc"/> on the report must be read again
/// (<see cref="IsStale"/>). A screen sets a timer for <see cref="ValidUntilUtc"/> and reloads, and reloads when it
/// reconnects.
/// </para>
/// </summary>
public sealed record RedFlagReport
{
    /// <summary>An empty report (nothing read yet).</summary>
    public static readonly RedFlagReport Empty = new()
    {
        ElectionId = 0,
        RegionCode = "",
        Take = 0,
        Flags = [],
        AsOfUtc = DateTime.MinValue,
        AsOfSeq = long.MaxValue,
        RiskLevels = new Dictionary<string, string>(),
        Stages = new Dictionary<int, (string, int)>(),
    };

    /// <summary>The election read.</summary>
    public required int ElectionId { get; init; }

    /// <summary>The region whose subtree is read; <c>""</c> for the nation.</summary>
    public required string RegionCode { get; init; }

    /// <summary>How many flags are shown at most.</summary>
    public required int Take { get; init; }

    /// <summary>The flags shown, worst first; at most <see cref="Take"/>; only of <see cref="Kind"/> when it is set.</summary>
    public required IReadOnlyList<RedFlag> Flags { get; init; }

    /// <summary>
    /// The one kind the listed <see cref="Flags"/> are narrowed to (a leader tapped "56 kendala"); null for every kind.
    /// The totals always count every kind.
    /// </summary>
    public RedFlagKind? Kind { get; init; }

    /// <summary>Blocked items in the subtree.</summary>
    public int Blocked { get; init; }

    /// <summary>Overdue items in the subtree (not blocked).</summary>
    public int Overdue { get; init; }

    /// <summary>Critical items due soon in the subtree (neither blocked nor overdue).</summary>
    public int DueSoon { get; init; }

    /// <summary>Every red flag in the subtree.</summary>
    public int Total => Blocked + Overdue + DueSoon;

    /// <summary>The instant (UTC) whose local dates every item is judged by.</summary>
    public required DateTime AsOfUtc { get; init; }

    /// <summary>Events up to this sequence number are counted; <see cref="Apply"/> skips them.</summary>
    public required long AsOfSeq { get; init; }

    /// <summary>When the date changes in a zone of the subtree: the report is stale from then on.</summary>
    public DateTime ValidUntilUtc => RedFlagRule.NextDayChangeUtc(RegionCode, AsOfUtc);

    /// <summary>Regency code to risk level, for ordering flags that arrive by the feed.</summary>
    public required IReadOnlyDictionary<string, string> RiskLevels { get; init; }

    /// <summary>Stage id to name and sort order, for flags that arrive by the feed.</summary>
    public required IReadOnlyDictionary<int, (string Name, int SortOrder)> Stages { get; init; }

    /// <summary>Whether a local day has turned over since the read, so the totals must be read again.</summary>
    public bool IsStale(TimeProvider time) => time.GetUtcNow().UtcDateTime >= ValidUntilUtc;

    /// <summary>
    /// The report after <paramref name="events"/> (any order, any region, any election: what is not this report's, or
    /// already counted, is skipped). Each item is classified before and after its change by <see cref="RedFlagRule"/>
    /// as of <see cref="AsOfUtc"/>; the totals move by that difference and the shown flags are patched.
    /// </summary>
    public RedFlagReport Apply(IEnumerable<FeedEvent> events)
    {
        var mine = events
            .Where(e => e.Seq > AsOfSeq && e.ElectionId == ElectionId
                        && (RegionCode.Length == 0 || Shared.RegionCode.IsWithin(e.RegionCode, RegionCode)))
            .OrderBy(e => e.Seq)
            .ToList();
        if (mine.Count == 0)
        {
            return this;
        }

        var (blocked, overdue, dueSoon) = (Blocked, Overdue, DueSoon);
        var shown = Flags.ToDictionary(f => f.View.Item.Id);
        foreach (var e in mine)
        {
            var today = RedFlagRule.TodayIn(RegionTimeZone.FromId(e.TimeZone), AsOfUtc);
            var before = e.StatusBefore is null ? null : RedFlagRule.Classify(e.StatusBefore, e.Criticality, e.DueDate, today);
            var after = RedFlagRule.Classify(e.StatusAfter, e.Criticality, e.DueDate, today);
            Count(before, -1);
            Count(after, +1);

            shown.Remove(e.ItemId, out var existing);
            if (after is null || (Kind is { } only && after != only))
            {
                continue;
            }

            if (existing is null && e.RequestAnswered)
            {
                continue; // an answer to a help request moved nothing of the item, so a flag not shown stays where it was
            }

            var view = existing is not null
                ? existing.View with { Item = existing.View.Item.PatchedBy(e) }
                : new ItemView
                {
                    Item = ChecklistItem.FromEvent(e),
                    RegionName = e.RegionName,
                    TimeZone = e.TimeZone,
                    StageName = Stages.TryGetValue(e.StageId, out var stage) ? stage.Name : "",
                    StageSortOrder = Stages.TryGetValue(e.StageId, out stage) ? stage.SortOrder : 0,
                };
            shown[e.ItemId] = new RedFlag(view, after.Value, RiskLevels.GetValueOrDefault(e.RegionCode.Length >= 5 ? e.RegionCode[..5] : e.RegionCode));
        }

        return this with
        {
            Blocked = blocked,
            Overdue = overdue,
            DueSoon = dueSoon,
            AsOfSeq = mine[^1].Seq,
            Flags = Order(shown.Values).Take(Take).ToList(),
        };

        void Count(RedFlagKind? kind, int delta)
        {
            switch (kind)
            {
                case RedFlagKind.Blocked: blocked += delta; break;
                case RedFlagKind.Overdue: overdue += delta; break;
                case RedFlagKind.DueSoon: dueSoon += delta; break;
            }
        }
    }

    /// <summary>Worst first, as the SQL read orders them.</summary>
    internal static IEnumerable<RedFlag> Order(IEnumerable<RedFlag> flags) => flags
        .OrderBy(f => Regions.RiskLevel.Order(f.RiskLevel))
        .ThenBy(f => f.Kind)
        .ThenBy(f => f.View.Item.DueDate)
        .ThenBy(f => f.View.Item.Id);
}
