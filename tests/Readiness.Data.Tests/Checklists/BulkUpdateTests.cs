using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Checklists;

/// <summary>One status for several items: each its own version check and event, a conflict stopping nothing.</summary>
public sealed class BulkUpdateTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly Actor _kpu = TestDatabase.Liaison("KPU", "17.71");
    private int _election;

    private BulkUpdate Bulk => _db.Get<BulkUpdate>();

    [Fact]
    public async Task A_bulk_set_saves_the_others_when_one_item_changed_in_between_with_one_event_per_saved_item()
    {
        var items = await LogisticsItemsAsync();
        var changedMeanwhile = items[2];
        await _db.Checklists.ChangeStatusAsync(_kpu, new StatusChange(changedMeanwhile.Id, changedMeanwhile.Version, ItemStatus.Blocked,
            "Truk belum datang", Guid.NewGuid()));
        var eventsBefore = await EventCountsAsync(items);

        var outcomes = await Bulk.SetStatusAsync(_kpu, new BulkStatusChange(
            items.Select(i => new BulkItem(i.Id, i.Version)).ToList(), ItemStatus.Ready, "Diterima lengkap", Guid.NewGuid()));

        Assert.Equal(items.Select(i => i.Id), outcomes.Select(o => o.ItemId));
        var conflict = Assert.IsType<SaveResult.Conflict>(outcomes[2].Result);
        Assert.Equal((ItemStatus.Blocked, "Truk belum datang"), (conflict.Current.Status, conflict.Current.Note));
        Assert.All(outcomes.Where(o => o.ItemId != changedMeanwhile.Id), o => Assert.IsType<SaveResult.Saved>(o.Result));
        var eventsAfter = await EventCountsAsync(items);
        foreach (var item in items)
        {
            Assert.Equal(eventsBefore[item.Id] + (item.Id == changedMeanwhile.Id ? 0 : 1), eventsAfter[item.Id]);
            var stored = (await _db.Checklists.FindAsync(item.Id))!;
            Assert.Equal(item.Id == changedMeanwhile.Id ? ItemStatus.Blocked : ItemStatus.Ready, stored.Status);
        }
    }

    [Fact]
    public async Task A_replayed_bulk_request_writes_nothing_twice()
    {
        var items = await LogisticsItemsAsync();
        var request = new BulkStatusChange(items.Select(i => new BulkItem(i.Id, i.Version)).ToList(), ItemStatus.InProgress, null, Guid.NewGuid());

        var first = await Bulk.SetStatusAsync(_kpu, request);
        var eventsBefore = await EventCountsAsync(items);
        var replay = await Bulk.SetStatusAsync(_kpu, request);

        Assert.All(first, o => Assert.IsType<SaveResult.Saved>(o.Result));
        Assert.All(replay, o => Assert.IsType<SaveResult.AlreadyApplied>(o.Result));
        Assert.Equal(eventsBefore, await EventCountsAsync(items));
        Assert.All(items, i => Assert.Equal(i.Version + 1, _db.Checklists.FindAsync(i.Id).Result!.Version));
    }

    [Fact]
    public async Task An_item_outside_the_scope_is_refused_alone_and_bad_input_writes_nothing()
    {
        var mine = await LogisticsItemsAsync();
        var other = (await _db.Checklists.ListForLiaisonAsync(TestDatabase.Liaison("KPU", "52.71"), _election))[0].Item;
        var request = new BulkStatusChange([new(other.Id, other.Version), new(mine[0].Id, mine[0].Version)], ItemStatus.Ready, null, Guid.NewGuid());

        var outcomes = await Bulk.SetStatusAsync(_kpu, request);
        var eventsBefore = await EventCountsAsync(mine);
        await Assert.ThrowsAsync<InputException>(() => Bulk.SetStatusAsync(_kpu,
            new BulkStatusChange(mine.Select(i => new BulkItem(i.Id, i.Version + 1)).ToList(), ItemStatus.Blocked, null, Guid.NewGuid())));
        await Assert.ThrowsAsync<InputException>(() => Bulk.SetStatusAsync(_kpu, new BulkStatusChange([], ItemStatus.Ready, null, Guid.NewGuid())));

        Assert.Equal(AccessDeniedException.OutOfScope, outcomes[0].Refusal);
        Assert.Null(outcomes[0].Result);
        Assert.True(outcomes[1].IsSaved);
        Assert.Equal(ItemStatus.NotStarted, (await _db.Checklists.FindAsync(other.Id))!.Status);
        Assert.Equal(eventsBefore, await EventCountsAsync(mine));
    }

    [Fact]
    public void Item_operation_ids_are_stable_per_request_and_item_and_differ_between_them()
    {
        var request = Guid.NewGuid();

        Assert.Equal(BulkUpdate.ItemOperationId(request, 7), BulkUpdate.ItemOperationId(request, 7));
        Assert.NotEqual(BulkUpdate.ItemOperationId(request, 7), BulkUpdate.ItemOperationId(request, 8));
        Assert.NotEqual(BulkUpdate.ItemOperationId(request, 7), BulkUpdate.ItemOperationId(Guid.NewGuid(), 7));
    }

    private async Task<List<ChecklistItem>> LogisticsItemsAsync() =>
        (await _db.Checklists.ListForLiaisonAsync(_kpu, _election))
            .Where(v => v.Item.Title == "PPK menerima logistik dari gudang KPU").Select(v => v.Item).Take(5).ToList();

    private async Task<Dictionary<long, int>> EventCountsAsync(IEnumerable<ChecklistItem> items)
    {
        await using var connection = await _db.Factory.OpenAsync();
        var counts = new Dictionary<long, int>();
        foreach (var item in items)
        {
            counts[item.Id] = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ItemEvents WHERE ItemId = @Id;", new { item.Id });
        }

        return counts;
    }

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "52.71");
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
