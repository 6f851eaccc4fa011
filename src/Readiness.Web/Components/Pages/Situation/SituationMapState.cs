using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Shared;
using Readiness.Data.Situation;
using Readiness.Web.Live;

namespace Readiness.Web.Components.Pages.Situation;

/// <summary>
/// The worst Kamtibmas level of each region one level down (from <see cref="SituationStore.WorstByChildAsync"/>),
/// reloaded when a Kamtibmas change arrives under the parent.
/// </summary>
public sealed class SituationMapState(LiveFeed feed, ActivityFeed activity, SituationStore situations) : LiveState(feed)
{
    private Actor? _actor;
    private string _parent = "";

    /// <summary>Child code to its worst level; children without an estimate are absent.</summary>
    public IReadOnlyDictionary<string, string> Worst { get; private set; } = new Dictionary<string, string>();

    /// <summary>Watches the parent's activity, then loads.</summary>
    public async Task LoadAsync(Actor actor, string parentCode)
    {
        _actor = actor;
        _parent = parentCode;
        WatchActivity(activity, parentCode);
        await ReloadAsync();
    }

    /// <inheritdoc />
    protected override Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events) => Task.FromResult(false);

    /// <inheritdoc />
    protected override async Task<bool> OnActivityAsync(IReadOnlyList<RegionActivity> rows)
    {
        if (!rows.Any(r => r.Kind == ActivityKinds.Kamtibmas))
        {
            return false;
        }

        await ReloadAsync();
        return true;
    }

    private async Task ReloadAsync()
    {
        try
        {
            Worst = await situations.WorstByChildAsync(_actor!, _parent);
        }
        catch (AccessDeniedException)
        {
            Worst = new Dictionary<string, string>();
        }
    }
}
