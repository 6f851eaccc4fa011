using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Shared;
using Readiness.Data.Situation;
using Readiness.Web.Live;

namespace Readiness.Web.Components.Pages.Situation;

/// <summary>
/// What the situation panel shows of a region: its Kamtibmas level with reason, who and when; the regions under it
/// above kondusif; the incident counts; the open incidents (significant first) and those of the last 7 days. Reloaded
/// when region activity of kind kamtibmas or kejadian arrives under the region.
/// </summary>
public sealed class SituationPanelState(
    LiveFeed feed, ActivityFeed activity, SituationStore situations, IncidentStore incidents, TimeProvider time) : LiveState(feed)
{
    /// <summary>Open incidents listed on the region page.</summary>
    public const int OpenShown = 8;

    /// <summary>Incidents of the last 7 days listed on the brief.</summary>
    public const int RecentShown = 10;

    private Actor? _actor;

    /// <summary>The region (Kemendagri code) shown.</summary>
    public string RegionCode { get; private set; } = "";

    /// <summary>The region's own estimate; null when none was set.</summary>
    public RegionSituation? Current { get; private set; }

    /// <summary>Regions under this one (and itself) whose estimate is above kondusif, worst first.</summary>
    public IReadOnlyList<RegionSituation> Raised { get; private set; } = [];

    /// <summary>The incidents under the region, counted.</summary>
    public IncidentCounts Counts { get; private set; } = IncidentCounts.None;

    /// <summary>Open incidents, significant ones first, at most <see cref="OpenShown"/>.</summary>
    public IReadOnlyList<Incident> Open { get; private set; } = [];

    /// <summary>Incidents of the last 7 days, at most <see cref="RecentShown"/>.</summary>
    public IReadOnlyList<Incident> Recent { get; private set; } = [];

    /// <summary>Open significant incidents marked less than 24 hours ago: the top of the wall's ticker.</summary>
    public IReadOnlyList<Incident> Headlines { get; private set; } = [];

    /// <summary>The resource key of a problem to show instead (out of scope); null when loaded.</summary>
    public string? Problem { get; private set; }

    /// <summary>Set once the first load finished.</summary>
    public bool Loaded { get; private set; }

    /// <summary>"Now" when loaded, UTC.</summary>
    public DateTime NowUtc { get; private set; }

    /// <summary>Watches the region's activity, then loads.</summary>
    public async Task LoadAsync(Actor actor, string regionCode)
    {
        _actor = actor;
        RegionCode = regionCode;
        WatchActivity(activity, regionCode);
        await ReloadAsync();
    }

    /// <summary>Sets the region's level; the panel reloads from the activity it causes (and at once here).</summary>
    public async Task<SituationSaveResult> SetLevelAsync(string level, string reason)
    {
        var result = await situations.SetAsync(_actor!, new SituationInput(RegionCode, level, reason, Current?.Version ?? 0, Guid.NewGuid()));
        await ReloadAsync();
        return result;
    }

    /// <inheritdoc />
    protected override Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events) => Task.FromResult(false);

    /// <inheritdoc />
    protected override async Task<bool> OnActivityAsync(IReadOnlyList<RegionActivity> rows)
    {
        if (!rows.Any(r => r.Kind is ActivityKinds.Kamtibmas or ActivityKinds.Kejadian))
        {
            return false;
        }

        await ReloadAsync();
        return true;
    }

    private async Task ReloadAsync()
    {
        if (_actor is null)
        {
            return;
        }

        try
        {
            NowUtc = time.GetUtcNow().UtcDateTime;
            var subtree = await situations.SubtreeAsync(_actor, RegionCode);
            Current = subtree.FirstOrDefault(s => s.RegionCode == RegionCode);
            Raised = subtree.Where(s => s.RegionCode != RegionCode && s.Level != SituationLevel.Calm).ToList();
            Counts = await incidents.CountsAsync(_actor, RegionCode);
            Open = await incidents.ListAsync(_actor, RegionCode, openOnly: true, take: OpenShown);
            Recent = await incidents.ListAsync(_actor, RegionCode, sinceUtc: NowUtc.AddDays(-7), take: RecentShown);
            Headlines = await incidents.HeadlinesAsync(_actor, RegionCode);
            Problem = null;
        }
        catch (AccessDeniedException denied)
        {
            Problem = denied.Reason;
        }

        Loaded = true;
    }
}
