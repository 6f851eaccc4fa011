using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Shared;
using Readiness.Web.Live;
using Readiness.Data.Shared;

namespace Readiness.Web.Components.Pages.Regions;

/// <summary>
/// What a region page shows: readiness by agency and by stage (from the board), the red flags with exact totals
/// (Readiness.Data's <see cref="RedFlagReport"/>, patched from the feed by its own rule and read again after the
/// region's local midnight), the regions one level down, and the latest changes.
/// </summary>
public sealed class RegionState(
    LiveFeed feed,
    RegionStore regions,
    RegionCalendar calendar,
    ReadinessBoard board,
    RedFlagStore redFlags,
    RegionBoundaries boundaries,
    FeedStore feedStore,
    ChecklistStore checklists,
    ContactStore contacts,
    TimeProvider time,
    CurrentActor currentActor,
    ILogger<RegionState> logger) : LiveState(feed)
{
    /// <summary>Red flags listed (the totals count them all).</summary>
    public const int FlagsShown = 30;

    /// <summary>Latest changes listed.</summary>
    public const int LatestLength = 8;

    private ITimer? _dayChange;
    private IReadOnlyList<Region> _childRegions = [];
    private ChildOverdueCounts? _overdue;

    /// <summary>The signed-in actor.</summary>
    public Actor? Actor { get; private set; }

    /// <summary>The region; null for the nation (admins only).</summary>
    public Region? Region { get; private set; }

    /// <summary>The region's ancestors, from the province down, the region included.</summary>
    public IReadOnlyList<Region> Ancestry { get; private set; } = [];

    /// <summary>The election ahead in the region's zone.</summary>
    public Election? Election { get; private set; }

    /// <summary>The election's stages.</summary>
    public IReadOnlyList<Stage> Stages { get; private set; } = [];

    /// <summary>Today in the region's zone (WIB for the nation).</summary>
    public DateOnly Today { get; private set; }

    /// <summary>When the page was loaded, UTC.</summary>
    public DateTime LoadedUtc { get; private set; }

    /// <summary>Days to voting day.</summary>
    public int DaysToVoting { get; private set; }

    /// <summary>Counts of the region and everything under it, by agency.</summary>
    public RegionReadiness Readiness { get; private set; } = new("", ReadinessCounts.Empty, new Dictionary<string, ReadinessCounts>());

    /// <summary>Counts per stage.</summary>
    public IReadOnlyDictionary<int, ReadinessCounts> ByStage { get; private set; } = new Dictionary<int, ReadinessCounts>();

    /// <summary>Numbers on items added up over the region and everything under it, per agency and per item.</summary>
    public RegionNumbers Numbers { get; private set; } = RegionNumbers.Empty("");

    /// <summary>The one kind of red flag listed, after a tap on its count; null for every kind.</summary>
    public RedFlagKind? FlagKind { get; private set; }

    /// <summary>Lists only the red flags of <paramref name="kind"/> (null: every kind) and reads them again.</summary>
    public async Task ShowFlagsAsync(RedFlagKind? kind)
    {
        FlagKind = kind;
        await LoadFlagsAsync();
    }

    /// <summary>Red flags with exact totals.</summary>
    public RedFlagReport Flags { get; private set; } = RedFlagReport.Empty;

    /// <summary>Regions one level down with their readiness and risk level.</summary>
    public IReadOnlyList<ChildrenTable.Row> Children { get; private set; } = [];

    /// <summary>Outlines of the regions one level down; null on a kecamatan's page (nothing below it).</summary>
    public RegionMapGeometry? Map { get; private set; }

    /// <summary>The map's figures: each region one level down with its counts, overdue items and risk level.</summary>
    public IReadOnlyList<RegionMapFigure> MapFigures { get; private set; } = [];

    /// <summary>
    /// A kecamatan's own items, or a province's own (the governor's election, shown beside its regencies' rollup),
    /// every agency's (by agency, then stage and due date), read again when one of them changes; empty for a regency
    /// and the nation, whose pages show the regions under them instead.
    /// </summary>
    public IReadOnlyList<ItemView> Items { get; private set; } = [];

    /// <summary>True where the region keeps items of its own to list: a kecamatan, and a province (its Pilgub items).</summary>
    public bool ListsOwnItems => Region?.Level is RegionLevel.District or RegionLevel.Province;

    /// <summary>Latest status changes, newest first.</summary>
    public IReadOnlyList<FeedEvent> Latest { get; private set; } = [];

    /// <summary>
    /// Who changed the flagged items and the latest changes, by login name, as this reader may see them (a name and unit
    /// for everyone, a number only for a signed-in user in scope; <see cref="ContactStore.ForRegionAsync"/>).
    /// </summary>
    public IReadOnlyDictionary<string, Contact> Contacts { get; private set; } = new Dictionary<string, Contact>();

    private readonly HashSet<string> _askedNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A localizer key for a problem a person must act on (out of scope, no election, load failed).</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// True once every part of the page is read. The page renders while it loads (each await yields), and a half-read
    /// page says "0% Siap · 0 butir" beside its red flags: until then it says "Memuat".
    /// </summary>
    public bool Loaded { get; private set; }

    /// <summary>True when the region does not exist (the page answers "not found").</summary>
    public bool NotFound { get; private set; }

    /// <summary>True when a non-admin asked for the nation (the page sends them home).</summary>
    public bool NationRefused { get; private set; }

    private string CodeOrNation => Region?.Code ?? "";

    /// <summary>Loads the page of <paramref name="code"/> (null: the nation) and follows its changes.</summary>
    public async Task LoadAsync(string? code)
    {
        (Problem, NotFound, NationRefused, Loaded) = (null, false, false, false);
        Contacts = new Dictionary<string, Contact>();
        _askedNames.Clear();
        try
        {
            Actor = await currentActor.GetAsync();
            LoadedUtc = time.GetUtcNow().UtcDateTime;
            if (code is null)
            {
                if (!Actor.IsAdmin)
                {
                    NationRefused = true;
                    return;
                }

                Region = null;
            }
            else
            {
                Region = await regions.FindAsync(code);
                if (Region is null)
                {
                    NotFound = true;
                    return;
                }

                if (!Actor.CanSee(Region.Code))
                {
                    Problem = "Access.OutOfScope";
                    return;
                }
            }

            var day = await calendar.DayAsync(Region);
            Today = day.Today;
            Election = day.Election;
            if (Election is null)
            {
                Problem = "Home.NoElection";
                return;
            }

            DaysToVoting = day.DaysToVoting!.Value;
            Stages = day.Stages;
            Ancestry = Region is null ? [] : await regions.AncestryAsync(Region.Code);
            _childRegions = Region?.Level == RegionLevel.District ? [] : await regions.ChildrenAsync(Region?.Code);
            // Before the reads, so no change falls between a read and the subscription.
            Watch(code is null ? [] : [code]);
            await LoadFlagsAsync();
            Latest = code is null ? [] : (await feedStore.RecentAsync(Actor, code, LatestLength)).ToList();
            await LoadContactsAsync();
            Map = Region?.Level == RegionLevel.District ? null : await boundaries.ChildrenOfAsync(CodeOrNation);
            Items = ListsOwnItems ? await checklists.ListOfRegionAsync(Actor, Election.Id, Region!.Code) : [];
            await RecountAsync(await regions.RiskLevelsAsync());
            Loaded = true;
        }
        catch (AccessDeniedException ex)
        {
            Problem = ex.Reason;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Region {Region} could not be loaded", code);
            Problem = "Home.LoadFailed";
        }
    }

    /// <summary>Sets the regency's risk level (the store checks who may) and reads the region again.</summary>
    public async Task SetRiskLevelAsync(string? level)
    {
        await regions.SetRiskLevelAsync(await currentActor.GetAsync(), Region!.Code, string.IsNullOrEmpty(level) ? null : level);
        Region = await regions.FindAsync(Region.Code);
        await RecountAsync(await regions.RiskLevelsAsync());
    }

    /// <inheritdoc />
    protected override async Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events)
    {
        var mine = events.Where(e => e.ElectionId == Election?.Id).ToList();
        if (mine.Count == 0)
        {
            return false;
        }

        // Totals move by exactly what each item did; after a local midnight they are read again.
        if (Flags.IsStale(time))
        {
            await LoadFlagsAsync();
        }
        else
        {
            Flags = Flags.Apply(mine);
            _overdue?.Apply(mine, Election!.Id);
        }

        if (ListsOwnItems && Actor is not null && mine.Any(e => e.RegionCode == Region!.Code))
        {
            Items = await checklists.ListOfRegionAsync(Actor, Election!.Id, Region!.Code);
        }

        Latest = mine.Where(e => e.IsListedChange).OrderByDescending(e => e.Seq).Concat(Latest)
            .DistinctBy(e => e.Seq).Take(LatestLength).ToList();
        await LoadContactsAsync();
        await RecountAsync(null);
        return true;
    }

    /// <summary>
    /// Reads the red flags and sets a timer for the next local midnight of the region's zone, when items turn overdue
    /// without any event and the report is read again.
    /// </summary>
    /// <summary>Reads the contacts of names shown and not known yet (a new liaison's first change); nothing when all are known.</summary>
    private async Task LoadContactsAsync()
    {
        // Names asked once and found to be no user ("sistem") are not asked again on every change.
        var missing = Flags.Flags.Select(f => f.View.Item.UpdatedBy).Concat(Latest.Select(e => e.Actor))
            .Where(n => !string.IsNullOrEmpty(n) && !Contacts.ContainsKey(n) && !_askedNames.Contains(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count == 0 || Actor is null)
        {
            return;
        }

        _askedNames.UnionWith(missing!);

        var read = await contacts.ForRegionAsync(Actor, CodeOrNation, missing);
        Contacts = Contacts.Concat(read).DistinctBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);
    }

    private async Task LoadFlagsAsync()
    {
        Flags = await redFlags.ForRegionAsync(Actor!, Election!.Id, CodeOrNation, take: FlagsShown, only: FlagKind);
        // Read with the flags, so the map's overdue counts turn over at local midnight with them.
        _overdue = Region?.Level == RegionLevel.District ? null
            : new ChildOverdueCounts(CodeOrNation, await redFlags.OverdueByChildAsync(Actor!, Election.Id, CodeOrNation), time);
        if (Children.Count > 0)
        {
            MapFigures = MapFiguresOf(Children);
        }

        await LoadContactsAsync();
        _dayChange?.Dispose();
        _dayChange = null;
        if (IsInteractive && !IsDisposed)
        {
            var due = Flags.ValidUntilUtc - time.GetUtcNow().UtcDateTime;
            _dayChange = time.CreateTimer(_ => _ = DispatchAsync(async () =>
            {
                Today = calendar.Today(Region);
                DaysToVoting = Election.VotingDay.DayNumber - Today.DayNumber;
                await LoadFlagsAsync();
                return true;
            }), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Counts from this server's board: memory, no query.</summary>
    private async Task RecountAsync(IReadOnlyDictionary<string, string>? risk)
    {
        Readiness = await board.ReadinessAsync(Actor!, Election!.Id, CodeOrNation);
        ByStage = (await board.ByAgencyAndStageAsync(Actor!, Election.Id, CodeOrNation))
            .GroupBy(p => p.Key.StageId)
            .ToDictionary(g => g.Key, g => g.Aggregate(ReadinessCounts.Empty, (sum, p) => sum + p.Value));
        Numbers = await board.NumbersAsync(Actor!, Election.Id, CodeOrNation);
        var children = new List<ChildrenTable.Row>();
        var known = Children.ToDictionary(c => c.Region.Code, c => c.RiskLevel);
        foreach (var child in _childRegions)
        {
            var level = risk is null ? known.GetValueOrDefault(child.Code) : risk.GetValueOrDefault(child.Code);
            children.Add(new(child, level, await board.ReadinessAsync(Actor!, Election.Id, child.Code)));
        }

        Children = children;
        MapFigures = MapFiguresOf(children);
    }

    private List<RegionMapFigure> MapFiguresOf(IEnumerable<ChildrenTable.Row> children) =>
        children.Select(c => new RegionMapFigure(c.Region.Code, c.Region.Name, c.Readiness.Overall, _overdue?[c.Region.Code] ?? 0, c.RiskLevel))
            .ToList();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _dayChange?.Dispose();
        base.Dispose(disposing);
    }
}
