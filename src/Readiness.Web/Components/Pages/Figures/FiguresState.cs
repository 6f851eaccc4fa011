using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Figures;
using Readiness.Data.Shared;
using Readiness.Web.Live;

namespace Readiness.Web.Components.Pages.Figures;

/// <summary>
/// What the figures panel shows of a region: a kecamatan's TPS count and Polri's classes of its TPS, or a regency's
/// sums, with the latest changes. Reloaded when region activity of kind angka arrives under the region, so a figure set
/// on one phone shows on every open page.
/// </summary>
public sealed class FiguresState(LiveFeed feed, ActivityFeed activity, FigureStore figures,
    Microsoft.Extensions.Logging.ILogger<FiguresState> logger) : LiveState(feed)
{
    /// <summary>How many changes the panel lists.</summary>
    public const int HistoryShown = 10;

    private Actor? _actor;

    /// <summary>The region (Kemendagri code) shown.</summary>
    public string RegionCode { get; private set; } = "";

    /// <summary>The election the figures are of.</summary>
    public int ElectionId { get; private set; }

    /// <summary>The region's figures (a regency's: the sums); null until loaded.</summary>
    public RegionFigures? Figures { get; private set; }

    /// <summary>The latest changes, newest first.</summary>
    public IReadOnlyList<FigureEvent> History { get; private set; } = [];

    /// <summary>The resource key of a problem to show instead (out of scope); null when loaded.</summary>
    public string? Problem { get; private set; }

    /// <summary>Watches the region's activity, then loads.</summary>
    public async Task LoadAsync(Actor actor, int electionId, string regionCode)
    {
        _actor = actor;
        ElectionId = electionId;
        RegionCode = regionCode;
        WatchActivity(activity, regionCode);
        await ReloadAsync();
    }

    /// <summary>Sets the kecamatan's TPS count against the version shown; reloads.</summary>
    public async Task<FigureSaveResult> SetTpsAsync(int tps)
    {
        var result = await figures.SetTpsAsync(_actor!, ElectionId, RegionCode, tps, Figures?.Version ?? 0, Guid.NewGuid());
        await ReloadAsync();
        return result;
    }

    /// <summary>Sets Polri's classes of the kecamatan's TPS against the version shown; reloads.</summary>
    public async Task<FigureSaveResult> SetClassesAsync(TpsClasses classes)
    {
        var result = await figures.SetClassesAsync(_actor!, ElectionId, RegionCode, classes, Figures?.Version ?? 0, Guid.NewGuid());
        await ReloadAsync();
        return result;
    }

    /// <summary>An admin loads a CSV of figures; returns how many kecamatan changed, reloads.</summary>
    public async Task<int> LoadCsvAsync(Stream csv)
    {
        var changed = await figures.LoadCsvAsync(_actor!, ElectionId, csv);
        await ReloadAsync();
        return changed;
    }

    /// <inheritdoc />
    protected override Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events) => Task.FromResult(false);

    /// <inheritdoc />
    protected override async Task<bool> OnActivityAsync(IReadOnlyList<RegionActivity> rows)
    {
        if (!rows.Any(r => r.Kind == ActivityKinds.Angka))
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
            Figures = await figures.ForRegionAsync(_actor, ElectionId, RegionCode);
            History = await figures.HistoryAsync(_actor, ElectionId, RegionCode, HistoryShown);
            Problem = null;
        }
        catch (AccessDeniedException denied)
        {
            Problem = denied.Reason;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed read says so in words, in the panel; the page around it stays.
            Microsoft.Extensions.Logging.LoggerExtensions.LogError(logger, ex, "Figures of {Region} could not be read", RegionCode);
            Problem = "Home.LoadFailed";
        }
    }
}
