using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Data.Shared;

namespace Readiness.Data.Reports;

/// <summary>
/// What a region page, the wall and the brief show of one region (or the nation), as one immutable snapshot read by
/// <see cref="RegionReports.ReadAsync"/> for one reader: the region and its ancestry, its day (today, election,
/// stages, days to voting), readiness overall, by agency and by stage and the numbers on items (from this server's
/// board), the red flags with exact totals, the regions one level down with their readiness, risk level and overdue
/// items (the map's figures), the map, the latest changes and who made them.
/// <para>
/// Carried forward from the live feed by <see cref="Apply"/> (what the events did, no query) and
/// <see cref="RegionReports.ApplyAsync"/> (plus the board's counts and names not known yet). Dates are judged as of
/// <see cref="AsOfUtc"/>: from <see cref="ValidUntilUtc"/> on (the next local midnight) the report is read again.
/// </para>
/// </summary>
public sealed record RegionReport
{
    /// <summary>Whom the report was read for; every later read for it checks this reader's scope again.</summary>
    public required Actor Actor { get; init; }

    /// <summary>What the screen asked for.</summary>
    public required RegionReportOptions Options { get; init; }

    /// <summary>The region; null for the nation (admins only).</summary>
    public required Region? Region { get; init; }

    /// <summary>The region's code; <c>""</c> for the nation.</summary>
    public string Code => Region?.Code ?? "";

    /// <summary>The region's ancestors from the province down, the region included; empty for the nation.</summary>
    public IReadOnlyList<Region> Ancestry { get; init; } = [];

    /// <summary>Today in the region's zone, the election ahead, its stages, the stage under way and the days to voting.</summary>
    public required RegionDay Day { get; init; }

    /// <summary>The election read; null when there is none (then nothing else is read).</summary>
    public Election? Election => Day.Election;

    /// <summary>When the report was read (UTC): every date in it is judged as of this instant.</summary>
    public required DateTime AsOfUtc { get; init; }

    /// <summary>
    /// When the report must be read again: the next local midnight in the region's zone (every zone for the nation), when
    /// items turn overdue without any event; never later than the red flags' own <see cref="RedFlagReport.ValidUntilUtc"/>.
    /// </summary>
    public DateTime ValidUntilUtc
    {
        get
        {
            var midnight = RedFlagRule.NextDayChangeUtc(Code, AsOfUtc);
            return Flags.Take > 0 && Flags.ValidUntilUtc < midnight ? Flags.ValidUntilUtc : midnight;
        }
    }

    /// <summary>Whether a local day has turned over since the read, so the report must be read again.</summary>
    public bool IsStale(TimeProvider time) => time.GetUtcNow().UtcDateTime >= ValidUntilUtc;

    /// <summary>Counts of the region and everything under it, by agency.</summary>
    public RegionReadiness Readiness { get; init; } = new("", ReadinessCounts.Empty, new Dictionary<string, ReadinessCounts>());

    /// <summary>Counts of the region and everything under it, per stage id.</summary>
    public IReadOnlyDictionary<int, ReadinessCounts> ByStage { get; init; } = new Dictionary<int, ReadinessCounts>();

    /// <summary>Numbers on items added up over the region and everything under it, per agency and per item.</summary>
    public RegionNumbers Numbers { get; init; } = RegionNumbers.Empty("");

    /// <summary>The red flags with exact totals; <see cref="RedFlagReport.Empty"/> when the screen asked for none.</summary>
    public RedFlagReport Flags { get; init; } = RedFlagReport.Empty;

    /// <summary>Overdue items per region one level down, as read and carried forward.</summary>
    public ChildOverdueCounts Overdue { get; init; } = ChildOverdueCounts.None("");

    /// <summary>The regions one level down, in the store's order, with readiness, risk level and overdue count.</summary>
    public IReadOnlyList<RegionReportChild> Children { get; init; } = [];

    /// <summary>Outlines of the regions one level down; null when not asked for or for a kecamatan (nothing below it).</summary>
    public RegionMapGeometry? Map { get; init; }

    /// <summary>The region's own items (a kecamatan's, or a province's Pilgub items) when asked for; empty otherwise.</summary>
    public IReadOnlyList<ItemView> Items { get; init; } = [];

