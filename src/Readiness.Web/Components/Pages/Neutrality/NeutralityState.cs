using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Neutrality;
using Readiness.Web.Accounts;
using Readiness.Web.Live;

namespace Readiness.Web.Components.Pages.Neutrality;

/// <summary>
/// What the "ASN netralitas" panel shows for a region (region page, brief, wall): the counts of
/// <see cref="NeutralitySummary"/> and, on the brief, the recommendations waiting at the PPK by number and kind (with
/// the civil servant's name only for a reader entitled to it, and then logged by the store). Read again whenever a
/// neutrality change under the region is committed.
/// </summary>
public sealed class NeutralityState(LiveFeed feed, ActivityFeed activity, NeutralityStore store, CurrentActor currentActor, ILogger<NeutralityState> logger)
    : LiveState(feed)
{
    private string? _regionCode;
    private bool _listWaiting;

    /// <summary>The signed-in actor (a user or a screen token).</summary>
    public Actor? Actor { get; private set; }

    /// <summary>The counts; null until loaded.</summary>
    public NeutralitySummary? Summary { get; private set; }

    /// <summary>Cases waiting at the PPK, oldest deadline first; filled only when asked for (the brief).</summary>
    public IReadOnlyList<NeutralityCase> Waiting { get; private set; } = [];

    /// <summary>A localizer key when the counts could not be read.</summary>
    public string? Problem { get; private set; }

    /// <summary>Loads the counts of <paramref name="regionCode"/> (and the cases waiting at the PPK when <paramref name="listWaiting"/>) and follows changes.</summary>
    public async Task LoadAsync(string regionCode, bool listWaiting)
    {
        (_regionCode, _listWaiting) = (regionCode, listWaiting);
        // Before the read, so no change falls between the read and the subscription.
        WatchActivity(activity, regionCode.Length == 0 ? [] : [regionCode]);
        await ReadAsync();
    }

    /// <inheritdoc />
    protected override Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events) => Task.FromResult(false);

    /// <inheritdoc />
    protected override async Task<bool> OnActivityAsync(IReadOnlyList<RegionActivity> activity)
    {
        if (!activity.Any(a => a.Kind == ActivityKinds.Netralitas))
        {
            return false;
        }

        await ReadAsync();
        return true;
    }

    private async Task ReadAsync()
    {
        if (_regionCode is null)
        {
            return;
        }

        try
        {
            Actor ??= await currentActor.GetAsync();
            Summary = await store.SummaryAsync(Actor, _regionCode);
            Waiting = _listWaiting && Summary.WaitingAtPpk > 0
                ? (await store.CasesAsync(Actor, _regionCode, NeutralitySteps.AtPpk, withPersonalData: true))
                    .OrderBy(c => c.PpkDeadline).ThenBy(c => c.Id).ToList()
                : [];
            Problem = null;
        }
        catch (Readiness.Data.Shared.AccessDeniedException ex)
        {
            Problem = ex.Reason;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Neutrality counts of {Region} could not be read", _regionCode);
            Problem = "Home.LoadFailed";
        }
    }
}
