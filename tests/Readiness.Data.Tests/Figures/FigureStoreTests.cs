using System.Text;
using Dapper;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Figures;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Figures;

public sealed class FigureStoreTests : IAsyncLifetime
{
    private const string Regency = "17.71";
    private const string Kecamatan = "17.71.01";
    private const string Other = "17.71.02";
    private readonly TestDatabase _db = new();
    private int _election;

    private FigureStore Store => _db.Get<FigureStore>();

    [Fact]
    public async Task The_liaisons_set_a_kecamatans_figures_with_their_history_and_the_regency_reads_the_sum()
    {
        var kpu = TestDatabase.Liaison("KPU", Regency);
        var polri = TestDatabase.Liaison("POLRI", Regency);

        var tps = Assert.IsType<FigureSaveResult.Saved>(await Store.SetTpsAsync(kpu, _election, Kecamatan, 45, 0, Guid.NewGuid()));
        var classes = Assert.IsType<FigureSaveResult.Saved>(await Store.SetClassesAsync(polri, _election, Kecamatan, new TpsClasses(30, 10, 4, 1),
            tps.Figures.Version, Guid.NewGuid()));
        Assert.IsType<FigureSaveResult.Saved>(await Store.SetTpsAsync(kpu, _election, Other, 30, 0, Guid.NewGuid()));
        _db.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.IsType<FigureSaveResult.Saved>(await Store.SetTpsAsync(kpu, _election, Kecamatan, 47, classes.Figures.Version, Guid.NewGuid()));

        var own = await Store.ForRegionAsync(kpu, _election, Kecamatan);
        Assert.Equal((47, 30, 10, 4, 1, 3, "penghubung.kpu"), (own.Tps, own.KurangRawan, own.Rawan, own.SangatRawan, own.Khusus, own.Version, own.UpdatedBy));
        Assert.True(own.ClassesDisagree); // 45 graded, 47 counted: someone has to look again

        var sum = await Store.ForRegionAsync(TestDatabase.Admin, _election, Regency);
        Assert.Equal((77, 30, 10, 4, 1, 2), (sum.Tps, sum.KurangRawan, sum.Rawan, sum.SangatRawan, sum.Khusus, sum.Counted));
        Assert.True(sum.Of >= 9, $"Kota Bengkulu has {sum.Of} kecamatan");

        var history = await Store.HistoryAsync(kpu, _election, Kecamatan);
        Assert.Equal(6, history.Count); // tps, four classes, tps again
        Assert.Equal((Figure.Tps, (int?)45, (int?)47, "penghubung.kpu"), (history[0].Figure, history[0].ValueBefore, history[0].ValueAfter, history[0].Actor));
        Assert.Equal((Figure.Tps, (int?)null, (int?)45), (history[^1].Figure, history[^1].ValueBefore, history[^1].ValueAfter));
        Assert.Contains(history, e => e is { Figure: Figure.SangatRawan, ValueAfter: 4, Actor: "penghubung.polri" });
        Assert.Equal(7, (await Store.HistoryAsync(TestDatabase.Admin, _election, Regency)).Count); // the regency lists its kecamatan's
    }

    [Fact]
    public async Task A_target_per_TPS_follows_the_kecamatan_count_and_the_board_sees_the_new_target_through_the_feed()
    {
        var kpu = TestDatabase.Liaison("KPU", Regency);
        var pump = _db.Get<FeedPump>();
        var board = _db.Get<ReadinessBoard>();
        await pump.InitializeAsync(CancellationToken.None);
        var kpps = await ItemAsync("KPU-03", Kecamatan);
        var saved = Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(kpu,
            new StatusChange(kpps.Id, kpps.Version, ItemStatus.InProgress, "Pelantikan berjalan", Guid.NewGuid(), Done: 38, Target: 40)));
        await board.NumbersAsync(TestDatabase.Admin, _election, Regency); // an open regency page holds its sums
        await pump.DrainAsync(CancellationToken.None);

        var first = Assert.IsType<FigureSaveResult.Saved>(await Store.SetTpsAsync(kpu, _election, Kecamatan, 45, 0, Guid.NewGuid()));
        await pump.DrainAsync(CancellationToken.None);
        Assert.Equal("38/45 TPS", (await _db.Checklists.FindAsync(kpps.Id))!.NumberText);
        Assert.True(first.TargetsChanged >= 4, $"{first.TargetsChanged} items followed"); // KPPS, Bimtek, TPS, logistics, PTPS, Linmas...

