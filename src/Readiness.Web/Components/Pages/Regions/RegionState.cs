using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Data.Reports;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Shared;
using Readiness.Web.Live;
using Readiness.Data.Shared;

namespace Readiness.Web.Components.Pages.Regions;

/// <summary>
/// What a region page shows: Readiness.Data's <see cref="RegionReport"/> (readiness by agency and by stage from the
/// board, the red flags with exact totals, the regions one level down, the map, the latest changes), carried forward
/// from the feed by <see cref="RegionReports.ApplyAsync"/> and read again at the region's local midnight; plus what is
/// the page's own: the kind of red flag listed, and the risk level a leader sets.
/// </summary>
public sealed class RegionState(
    LiveFeed feed,
    RegionStore regions,
    RegionReports reports,
    TimeProvider time,
    CurrentActor currentActor,
    ILogger<RegionState> logger) : LiveState(feed)
{
    /// <summary>Red flags listed (the totals count them all).</summary>
    public const int FlagsShown = 30;

    /// <summary>Latest changes listed.</summary>
    public const int LatestLength = 8;

    private readonly int[] _versions = new int[BitCount(RegionReportParts.All)];
    private ITimer? _dayChange;
    private string? _code;

    /// <summary>The report shown; null until read.</summary>
    public RegionReport? Report { get; private set; }

    /// <summary>The signed-in actor.</summary>
    public Actor? Actor { get; private set; }

    /// <summary>The region; null for the nation (admins only).</summary>
    public Region? Region => Report?.Region;

    /// <summary>The region's ancestors, from the province down, the region included.</summary>
    public IReadOnlyList<Region> Ancestry => Report?.Ancestry ?? [];

    /// <summary>The election ahead in the region's zone.</summary>
    public Election? Election => Report?.Election;

    /// <summary>The election's stages.</summary>
    public IReadOnlyList<Stage> Stages => Report?.Day.Stages ?? [];

    /// <summary>Today in the region's zone (WIB for the nation).</summary>
    public DateOnly Today => Report?.Day.Today ?? default;

    /// <summary>When the page was loaded, UTC.</summary>
    public DateTime LoadedUtc { get; private set; }

    /// <summary>Days to voting day.</summary>
    public int DaysToVoting => Report?.Day.DaysToVoting ?? 0;

    /// <summary>Counts of the region and everything under it, by agency.</summary>
    public RegionReadiness Readiness => Report?.Readiness ?? new("", ReadinessCounts.Empty, new Dictionary<string, ReadinessCounts>());

    /// <summary>Counts per stage.</summary>
    public IReadOnlyDictionary<int, ReadinessCounts> ByStage => Report?.ByStage ?? new Dictionary<int, ReadinessCounts>();

    /// <summary>Numbers on items added up over the region and everything under it, per agency and per item.</summary>
    public RegionNumbers Numbers => Report?.Numbers ?? RegionNumbers.Empty("");

    /// <summary>The one kind of red flag listed, after a tap on its count; null for every kind.</summary>
    public RedFlagKind? FlagKind { get; private set; }

    /// <summary>Lists only the red flags of <paramref name="kind"/> (null: every kind) and reads the report again.</summary>
    public async Task ShowFlagsAsync(RedFlagKind? kind)
    {
        FlagKind = kind;
        await ReadAsync();
    }

    /// <summary>Red flags with exact totals.</summary>
    public RedFlagReport Flags => Report?.Flags ?? RedFlagReport.Empty;

    /// <summary>Regions one level down with their readiness and risk level.</summary>
    public IReadOnlyList<ChildrenTable.Row> Children { get; private set; } = [];

    /// <summary>Outlines of the regions one level down; null on a kecamatan's page (nothing below it).</summary>
    public RegionMapGeometry? Map => Report?.Map;

    /// <summary>The map's figures: each region one level down with its counts, overdue items and risk level.</summary>
    public IReadOnlyList<RegionMapFigure> MapFigures { get; private set; } = [];

    /// <summary>
    /// A kecamatan's own items, or a province's own (the governor's election, shown beside its regencies' rollup),
    /// every agency's (by agency, then stage and due date), read again when one of them changes; empty for a regency
    /// and the nation, whose pages show the regions under them instead.
    /// </summary>
    public IReadOnlyList<ItemView> Items => Report?.Items ?? [];

    /// <summary>True where the region keeps items of its own to list: a kecamatan, and a province (its Pilgub items).</summary>
    public bool ListsOwnItems => Region?.Level is RegionLevel.District or RegionLevel.Province;

    /// <summary>Latest status changes, newest first.</summary>
    public IReadOnlyList<FeedEvent> Latest => Report?.Latest ?? [];

    /// <summary>
    /// Who changed the flagged items and the latest changes, by login name, as this reader may see them (a name and unit
    /// for everyone, a number only for a signed-in user in scope; <see cref="ContactStore.ForRegionAsync"/>).
    /// </summary>
    public IReadOnlyDictionary<string, Contact> Contacts => Report?.Contacts ?? new Dictionary<string, Contact>();

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

    /// <summary>Loads the page of <paramref name="code"/> (null: the nation) and follows its changes.</summary>
    public async Task LoadAsync(string? code)
    {
        (Problem, NotFound, NationRefused, Loaded) = (null, false, false, false);
        _code = code;
        Report = null;
        try
        {
            Actor = await currentActor.GetAsync();
            LoadedUtc = time.GetUtcNow().UtcDateTime;
            if (code is null && !Actor.IsAdmin)
            {
                NationRefused = true;
                return;
            }

            // Before the read, so no change falls between the read and the subscription.
            Watch(code is null ? [] : [code]);
            await ReadAsync();
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

    /// <summary>Sets the regency's risk level (the store checks who may) and reads the risk levels again.</summary>
    public async Task SetRiskLevelAsync(string? level)
    {
        await regions.SetRiskLevelAsync(await currentActor.GetAsync(), Region!.Code, string.IsNullOrEmpty(level) ? null : level);
        Show(await reports.WithRiskLevelsAsync(Report!), RegionReportParts.Children);
    }

    /// <inheritdoc />
    protected override async Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events)
    {
        if (Report is null)
        {
            return false;
        }

        var (report, changed) = await reports.ApplyAsync(Report, events);
        if (changed == RegionReportParts.None)
        {
            return false;
        }

        Show(report, changed);
        return true;
    }

    /// <summary>Reads the report with the page's options and sets a timer for its next local midnight.</summary>
    private async Task ReadAsync()
    {
        var report = await reports.ReadAsync(Actor!, _code, new RegionReportOptions
        {
            FlagsTake = FlagsShown,
            FlagKind = FlagKind,
            LatestTake = _code is null ? 0 : LatestLength,
            ReadMap = true,
            ReadOwnItems = true,
        });
        if (report is null)
        {
            NotFound = true;
            return;
        }

        Show(report, RegionReportParts.All);
        if (report.Election is null)
        {
            Problem = "Home.NoElection";
            return;
        }

        Loaded = true;
        _dayChange?.Dispose();
        _dayChange = null;
        if (IsInteractive && !IsDisposed)
        {
            // Items turn overdue at local midnight without any event: the report is read again then.
            var due = report.ValidUntilUtc - time.GetUtcNow().UtcDateTime;
            _dayChange = time.CreateTimer(_ => _ = DispatchAsync(async () =>
            {
                await ReadAsync();
                return true;
            }), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// A value that changes whenever any of <paramref name="parts"/> of the report moved (a new read moves them all):
    /// the page renders each part inside a <see cref="LivePart"/> with it, so a change repaints only what it moved.
    /// </summary>
    public int VersionOf(RegionReportParts parts)
    {
        var version = 0;
        for (var bit = 0; bit < _versions.Length; bit++)
        {
            if (((int)parts & (1 << bit)) != 0)
            {
                version += _versions[bit];
            }
        }

        return version;
    }

    private static int BitCount(RegionReportParts parts) => System.Numerics.BitOperations.PopCount((uint)parts);

    private void Show(RegionReport report, RegionReportParts moved)
    {
        for (var bit = 0; bit < _versions.Length; bit++)
        {
            if (((int)moved & (1 << bit)) != 0)
            {
                _versions[bit]++;
            }
        }

        Report = report;
        Children = [.. report.Children.Select(c => new ChildrenTable.Row(c.Region, c.RiskLevel, c.Readiness))];
        MapFigures = [.. report.Children.Select(c => new RegionMapFigure(c.Region.Code, c.Region.Name, c.Readiness.Overall, c.Overdue, c.RiskLevel))];
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _dayChange?.Dispose();
        base.Dispose(disposing);
    }
}
