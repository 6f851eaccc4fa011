using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Coordination;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Web.Accounts;
using Readiness.Web.Live;

namespace Readiness.Web.Components.Pages.Home;

/// <summary>
/// What the home page shows a leader or liaison: the election ahead in WIB (the page lists regions across the
/// nation), the days to voting, and each regency in the person's scope with its readiness (from this server's board)
/// and, for a leader, their open instructions. Kept live by the feed, and turned at local midnight: a home page left
/// open overnight says "H-3" the morning after "H-4", as a fresh tab does.
/// </summary>
public sealed class HomeState(
    LiveFeed feed,
    RegionCalendar calendar,
    ReadinessStore readiness,
    RegionStore regions,
    ReadinessBoard board,
    VisitStore visits,
    CurrentActor currentActor,
    TimeProvider time,
    ILogger<HomeState> logger) : LiveState(feed)
{
    private Actor? _actor;
    private IReadOnlyList<Region> _regions = [];
    private Dictionary<string, string> _provinces = [];
    private OpenInstructionCounts? _open;

    /// <summary>The election ahead in WIB; null when there is none.</summary>
    public Election? Election { get; private set; }

    /// <summary>Days from today (WIB) to voting day: 0 on voting day.</summary>
    public int DaysToVoting { get; private set; }

    /// <summary>The regencies with items in the person's scope; null while loading.</summary>
    public IReadOnlyList<RegionReadinessList.Row>? Rows { get; private set; }

    /// <summary>True when the load failed; the page offers a retry.</summary>
    public bool Failed { get; private set; }

    /// <summary>True when the person may export every region listed.</summary>
    public bool CanExport { get; private set; }

    /// <summary>Where the person's work is instead (an admin: the nation; a one-region screen: its wall); null to stay.</summary>
    public string? RedirectTo { get; private set; }

    /// <summary>Reads the page and follows its regions' changes.</summary>
    public async Task LoadAsync()
    {
        Failed = false;
        try
        {
            var actor = _actor = await currentActor.GetAsync();
            if (actor.IsAdmin)
            {
                // An admin's scope is the nation.
                RedirectTo = "/wilayah";
                return;
            }

            if (actor.Role == Roles.Screen && actor.Scopes.Count == 1)
            {
                RedirectTo = $"/layar/{actor.Scopes[0]}";
                return;
            }

            if (!await ReadDayAsync())
            {
                Rows = [];
                return;
            }

            var codes = await readiness.RegenciesWithItemsAsync(actor, Election!.Id);
            CanExport = codes.All(actor.CanExport);
            _regions = await regions.FindManyAsync(codes);
            _provinces = (await regions.FindManyAsync(_regions.Select(r => r.ParentCode!))).ToDictionary(p => p.Code, p => p.Name);
            // Before the counts are read, so no change falls between the read and the subscription.
            Watch([.. _regions.Select(r => r.Code)]);
            await RecountAsync(readInstructions: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Home page readiness could not be loaded");
            Failed = true;
        }
    }

    /// <summary>
    /// A change under a listed region: recount from this server's board (memory, no query); a leader's open
    /// instructions are read again only when an event may move them (an instruction's change, a new item).
    /// </summary>
    protected override async Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events)
    {
        if (Election is null || _actor is null)
        {
            return false;
        }

        return await RecountAsync(readInstructions: _open?.MayMove(events) == true);
    }

    /// <summary>
    /// Today, the election and the countdown in WIB, and the timer for the next local midnight, when they are read
    /// again (a new election may begin). False when there is no election.
    /// </summary>
    private async Task<bool> ReadDayAsync()
    {
        var day = await calendar.DayAsync(null);
        Election = day.Election;
        DaysToVoting = day.DaysToVoting ?? 0;
        TurnDayAt(time, RedFlagRule.NextDayChangeUtc("", time.GetUtcNow().UtcDateTime), async () =>
        {
            var before = Election?.Id;
            await ReadDayAsync();
            if (Election?.Id != before)
            {
                // Another election: another list of regions.
                await LoadAsync();
            }

            return true;
        });
        return Election is not null;
    }

    /// <summary>
    /// Counts every listed region again; a region whose counts and open instructions did not move keeps its row
    /// object, so its card skips the render. False when no row moved.
    /// </summary>
    private async Task<bool> RecountAsync(bool readInstructions)
    {
        if (readInstructions && _actor!.Role == Roles.Leader)
        {
            // A leader's instructions are checklist items: their count changes with those items, read with them.
            _open = await visits.OpenInstructionsAsync(_actor, Election!.Id, [.. _regions.Select(r => r.Code)]);
        }

        var before = Rows?.ToDictionary(r => r.Region.Code) ?? [];
        var rows = new List<RegionReadinessList.Row>(_regions.Count);
        var moved = Rows is null;
        foreach (var region in _regions)
        {
            var readiness = await board.ReadinessAsync(_actor!, Election!.Id, region.Code);
            var open = _open?.Open.GetValueOrDefault(region.Code);
            if (before.GetValueOrDefault(region.Code) is { } shown && shown.OpenInstructions == open && shown.Readiness.SameCountsAs(readiness))
            {
                rows.Add(shown);
                continue;
            }

            rows.Add(new(region, _provinces.GetValueOrDefault(region.ParentCode!, ""), readiness, open));
            moved = true;
        }

        Rows = rows;
        return moved;
    }
}
