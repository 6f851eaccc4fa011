using Dapper;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Checklists;

public sealed class ItemNumberTests : IAsyncLifetime
{
    // No seed template fixes a target any more (each grant recipient is its own item), so the tests bring one that
    // does, as a template may: a grant to four recipients counted on one item.
    private const string FixedTargetCode = "UJI-HIBAH";

    private readonly TestDatabase _db = new();
    private int _election;

    [Fact]
    public async Task Templates_give_items_their_unit_and_a_fixed_target_where_the_template_fixes_one()
    {
        var tps = await ItemAsync("KPU-03", "17.71.01");
        var grant = await ItemAsync(FixedTargetCode, "17.71");
        var plain = await ItemAsync("KPU-01", "17.71.01");

        Assert.Equal(("TPS", (int?)null, false), (tps.Unit, tps.Target, tps.TargetFixed));
        Assert.Equal(("penerima", (int?)4, true), (grant.Unit, grant.Target, grant.TargetFixed));
        Assert.False(plain.HasNumber);
        Assert.Equal("-/4 penerima", grant.NumberText);
    }

    [Fact]
    public async Task A_liaison_sets_done_and_target_with_the_status_and_the_history_reads_before_and_after()
    {
        var item = await ItemAsync("KPU-03", "17.71.01");
        var kpu = TestDatabase.Liaison("KPU", "17.71");

        var first = Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(kpu,
            new StatusChange(item.Id, item.Version, ItemStatus.InProgress, null, Guid.NewGuid(), Done: 7, Target: 45)));
        var change = new StatusChange(item.Id, first.Item.Version, ItemStatus.InProgress, null, Guid.NewGuid(), Done: 38);
        var second = Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(kpu, change));
        var replay = await _db.Checklists.ChangeStatusAsync(kpu, change);
        var stale = await _db.Checklists.ChangeStatusAsync(kpu, change with { OperationId = Guid.NewGuid(), Done = 40 });

        Assert.Equal("38/45 TPS", second.Item.NumberText);
        Assert.IsType<SaveResult.AlreadyApplied>(replay);
        Assert.Equal(38, Assert.IsType<SaveResult.Conflict>(stale).Current.Done);
        var history = await _db.Checklists.HistoryAsync(kpu, item.Id);
        Assert.Equal(3, history.Count); // created, 7, 38: the replay and the stale save wrote nothing
        Assert.Equal((7, 38, 45, "TPS"), (history[0].DoneBefore, history[0].DoneAfter, history[0].Target, history[0].Unit));
        Assert.True(history[0].NumberChanged);
        Assert.Equal(((int?)null, (int?)7), (history[1].DoneBefore, history[1].DoneAfter));
        Assert.Equal(38, (await _db.Checklists.FindAsync(item.Id))!.Done);
    }

    [Theory]
    [InlineData(-1, null, InputException.DoneInvalid)]
    [InlineData(100_001, null, InputException.DoneInvalid)]
    [InlineData(5, 0, InputException.TargetInvalid)]
    [InlineData(46, 45, InputException.DoneAboveTarget)]
    public async Task Bad_numbers_are_refused_with_a_message_and_nothing_is_written(int done, int? target, string key)
    {
        var item = await ItemAsync("KPU-03", "17.71.01");

        var refused = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison("KPU", "17.71"),
            new StatusChange(item.Id, item.Version, ItemStatus.InProgress, null, Guid.NewGuid(), done, target ?? 45)));

        Assert.Equal(key, refused.Key);
        Assert.Equal(item, await _db.Checklists.FindAsync(item.Id));
        Assert.Single(await _db.Checklists.HistoryAsync(TestDatabase.Admin, item.Id));
    }

    [Fact]
    public async Task A_fixed_target_cannot_be_changed_a_plain_item_takes_no_number_and_meetings_may_exceed_their_target()
    {
        var grant = await ItemAsync(FixedTargetCode, "17.71");
        var plain = await ItemAsync("KPU-01", "17.71.01");
        var patrols = await ItemAsync("POLRI-06", "17.71");

        var fixedTarget = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison("PEMDA", "17.71"),
            new StatusChange(grant.Id, grant.Version, ItemStatus.InProgress, null, Guid.NewGuid(), Done: 2, Target: 5)));
        var noNumber = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison("KPU", "17.71"),
            new StatusChange(plain.Id, plain.Version, ItemStatus.InProgress, null, Guid.NewGuid(), Done: 2)));
        var over = Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison("POLRI", "17.71"),
            new StatusChange(patrols.Id, patrols.Version, ItemStatus.Ready, null, Guid.NewGuid(), Done: 11, Target: 8)));
        var grantSaved = Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison("PEMDA", "17.71"),
            new StatusChange(grant.Id, grant.Version, ItemStatus.InProgress, null, Guid.NewGuid(), Done: 3)));

        Assert.Equal(InputException.TargetFixed, fixedTarget.Key);
        Assert.Equal(InputException.NoNumber, noNumber.Key);
        Assert.Equal("11/8 kegiatan", over.Item.NumberText);
        Assert.Equal("3/4 penerima", grantSaved.Item.NumberText);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2024)]
    public async Task Sums_up_the_hierarchy_equal_a_fresh_count_after_a_series_of_live_changes(int seed)
    {
        var random = new Random(seed);
        var pump = _db.Get<FeedPump>();
        var board = _db.Get<ReadinessBoard>();
        await pump.InitializeAsync(CancellationToken.None);
        await board.NumbersAsync(TestDatabase.Admin, _election, "17.71"); // loaded before the changes
        await using var connection = await _db.Factory.OpenAsync();
        var counted = (await connection.QueryAsync<long>("SELECT Id FROM ChecklistItems WHERE Unit IS NOT NULL ORDER BY Id;")).ToList();

        for (var i = 0; i < 200; i++)
        {
            var item = (await _db.Checklists.FindAsync(counted[random.Next(counted.Count)]))!;
            var target = item.TargetFixed ? item.Target : random.Next(3) == 0 ? item.Target : random.Next(1, 60);
            var done = target is { } t && !item.AllowOver ? random.Next(0, t + 1) : random.Next(0, 80);
            var status = ItemStatus.All[random.Next(ItemStatus.All.Count)];
            await _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison(item.AgencyCode, "17", "52"),
                new StatusChange(item.Id, item.Version, status, status == ItemStatus.Blocked ? "kurang " + i : null, Guid.NewGuid(),
                    done, item.TargetFixed ? null : target));
            if (random.Next(15) == 0)
            {
                await pump.DrainAsync(CancellationToken.None);
            }

            if (i == 100)
            {
                await board.NumbersAsync(TestDatabase.Admin, _election, "52.71"); // loaded while the feed is behind
            }
        }

        await pump.DrainAsync(CancellationToken.None);

        foreach (var region in new[] { "17.71.01", "17.71", "17", "52.71", "52", "" })
        {
            var actual = await board.NumbersAsync(TestDatabase.Admin, _election, region);
            Assert.Equal(await FreshByAgencyAsync(connection, region), actual.ByAgency.Select(s => (s.AgencyCode, s.Unit, s.Done, s.Target, s.Items)));
            Assert.Equal(await FreshByItemAsync(connection, region), actual.ByItem.Where(s => s.TemplateItemId is not null)
                .Select(s => (s.TemplateItemId!.Value, s.Done, s.Target, s.Items)).OrderBy(s => s.Item1));
            if (region.Length > 0)
            {
                Assert.Equal(actual.ByAgency, (await _db.Readiness.NumbersAsync(TestDatabase.Admin, _election, region)).ByAgency);
            }
        }

        var kecamatan = await board.NumbersAsync(TestDatabase.Admin, _election, "17.71.01");
        var regency = await board.NumbersAsync(TestDatabase.Admin, _election, "17.71");
        Assert.True(regency.ByAgency.Single(s => s.AgencyCode == "KPU" && s.Unit == "TPS").Done
            >= kecamatan.ByAgency.Single(s => s.AgencyCode == "KPU" && s.Unit == "TPS").Done);
    }

    private async Task<List<(string, string, int, int, int)>> FreshByAgencyAsync(System.Data.Common.DbConnection connection, string region)
    {
        var rows = await connection.QueryAsync<(string, string, long, long, long)>("""
            SELECT i.AgencyCode, i.Unit, SUM(COALESCE(i.Done, 0)), SUM(COALESCE(i.Target, 0)), COUNT(*)
            FROM ChecklistItems i JOIN Agencies a ON a.Code = i.AgencyCode
            WHERE i.ElectionId = @election AND i.Unit IS NOT NULL AND (@region = '' OR i.RegionCode = @region OR i.RegionCode LIKE @like)
            GROUP BY a.SortOrder, i.AgencyCode, i.Unit ORDER BY a.SortOrder, i.Unit;
            """, new { election = _election, region, like = region + ".%" });
        return rows.Select(r => (r.Item1, r.Item2, (int)r.Item3, (int)r.Item4, (int)r.Item5)).ToList();
    }

    private async Task<List<(int, int, int, int)>> FreshByItemAsync(System.Data.Common.DbConnection connection, string region)
    {
        var rows = await connection.QueryAsync<(long, long, long, long)>("""
            SELECT TemplateItemId, SUM(COALESCE(Done, 0)), SUM(COALESCE(Target, 0)), COUNT(*)
            FROM ChecklistItems
            WHERE ElectionId = @election AND Unit IS NOT NULL AND (@region = '' OR RegionCode = @region OR RegionCode LIKE @like)
            GROUP BY TemplateItemId ORDER BY TemplateItemId;
            """, new { election = _election, region, like = region + ".%" });
        return rows.Select(r => ((int)r.Item1, (int)r.Item2, (int)r.Item3, (int)r.Item4)).ToList();
    }

    private Task<ChecklistItem> ItemAsync(string templateCode, string region) => _db.ItemOfTemplateAsync(_election, templateCode, region);

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await using (var connection = await _db.Factory.OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO TemplateItems (Code, AgencyCode, StageCode, Level, Criticality, DueOffsetDays, Title, Unit, Target, AllowOver)
                VALUES (@FixedTargetCode, 'PEMDA', 'ADHOC', 2, 'kritis', -160, 'Dana hibah tersalurkan ke empat penerima', 'penerima', 4, 0);
                """, new { FixedTargetCode });
        }

        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "52.71");
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
