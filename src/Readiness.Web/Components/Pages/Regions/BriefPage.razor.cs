using Microsoft.AspNetCore.Components;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Web.Components.Shared;

namespace Readiness.Web.Components.Pages.Regions;

/// <summary>
/// The visit brief of one region: readiness per agency, the day's changes, the map and the worst red flags on one A4
/// sheet, read once on the server (no circuit: it is printed, not watched).
/// </summary>
public partial class BriefPage
{
    [Inject] private RegionStore Regions { get; set; } = default!;

    [Inject] private RegionCalendar Calendar { get; set; } = default!;

    [Inject] private ReadinessStore Readiness { get; set; } = default!;

    [Inject] private RedFlagStore RedFlags { get; set; } = default!;

    [Inject] private ReadinessBoard Board { get; set; } = default!;

    [Inject] private RegionBoundaries Boundaries { get; set; } = default!;

    [Inject] private FeedStore Feed { get; set; } = default!;

    [Inject] private Readiness.Data.Coordination.VisitStore Visits { get; set; } = default!;

    [Inject] private EvidenceStore Evidence { get; set; } = default!;

    [Inject] private Readiness.Data.Accounts.ContactStore ContactStore { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private Readiness.Web.Accounts.CurrentActor CurrentActor { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Logging.ILogger<BriefPage> Logger { get; set; } = default!;

    private Region? _region;
    private Election? _election;
    private int _daysToVoting;
    private int _evidenceCount;
    private DateTime _nowUtc;
    private RegionNumbers _numbers = RegionNumbers.Empty("");
    private RegionReadiness _readiness = new("", ReadinessCounts.Empty, new Dictionary<string, ReadinessCounts>());
    private RedFlagReport _flags = RedFlagReport.Empty;

    // The leader's open instructions come first (at most MaxInstructions, soonest due), then the worst flags in the
    // places left, never the same item twice.
    private IReadOnlyList<Readiness.Data.Coordination.Instruction> _instructions = [];
    private int _moreInstructions;
    private IReadOnlyList<RedFlag> _shownFlags = [];

    private const int MaxInstructions = 2;

    // The situation, neutrality and coordination lines share the page with these: four changes, four flags.
    private const int MaxChanges = 4;
    private IReadOnlyList<FeedEvent> _changes = [];
    private int _moreChanges;

    // Who changed the flagged items and the day's changes: a name and unit a leader can call, not a login name.
    private IReadOnlyDictionary<string, Readiness.Data.Accounts.Contact> _contacts = new Dictionary<string, Readiness.Data.Accounts.Contact>();
    private string? _problem;
    private RegionMapGeometry _map = RegionMapGeometry.Empty("");
    private IReadOnlyList<RegionMapFigure> _mapFigures = [];

    private string Who(string? userName) => userName is not null && _contacts.GetValueOrDefault(userName) is { } contact ? contact.Short : userName ?? "";

    private string MapTitle => _region?.Level == RegionLevel.Province ? L["Map.Title.Regencies"] : L["Map.Title.Districts"];

    /// <summary>The flags one sheet holds beside the map, the table, the day's changes, the situation, neutrality and instructions; the rest are counted.</summary>
    private const int MaxFlags = 4;

    // Read this many worst flags to find MaxFlags distinct items among them.
    private const int DistinctPool = 40;

    // Per flag shown: how many other regions among the worst have the same checklist item flagged.
    private IReadOnlyDictionary<long, int> _alsoIn = new Dictionary<long, int>();

    // Per-agency sums of numbers on items printed on the sheet.
    private const int MaxNumberSums = 6;

    // The brief's status columns, in the order its counts are written.
    private static readonly string[] ColumnOrder = [ItemStatus.Ready, ItemStatus.InProgress, ItemStatus.Blocked, ItemStatus.NotStarted];

    /// <summary>The region's Kemendagri code.</summary>
    [Parameter] public string Code { get; set; } = "";

    private IEnumerable<(string Label, ReadinessCounts Counts, bool Overall)> Rows() =>
        Agency.All.Select(a => (a.ShortName, _readiness.For(a.Code), false)).Append((L["Readiness.Overall"].Value, _readiness.Overall, true));

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var actor = await CurrentActor.GetAsync();
            _region = await Regions.FindAsync(Code);
            if (_region is null)
            {
                Navigation.NotFound();
                return;
            }

            _nowUtc = Time.GetUtcNow().UtcDateTime;
            var day = await Calendar.DayAsync(_region);
            _election = day.Election;
            if (_election is null)
            {
                _problem = L["Home.NoElection"];
                return;
            }

            _daysToVoting = day.DaysToVoting!.Value;
            _readiness = await Readiness.ForRegionAsync(actor, _election.Id, _region.Code);
            _numbers = await Board.NumbersAsync(actor, _election.Id, _region.Code);
            _evidenceCount = await Evidence.CountUnderAsync(actor, _election.Id, _region.Code);
            // What fits one A4 page: the worst flags (high risk, blocked first) and the latest changes.
            _flags = await RedFlags.ForRegionAsync(actor, _election.Id, _region.Code, take: DistinctPool);
            var open = await Visits.OpenUnderAsync(actor, _election.Id, _region.Code);
            _instructions = [.. open.Take(MaxInstructions)];
            _moreInstructions = open.Count - _instructions.Count;
            var instructed = _instructions.Select(i => i.ItemId).ToHashSet();
            // The worst distinct items: one checklist item flagged in several kecamatan is one line, "and N more".
            var distinct = _flags.Flags.Where(f => !instructed.Contains(f.View.Item.Id))
                .GroupBy(f => f.View.Item.TemplateItemId is { } template ? $"t{template}" : $"i{f.View.Item.Id}")
                .Take(MaxFlags - _instructions.Count)
                .ToList();
            _shownFlags = [.. distinct.Select(g => g.First())];
            _alsoIn = distinct.Where(g => g.Count() > 1).ToDictionary(g => g.First().View.Item.Id, g => g.Count() - 1);
            _changes = await Feed.RecentAsync(actor, _region.Code, MaxChanges, _nowUtc.AddHours(-24));
            _moreChanges = Math.Max(0, await Feed.CountRecentAsync(actor, _region.Code, _nowUtc.AddHours(-24)) - _changes.Count);
            _contacts = await ContactStore.ForRegionAsync(actor, _region.Code,
                _shownFlags.Select(f => f.View.Item.UpdatedBy).Concat(_changes.Select(c => c.Actor)));
            _map = await Boundaries.ChildrenOfAsync(_region.Code);
            if (_map.Shapes.Count > 0)
            {
                var overdue = await RedFlags.OverdueByChildAsync(actor, _election.Id, _region.Code);
                var risk = await Regions.RiskLevelsAsync();
                var figures = new List<RegionMapFigure>();
                foreach (var child in await Regions.ChildrenAsync(_region.Code))
                {
                    var counts = (await Board.ReadinessAsync(actor, _election.Id, child.Code)).Overall;
                    figures.Add(new RegionMapFigure(child.Code, child.Name, counts, overdue.GetValueOrDefault(child.Code), risk.GetValueOrDefault(child.Code)));
                }

                _mapFigures = figures;
            }
        }
        catch (AccessDeniedException ex)
        {
            _problem = L[ex.Reason];
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not Microsoft.AspNetCore.Components.NavigationException)
        {
            // A printed page has no retry button: the leader reloads it; the exception stays in the log.
            Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(Logger, ex, "The brief of {Region} could not be read", Code);
            _problem = L["PageState.Failed"];
        }
    }
}
