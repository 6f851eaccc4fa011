using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Bench;

/// <summary>
/// A liaison officer's save made from outside the app, on the app's own SQLite file (as another server or process
/// sharing the database would): the app's feed pump picks it up by its poll and relays it to screens and the hub.
/// </summary>
public static class LiaisonSaves
{
    /// <summary>What was saved: the item, its version after the save, the new status and who saved it.</summary>
    public sealed record Saved(long ItemId, int Version, string StatusAfter, string Actor, string Title, string RegionCode);

    /// <summary>
    /// Toggles one demo-election item under <paramref name="regionCode"/> between Siap and Dalam proses, as the liaison
    /// of its agency scoped to that region. <paramref name="nth"/> picks another item, so repeated saves spread out.
    /// </summary>
    public static async Task<Saved> SaveAsync(BenchDatabase db, string regionCode, int nth = 0, CancellationToken cancellationToken = default)
    {
        var election = (await db.Get<ElectionStore>().AllAsync(cancellationToken)).Single(e => e.Code == DemoSeeder.DemoElectionCode);
        var checklists = db.Get<ChecklistStore>();
        var agency = Agency.All[nth % Agency.All.Count];
        var liaison = BenchDatabase.Liaison(agency.Code, [regionCode], "penghubung." + agency.Code.ToLowerInvariant());
        var items = await checklists.ListForLiaisonAsync(liaison, election.Id, cancellationToken: cancellationToken);
        var item = items[nth / Agency.All.Count % items.Count].Item;
        var status = item.Status == ItemStatus.Ready ? ItemStatus.InProgress : ItemStatus.Ready;
        var result = await checklists.ChangeStatusAsync(liaison,
            new StatusChange(item.Id, item.Version, status, Note: null, Guid.NewGuid()), cancellationToken);
        var saved = result as SaveResult.Saved ?? throw new InvalidOperationException($"The save of item {item.Id} was not stored: {result}");
        return new Saved(item.Id, saved.Item.Version, status, liaison.Name, item.Title, item.RegionCode);
    }
}
