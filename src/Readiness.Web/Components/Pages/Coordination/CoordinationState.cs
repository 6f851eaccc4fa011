using Readiness.Data.Accounts;
using Readiness.Data.Coordination;
using Readiness.Data.Feed;
using Readiness.Data.Shared;
using Readiness.Web.Accounts;
using Readiness.Web.Live;

namespace Readiness.Web.Components.Pages.Coordination;

/// <summary>
/// What the coordination panel shows for a region and everything under it: requests for help still waited for per
/// pair of agencies, the open instructions and the latest visits, and (for a regency or a kecamatan, at its regency)
/// the agencies' readiness declarations before the current stage with the void ones marked. Reloaded when region
/// activity of coordination arrives, and on item changes that can answer a request or void a declaration (a status
/// set to Siap or Kendala, a new item).
/// </summary>
public sealed class CoordinationState(
    LiveFeed feed,
    ActivityFeed activity,
    HelpRequestStore requests,
    DeclarationStore declarations,
    VisitStore visits,
    CurrentActor currentActor,
    ILogger<CoordinationState> logger) : LiveState(feed)
{
    private (string Region, int Election, DateOnly Today)? _loaded;

    /// <summary>The signed-in actor (a user or a screen).</summary>
    public Actor? Actor { get; private set; }

    /// <summary>Whether the first load finished.</summary>
    public bool Loaded { get; private set; }

    /// <summary>A localizer key when the panel could not load.</summary>
    public string? Problem { get; private set; }

    /// <summary>Requests still waited for, per pair of agencies.</summary>
    public IReadOnlyList<RequestPair> Pairs { get; private set; } = [];

    /// <summary>How many requests are still waited for.</summary>
    public int PendingRequests => Pairs.Sum(p => p.OpenCount);

    /// <summary>Instructions not yet Siap.</summary>
    public int OpenInstructions { get; private set; }

    /// <summary>The latest visits and meetings (at most five).</summary>
    public IReadOnlyList<Visit> Visits { get; private set; } = [];

    /// <summary>The regency's declarations before the current stage; null above regency level.</summary>
    public DeclarationSummary? Declarations { get; private set; }

    /// <summary>The regency the declarations are of; null above regency level.</summary>
    public string? RegencyCode { get; private set; }

    /// <summary>Loads the panel of <paramref name="regionCode"/> for <paramref name="electionId"/> as of <paramref name="today"/> (region's date) and follows it.</summary>
    public async Task LoadAsync(string regionCode, int electionId, DateOnly today)
    {
        _loaded = (regionCode, electionId, today);
        Actor = await currentActor.FindAsync();
        Watch(regionCode);
        WatchActivity(activity, regionCode);
        await ReloadAsync();
    }

    /// <summary>Reads the panel again (after the user's own change too).</summary>
    public async Task ReloadAsync()
    {
        if (_loaded is not { } at || Actor is null)
        {
            return;
        }

        try
        {
            Pairs = await requests.PendingPairsAsync(Actor, at.Election, at.Region);
            OpenInstructions = (await visits.OpenCountsAsync(Actor, at.Election, [at.Region])).GetValueOrDefault(at.Region);
            Visits = (await visits.ListAsync(Actor, at.Election, at.Region)).Take(5).ToList();
            RegencyCode = RegionCode.LevelOf(at.Region) >= RegionLevel.Regency ? string.Join('.', at.Region.Split('.').Take(2)) : null;
            if (RegencyCode is not null && Actor.CanSee(RegencyCode))
            {
                var moment = await declarations.CurrentMomentAsync(at.Election, at.Today);
                Declarations = await declarations.SummaryAsync(Actor, at.Election, RegencyCode, moment);
            }

            Problem = null;
        }
        catch (AccessDeniedException)
        {
            Problem = "Access.OutOfScope";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLoadFailed(logger, ex, at.Region);
            Problem = "Coord.LoadFailed";
        }

        Loaded = true;
    }

    /// <inheritdoc />
    protected override async Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events)
    {
        if (!events.Any(e => e.StatusBefore is null || (e.StatusBefore != e.StatusAfter && e.StatusAfter is ItemStatus.Ready or ItemStatus.Blocked)
                             || e.StatusBefore is ItemStatus.Ready))
        {
            return false;
        }

        await ReloadAsync();
        return true;
    }

    /// <inheritdoc />
    protected override async Task<bool> OnActivityAsync(IReadOnlyList<RegionActivity> rows)
    {
        if (!rows.Any(r => r.Kind == ActivityKinds.Koordinasi))
        {
            return false;
        }

        await ReloadAsync();
        return true;
    }

    private static void LogLoadFailed(ILogger logger, Exception ex, string region) =>
        logger.LogWarning(ex, "The coordination panel of {Region} could not load", region);
}