        Assert.IsType<FigureSaveResult.Saved>(await Store.SetTpsAsync(kpu, _election, Kecamatan, 47, first.Figures.Version, Guid.NewGuid()));
        await pump.DrainAsync(CancellationToken.None);

        var after = (await _db.Checklists.FindAsync(kpps.Id))!;
        Assert.Equal(("38/47 TPS", true, ItemStatus.InProgress, "Pelantikan berjalan", "penghubung.kpu"),
            (after.NumberText, after.TargetFixed, after.Status, after.Note, after.UpdatedBy));
        Assert.Equal(saved.Item.Version + 2, after.Version); // each move is an item change: an open card must reload before it saves
        var history = await _db.Checklists.HistoryAsync(TestDatabase.Admin, kpps.Id);
        Assert.Equal((47, 38, 38), (history[0].Target, history[0].DoneBefore, history[0].DoneAfter));
        var kppsSum = (await board.NumbersAsync(TestDatabase.Admin, _election, Regency)).ByItem.Single(s => s.TemplateItemId == kpps.TemplateItemId);
        Assert.Equal(kppsSum.Target, (await _db.Readiness.NumbersAsync(TestDatabase.Admin, _election, Regency)).ByItem
            .Single(s => s.TemplateItemId == kpps.TemplateItemId).Target);
        Assert.Equal(47, (await board.NumbersAsync(TestDatabase.Admin, _election, Kecamatan)).ByItem.Single(s => s.TemplateItemId == kpps.TemplateItemId).Target);

        // Moved targets are no news for the latest changes or the wall's ticker; the liaison's own save is.
        var recent = await _db.Get<FeedStore>().RecentAsync(TestDatabase.Admin, Kecamatan, 100);
        Assert.DoesNotContain(recent, e => e.ItemId == kpps.Id && e.Target == 47);
        Assert.Contains(recent, e => e.ItemId == kpps.Id && e.DoneAfter == 38 && !e.FollowsFigure);
        Assert.True((await _db.Get<FeedStore>().ReadAsync(saved.Seq, CancellationToken.None)).Single(e => e.ItemId == kpps.Id && e.Target == 47).FollowsFigure);

