using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Notifications;
using Readiness.Data.Regions;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Shared;
using Readiness.Web.Live;
using Readiness.Data.Shared;

namespace Readiness.Web.Components.Pages.Wall;

/// <summary>
/// What a wall screen shows for one region: counts per agency and kecamatan (from the board), the latest changes
/// (patched from the feed), the local clock, the day's stage and countdown, and whether loading is failing. Built
/// for a screen nobody touches for days: the day is recomputed when local midnight passes in the region's zone,
/// and a failed load is retried with backoff (5 s doubling to 5 min) while the screen says it is failing.
/// </summary>
public sealed class WallState(
    LiveFeed feed,
    RegionStore regions,
    RegionCalendar calendar,
    ReadinessBoard board,
    RedFlagStore redFlags,
    RegionBoundaries boundaries,
    FeedStore feedStore,
    FeedPump pump,
    NotificationStore notifications,
    NotificationFeed notificationFeed,
    TimeProvider time,
    CurrentActor currentActor,
    ILogger<WallState> logger) : LiveState(feed)
{
    /// <summary>Changes in the ticker.</summary>
    public const int TickerLength = 5;

    /// <summary>The first retry after a failed load; each next one waits twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two retries.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private string _code = "";
    private int _interval = 15;
    private Actor? _actor;
    private IReadOnlyList<Stage> _stages = [];
    private IReadOnlyList<Region> _kecamatanRegions = [];
    private ITimer? _ticker;
    private ITimer? _retry;
    private long _ticks;
    private ChildOverdueCounts? _overdue;

    /// <summary>The region shown; null until loaded.</summary>
    public Region? Region { get; private set; }

    /// <summary>The election whose voting day is ahead (or today) in the region's zone.</summary>
    public Election? Election { get; private set; }

    /// <summary>The stage that contains today in the region's zone, if any.</summary>
    public Stage? Stage { get; private set; }

    /// <summary>The region's date today (its own zone), as the day, stage and countdown were computed for.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>Days from today to voting day in the region's zone (0 on voting day).</summary>
    public int DaysToVoting { get; private set; }

    /// <summary>Counts of the region and everything under it.</summary>
    public RegionReadiness Overall { get; private set; } = new("", ReadinessCounts.Empty, new Dictionary<string, ReadinessCounts>());

    /// <summary>The region's kecamatan, most blocked first, then least ready.</summary>
    public IReadOnlyList<KecamatanRotation.Row> Kecamatan { get; private set; } = [];

    /// <summary>Numbers on items added up over the wall's region, per agency and unit: the region page's read, kept live by the same events.</summary>
    public RegionNumbers Numbers { get; private set; } = RegionNumbers.Empty("");

    /// <summary>Outlines of the kecamatan for the map panel; empty for a wall of a province.</summary>
    public RegionMapGeometry Map { get; private set; } = RegionMapGeometry.Empty("");

    /// <summary>The map's figures: each kecamatan with its counts and overdue items.</summary>
    public IReadOnlyList<RegionMapFigure> MapFigures { get; private set; } = [];

    /// <summary>The latest status changes, newest first.</summary>
    public IReadOnlyList<FeedEvent> Ticker { get; private set; } = [];

    /// <summary>
    /// Items under the region escalated to the leaders and unchanged since (up to <see cref="MaxEscalated"/>): marked
    /// in the ticker and on their agency's tile, added live, dropped when the item changes.
    /// </summary>
    public EscalatedItems Escalated { get; } = new();

    /// <summary>The most escalations a wall loads; far more than a regency has open at once.</summary>
    public const int MaxEscalated = 1000;

    /// <summary>
    /// How long the wall marks an item after its escalation (24 h): the room sees what is newly escalated, not every
    /// item that ever was; older escalations stay in the leaders' inbox.
    /// </summary>
    public static readonly TimeSpan NewlyEscalatedFor = TimeSpan.FromHours(24);

    /// <summary>Now, by the injected clock; moves once a second on a live circuit.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Seconds since this server last read the feed from the database.</summary>
    public int SecondsSinceHeard { get; private set; }

    /// <summary>How many kecamatan-page turns are due (one per interval); the rotation turns when it grows.</summary>
    public long RotationTurns { get; private set; }

    /// <summary>A lasting problem a person must fix (unknown region, out of scope, no election); not retried.</summary>
    public string? Problem { get; private set; }

    /// <summary>True while loading fails; <see cref="NextRetryUtc"/> says when the next try is.</summary>
    public bool LoadFailing { get; private set; }

    /// <summary>Failed loads in a row.</summary>
    public int FailedAttempts { get; private set; }

    /// <summary>When the next retry runs, while loading fails.</summary>
    public DateTimeOffset? NextRetryUtc { get; private set; }

    /// <summary>When the data shown was last loaded.</summary>
    public DateTimeOffset? LoadedUtc { get; private set; }

    /// <summary>The problem's localizer key and arguments are the page's; these are the keys this state may set.</summary>
    public const string RegionInvalid = "Input.RegionInvalid", OutOfScope = "Access.OutOfScope", NoElection = "Home.NoElection";

    /// <summary>Arguments for <see cref="Problem"/>'s text.</summary>
    public object[] ProblemArguments { get; private set; } = [];

    /// <summary>Loads the wall of <paramref name="code"/>, then (on a live circuit) ticks once a second.</summary>
    public async Task StartAsync(string code, int? interval)
    {
        _code = code;
        _interval = Math.Clamp(interval ?? 15, 5, 300);
        Now = time.GetUtcNow();
        // The clock starts before the first load: a day that turns over while the load runs is still seen.
        if (IsInteractive && _ticker is null && !IsDisposed)
        {
            _ticker = time.CreateTimer(_ => _ = DispatchAsync(TickAsync), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }

        await LoadAsync();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            var actor = _actor = await currentActor.GetAsync();
            var region = await regions.FindAsync(_code);
            if (region is null)
            {
                SetProblem(RegionInvalid, _code);
                return true;
            }

            if (!actor.CanSee(region.Code))
            {
                SetProblem(OutOfScope);
                return true;
            }

            Region = region;
            Watch(region.Code);
            WatchEscalations(notificationFeed, region.Code);
            var day = await calendar.DayAsync(region);
            var today = day.Today;
            if (day.Election is not { } election)
            {
                SetProblem(NoElection);
                return true;
            }

            // Election, stage and countdown change together: a render between two awaits never shows one without the others.
            Election = election;
            _stages = day.Stages;
            ComputeDay(today);
            _kecamatanRegions = region.Level == RegionLevel.Regency ? await regions.ChildrenAsync(region.Code) : [];
            Ticker = (await feedStore.RecentAsync(actor, region.Code, TickerLength)).Where(e => e.ElectionId == Election.Id).ToList();
            Escalated.Reset((await notifications.EscalatedUnderAsync(actor, region.Code, MaxEscalated))
                .Where(m => m.EscalatedAtUtc >= time.GetUtcNow().UtcDateTime - NewlyEscalatedFor));
            await LoadMapAsync(actor);
            await RecountAsync();
            ComputeDay(today);
            Problem = null;
            LoadFailing = false;
            FailedAttempts = 0;
            NextRetryUtc = null;
            LoadedUtc = time.GetUtcNow();
        }
        catch (AccessDeniedException)
        {
            SetProblem(OutOfScope);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            FailedAttempts++;
            LoadFailing = true;
            var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(FailedAttempts - 1, 16)));
            NextRetryUtc = time.GetUtcNow() + delay;
            logger.LogError(ex, "Wall for {Region} could not be loaded (attempt {Attempt}); retrying in {Delay}", _code, FailedAttempts, delay);
            if (IsInteractive && !IsDisposed)
            {
                _retry?.Dispose();
                _retry = time.CreateTimer(_ => _ = DispatchAsync(LoadAsync), null, delay, Timeout.InfiniteTimeSpan);
            }
        }

        return true;
    }

    private void SetProblem(string key, params object[] arguments)
    {
        Problem = key;
        ProblemArguments = arguments;
        LoadFailing = false;
        NextRetryUtc = null;
    }

    /// <summary>Stage and countdown for the region's date; recomputed whenever that date changes.</summary>
    private void ComputeDay(DateOnly today)
    {
        var day = new RegionDay(RegionCalendar.ZoneOf(Region), today, Election, _stages);
        Today = today;
        DaysToVoting = day.DaysToVoting ?? 0;
        Stage = day.CurrentStage;
    }

    /// <summary>Once a second: the clock, the day when local midnight has passed, staleness and the rotation.</summary>
    private Task<bool> TickAsync()
    {
        _ticks++;
        Now = time.GetUtcNow();
        SecondsSinceHeard = pump.Counters.LastReadUtc is { } heard ? (int)Math.Max(0, (Now.UtcDateTime - heard).TotalSeconds) : 0;
        if (Region is not null && Election is not null && calendar.Today(Region) is var today && today != Today)
        {
            ComputeDay(today);
            // Items turn overdue at local midnight without an event: the map's counts are read again.
            _ = DispatchAsync(async () =>
            {
                await LoadMapAsync(await currentActor.GetAsync());
                await RecountAsync();
                return true;
            });
        }

        if (_ticks % _interval == 0)
        {
            RotationTurns++;
        }

        Escalated.DropEscalatedBefore(Now.UtcDateTime - NewlyEscalatedFor);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    protected override async Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events)
    {
        if (Region is null || Election is null)
        {
            return false;
        }

        Escalated.Apply(events);
        // Bounded: a wall runs for days.
        Ticker = events.Where(e => e.IsListedChange && e.ElectionId == Election.Id)
            .OrderByDescending(e => e.Seq).Concat(Ticker).DistinctBy(e => e.Seq).Take(TickerLength).ToList();
        _overdue?.Apply(events, Election.Id);
        try
        {
            await RecountAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Wall for {Region} could not recount after a change; reloading", _code);
            return await LoadAsync();
        }

        return true;
    }

    /// <summary>Marks newly escalated items at once: the room sees them without a reload.</summary>
    protected override Task<bool> OnEscalationsAsync(IReadOnlyList<EscalationNotice> notices) =>
        Task.FromResult(Region is not null && Escalated.Add(notices, n => n.ItemVersion));

    private async Task RecountAsync()
    {
        Overall = await board.ReadinessAsync(_actor!, Election!.Id, Region!.Code);
        Numbers = await board.NumbersAsync(_actor!, Election.Id, Region.Code);
        var rows = new List<KecamatanRotation.Row>();
        foreach (var kecamatan in _kecamatanRegions)
        {
            rows.Add(new(kecamatan, await board.ReadinessAsync(_actor!, Election.Id, kecamatan.Code)));
        }

        // Most blocked first, then least ready: what needs the room's attention comes up first.
        Kecamatan = rows.OrderByDescending(r => r.Readiness.Overall.Blocked).ThenBy(r => r.Readiness.Overall.ReadyShare ?? 1)
            .ThenBy(r => r.Region.Name, StringComparer.CurrentCulture).ToList();
        MapFigures = rows.Select(r => new RegionMapFigure(r.Region.Code, r.Region.Name, r.Readiness.Overall, _overdue?[r.Region.Code] ?? 0, null))
            .ToList();
    }

    private async Task LoadMapAsync(Actor actor)
    {
        if (Region!.Level != RegionLevel.Regency)
        {
            return;
        }

        Map = await boundaries.ChildrenOfAsync(Region.Code);
        _overdue = new ChildOverdueCounts(Region.Code, await redFlags.OverdueByChildAsync(actor, Election!.Id, Region.Code), time);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _ticker?.Dispose();
        _retry?.Dispose();
        base.Dispose(disposing);
    }
}
