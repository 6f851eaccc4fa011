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
    [Inject] private Readiness.Data.Reports.RegionReports Reports { get; set; } = default!;

    [Inject] private Readiness.Data.Coordination.VisitStore Visits { get; set; } = default!;

    [Inject] private EvidenceStore Evidence { get; set; } = default!;

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
            _nowUtc = Time.GetUtcNow().UtcDateTime;
            // The same report the region page shows (readiness from the board), so the sheet and the page agree; what
            // fits one A4 page: the worst flags (high risk, blocked first) and the day's latest changes.
            var report = RegionCode.IsValid(Code)
                ? await Reports.ReadAsync(actor, Code, new Readiness.Data.Reports.RegionReportOptions
                {
                    FlagsTake = DistinctPool,
                    LatestTake = MaxChanges,
                    LatestSinceUtc = _nowUtc.AddHours(-24),
                    ReadMap = true,
                })
                : null;
            if (report?.Region is null)
            {
                Navigation.NotFound();
                return;
            }

            _region = report.Region;
            _election = report.Election;
            if (_election is null)
            {
                _problem = L["Home.NoElection"];
                return;
            }

            _daysToVoting = report.Day.DaysToVoting!.Value;
            _readiness = report.Readiness;
            _numbers = report.Numbers;
            _flags = report.Flags;
            _evidenceCount = await Evidence.CountUnderAsync(actor, _election.Id, _region.Code);
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
            _changes = report.Latest;
            _moreChanges = Math.Max(0, (report.LatestTotal ?? 0) - _changes.Count);
            _contacts = report.Contacts;
            _map = report.Map ?? RegionMapGeometry.Empty(_region.Code);
            if (_map.Shapes.Count > 0)
            {
                _mapFigures = [.. report.Children.Select(c => new RegionMapFigure(c.Region.Code, c.Region.Name, c.Readiness.Overall, c.Overdue, c.RiskLevel))];
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