        // A fixed target cannot be typed over any more: the figure says it.
        var typed = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.ChangeStatusAsync(kpu,
            new StatusChange(after.Id, after.Version, ItemStatus.InProgress, "x", Guid.NewGuid(), Done: 39, Target: 50)));
        Assert.Equal(InputException.TargetFixed, typed.Key);
        // Items that count nothing per TPS are left alone.
        Assert.Null((await ItemAsync("PEMDA-10", Kecamatan)).Target);
    }

    [Fact]
    public async Task A_regency_item_per_very_risky_TPS_follows_the_sum_of_its_kecamatan_times_its_rate()
    {
        var polri = TestDatabase.Liaison("POLRI", Regency);
        Assert.IsType<FigureSaveResult.Saved>(await Store.SetClassesAsync(polri, _election, Kecamatan, new TpsClasses(30, 10, 4, 1), 0, Guid.NewGuid()));
        Assert.IsType<FigureSaveResult.Saved>(await Store.SetClassesAsync(polri, _election, Other, new TpsClasses(20, 5, 3, 0), 0, Guid.NewGuid()));

        var guards = await ItemAsync("POLRI-14", Regency);
        Assert.Equal(("-/14 personel", true), (guards.NumberText, guards.TargetFixed)); // two per TPS sangat rawan: 2 x (4 + 3)
    }

    [Fact]
    public async Task Items_made_after_the_figures_take_their_targets_from_them()
    {
        await Store.SetTpsAsync(TestDatabase.Liaison("KPU", "52.71"), _election, "52.71.01", 52, 0, Guid.NewGuid());
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "52.71");

        var ptps = await ItemAsync("BAWASLU-02", "52.71.01");
        Assert.Equal(("-/52 TPS", 1), (ptps.NumberText, ptps.Version));
        Assert.Equal(52, Assert.Single(await _db.Checklists.HistoryAsync(TestDatabase.Admin, ptps.Id)).Target);
    }

    [Fact]
    public async Task A_stale_save_is_a_conflict_a_replay_writes_nothing_and_bad_input_is_refused_with_a_message()
    {
        var kpu = TestDatabase.Liaison("KPU", Regency);
        var operation = Guid.NewGuid();
        Assert.IsType<FigureSaveResult.Saved>(await Store.SetTpsAsync(kpu, _election, Kecamatan, 45, 0, operation));

        Assert.IsType<FigureSaveResult.AlreadyApplied>(await Store.SetTpsAsync(kpu, _election, Kecamatan, 45, 0, operation));
        Assert.Equal(45, Assert.IsType<FigureSaveResult.Conflict>(await Store.SetTpsAsync(kpu, _election, Kecamatan, 50, 0, Guid.NewGuid())).Current.Tps);
        Assert.Equal(InputException.FigureInvalid,
            (await Assert.ThrowsAsync<InputException>(() => Store.SetTpsAsync(kpu, _election, Kecamatan, -1, 1, Guid.NewGuid()))).Key);
        Assert.Equal(InputException.FigureInvalid,
            (await Assert.ThrowsAsync<InputException>(() => Store.SetTpsAsync(kpu, _election, Kecamatan, 100_001, 1, Guid.NewGuid()))).Key);
        Assert.Equal(InputException.FigureNotDistrict,
            (await Assert.ThrowsAsync<InputException>(() => Store.SetTpsAsync(kpu, _election, Regency, 45, 0, Guid.NewGuid()))).Key);
        Assert.Single(await Store.HistoryAsync(kpu, _election, Kecamatan));
    }

    [Fact]
    public async Task A_CSV_with_one_bad_row_is_refused_with_its_line_and_nothing_of_it_is_written()
    {
        var before = await ItemAsync("KPU-03", Kecamatan);
        const string bad = """
            kode;tps;kurang_rawan;rawan;sangat_rawan;khusus
            17.71.01;45;30;10;4;1
            17.71.02;31;;;;
            17.71.03;tiga puluh;;;;
            """;

        var refused = await Assert.ThrowsAsync<InputException>(() => Store.LoadCsvAsync(TestDatabase.Admin, _election, Csv(bad)));

        Assert.Equal(InputException.FiguresCsvValue, refused.Key);
        Assert.Equal(4, refused.Arguments[0]); // the line as a spreadsheet numbers it, header included
        Assert.Equal(Figure.Tps, refused.Arguments[1]);
        await AssertNothingWrittenAsync(before);

        var unknown = await Assert.ThrowsAsync<InputException>(() => Store.LoadCsvAsync(TestDatabase.Admin, _election,
            Csv("kode,tps,kurang_rawan,rawan,sangat_rawan,khusus\n17.71.01,45,,,,\n17.71.99,12,,,,\n")));
        Assert.Equal((InputException.FiguresCsvRegion, 3), (unknown.Key, unknown.Arguments[0]));
        await AssertNothingWrittenAsync(before);

        var header = await Assert.ThrowsAsync<InputException>(() => Store.LoadCsvAsync(TestDatabase.Admin, _election, Csv("kode,jumlah\n17.71.01,45\n")));
        Assert.Equal(InputException.FiguresCsvHeader, header.Key);
        var twice = await Assert.ThrowsAsync<InputException>(() => Store.LoadCsvAsync(TestDatabase.Admin, _election,
            Csv("kode,tps,kurang_rawan,rawan,sangat_rawan,khusus\n17.71.01,45,,,,\n17.71.01,46,,,,\n")));
        Assert.Equal((InputException.FiguresCsvDuplicate, 3), (twice.Key, twice.Arguments[0]));
        await AssertNothingWrittenAsync(before);

        // The same file with the row put right is loaded whole, with history and targets.
        Assert.Equal(3, await Store.LoadCsvAsync(TestDatabase.Admin, _election, Csv(bad.Replace("tiga puluh", "30", StringComparison.Ordinal))));
        Assert.Equal(106, (await Store.ForRegionAsync(TestDatabase.Admin, _election, Regency)).Tps);
        Assert.Equal("-/45 TPS", (await ItemAsync("KPU-03", Kecamatan)).NumberText);
        Assert.Contains(await Store.HistoryAsync(TestDatabase.Admin, _election, "17.71.03"), e => e is { Figure: Figure.Tps, ValueAfter: 30, Actor: "admin" });
    }

    private async Task AssertNothingWrittenAsync(ChecklistItem before)
    {
        await using var connection = await _db.Factory.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM RegionFigures;"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM RegionFigureEvents;"));
        Assert.Equal(before, await _db.Checklists.FindAsync(before.Id));
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private Task<ChecklistItem> ItemAsync(string templateCode, string region) => _db.ItemOfTemplateAsync(_election, templateCode, region);

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, Regency);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