    /// <summary>Whether the region lists items of its own: a kecamatan, and a province (the governor's election).</summary>
    public bool ListsOwnItems => Options.ReadOwnItems && Region?.Level is RegionLevel.District or RegionLevel.Province;

    /// <summary>The latest status changes of the election under the region, newest first.</summary>
    public IReadOnlyList<FeedEvent> Latest { get; init; } = [];

    /// <summary>
    /// All changes since <see cref="RegionReportOptions.LatestSinceUtc"/> under the region, of which <see cref="Latest"/>
    /// lists the newest; null when the screen asked for no such window.
    /// </summary>
    public int? LatestTotal { get; init; }

    /// <summary>
    /// Who changed the flagged items and the latest changes, by login name, as this reader may see them
    /// (<see cref="ContactStore.ForRegionAsync"/>).
    /// </summary>
    public IReadOnlyDictionary<string, Contact> Contacts { get; init; } = new Dictionary<string, Contact>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names whose contacts were asked for, found or not ("sistem" is no user): not asked again on every change.</summary>
    internal IReadOnlySet<string> AskedNames { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names shown whose contacts were not asked for yet.</summary>
    internal IReadOnlyList<string> UnaskedNames() =>
        Flags.Flags.Select(f => f.View.Item.UpdatedBy).Concat(Latest.Select(e => e.Actor))
            .Where(n => !string.IsNullOrEmpty(n) && !AskedNames.Contains(n!))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList()!;

    /// <summary>Whether an event is this report's: its election, under its region.</summary>
    public bool Concerns(FeedEvent e) =>
        Election is { } election && e.ElectionId == election.Id && (Code.Length == 0 || RegionCode.IsWithin(e.RegionCode, Code));

    /// <summary>
    /// The report moved by what <paramref name="events"/> did (any order; what is not this report's is skipped): the red
    /// flags and their totals by <see cref="RedFlagReport.Apply"/>, the overdue counts one level down, the latest
    /// changes. The board's counts and the names not known yet are not read here: <see cref="RegionReports.ApplyAsync"/>
    /// adds them. Answers which parts moved.
    /// </summary>
    public (RegionReport Report, RegionReportParts Changed) Apply(IEnumerable<FeedEvent> events)
    {
        var mine = events.Where(Concerns).OrderBy(e => e.Seq).ToList();
        if (mine.Count == 0)
        {
            return (this, RegionReportParts.None);
        }

        var changed = RegionReportParts.None;
        var flags = Flags.Apply(mine);
        if (!ReferenceEquals(flags, Flags))
        {
            changed |= RegionReportParts.Flags;
        }

        var overdue = Overdue.Apply(mine, Election!.Id);
        var children = Children;
        if (Children.Any(c => c.Overdue != overdue[c.Region.Code]))
        {
            children = [.. Children.Select(c => c with { Overdue = overdue[c.Region.Code] })];
            changed |= RegionReportParts.Children;
        }

        var latest = Latest;
        if (Options.LatestTake > 0)
        {
            var listed = mine.Where(e => e.IsListedChange && (Options.LatestSinceUtc is not { } since || e.AtUtc >= since)).ToList();
            if (listed.Count > 0)
            {
                var known = Latest.Select(e => e.Seq).ToHashSet();
                latest = [.. listed.OrderByDescending(e => e.Seq).Concat(Latest).DistinctBy(e => e.Seq).Take(Options.LatestTake)];
                changed |= RegionReportParts.Latest;
                if (LatestTotal is { } total)
                {
                    // Counted once: the read may already have counted an event the feed delivers again.
                    var newest = Latest.Count > 0 ? Latest.Max(e => e.Seq) : 0;
                    return (this with
                    {
                        Flags = flags,
                        Overdue = overdue,
                        Children = children,
                        Latest = latest,
                        LatestTotal = total + listed.Count(e => !known.Contains(e.Seq) && e.Seq > newest),
                    }, changed);
                }
            }
        }

        return (this with { Flags = flags, Overdue = overdue, Children = children, Latest = latest }, changed);
    }
}
