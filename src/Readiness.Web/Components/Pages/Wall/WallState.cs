using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Notifications;
using Readiness.Data.Regions;
using Readiness.Data.Reports;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Shared;
using Readiness.Web.Live;
using Readiness.Data.Shared;

namespace Readiness.Web.Components.Pages.Wall;

/// <summary>
/// What a wall screen shows for one region: Readiness.Data's <see cref="RegionReport"/> (counts per agency and
/// kecamatan from the board, the map's overdue counts, the latest changes), carried forward from the feed by
/// <see cref="RegionReports.ApplyAsync"/>; plus what is the wall's own: the local clock, the rotation, the escalation
/// marks and whether loading is failing. Built for a screen nobody touches for days: the day turns when local midnight
/// passes in the region's zone and the report is read again, and a failed load is retried with backoff (5 s doubling
/// to 5 min) while the screen says it is failing.
/// </summary>
public sealed class WallState(
    LiveFeed feed,
    RegionCalendar calendar,
    RegionReports reports,
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
    private ITimer? _ticker;
    private ITimer? _retry;
    private long _ticks;
    private bool _rereading;

    /// <summary>The report shown; null until read.</summary>
    public RegionReport? Report { get; private set; }

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
            var actor = await currentActor.GetAsync();
            if (!RegionCode.IsValid(_code))
            {
                SetProblem(RegionInvalid, _code);
                return true;
            }

            // Before the read, so no change falls between the read and the subscription (the report checks the scope).
            Watch(_code);
            WatchEscalations(notificationFeed, _code);
            var report = await reports.ReadAsync(actor, _code, new RegionReportOptions
            {
                LatestTake = TickerLength,
                ReadMap = true,
                ChildrenOnlyOfRegency = true,
            });
            if (report is null)
            {
                SetProblem(RegionInvalid, _code);
                return true;
            }

            Region = report.Region;
            if (report.Election is null)
            {
                SetProblem(NoElection);
                return true;
            }

            Escalated.Reset((await notifications.EscalatedUnderAsync(actor, _code, MaxEscalated))
                .Where(m => m.EscalatedAtUtc >= time.GetUtcNow().UtcDateTime - NewlyEscalatedFor));
            Show(report);
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

    /// <summary>Shows a report: its election, day, counts, kecamatan, map and ticker together, so a render never mixes two.</summary>
    private void Show(RegionReport report)
    {
        Report = report;
        Region = report.Region;
        Election = report.Election;
        ComputeDay(report.Day);
        Overall = report.Readiness;
        Numbers = report.Numbers;
        Map = report.Map ?? RegionMapGeometry.Empty(report.Code);
        Ticker = report.Latest;
        var rows = report.Children.Select(c => new KecamatanRotation.Row(c.Region, c.Readiness)).ToList();
        // Most blocked first, then least ready: what needs the room's attention comes up first.
        Kecamatan = rows.OrderByDescending(r => r.Readiness.Overall.Blocked).ThenBy(r => r.Readiness.Overall.ReadyShare ?? 1)
            .ThenBy(r => r.Region.Name, StringComparer.CurrentCulture).ToList();
        MapFigures = report.Children.Select(c => new RegionMapFigure(c.Region.Code, c.Region.Name, c.Readiness.Overall, c.Overdue, null)).ToList();
    }

    /// <summary>Stage and countdown for the region's date; recomputed whenever that date changes.</summary>
    private void ComputeDay(RegionDay day)
    {
        Today = day.Today;
        DaysToVoting = day.DaysToVoting ?? 0;
        Stage = day.CurrentStage;
    }

    /// <summary>Once a second: the clock, the day when local midnight has passed, staleness and the rotation.</summary>
    private Task<bool> TickAsync()
    {
        _ticks++;
        Now = time.GetUtcNow();
        SecondsSinceHeard = pump.Counters.LastReadUtc is { } heard ? (int)Math.Max(0, (Now.UtcDateTime - heard).TotalSeconds) : 0;
        if (Report is { Election: not null } report && calendar.Today(Region) is var today && today != Today)
        {
            ComputeDay(report.Day.On(today));
        }

        if (Report is { Election: not null } shown && shown.IsStale(time) && !_rereading && !LoadFailing)
        {
            // Items turn overdue at local midnight without an event: the report (the map's counts) is read again.
            _rereading = true;
            _ = DispatchAsync(async () =>
            {
                try
                {
                    return await LoadAsync();
                }
                finally
                {
                    _rereading = false;
                }
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
        if (Report is not { Election: not null } report)
        {
            return false;
        }

        Escalated.Apply(events);
        try
        {
            var (moved, changed) = await reports.ApplyAsync(report, events);
            if (changed != RegionReportParts.None)
            {
                Show(moved);
            }
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

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _ticker?.Dispose();
        _retry?.Dispose();
        base.Dispose(disposing);
    }
}
