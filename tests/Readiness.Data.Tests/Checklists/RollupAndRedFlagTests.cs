using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Checklists;

/// <summary>A small fixture whose counts are known by hand: rollups and red flags must agree with them.</summary>
public sealed class RollupAndRedFlagTests : IAsyncLifetime
{
    // 2024-11-23 16:30 UTC: 23:30 WIB on the 23rd, but already 00:30 WITA on the 24th.
    private readonly TestDatabase _db = new(new DateTimeOffset(2024, 11, 23, 16, 30, 0, TimeSpan.Zero));
    private int _election;
    private int _votingStage;

    [Fact]
    public async Task Rollups_for_a_regency_a_province_and_the_nation_equal_the_hand_computed_counts()
    {
        await AddAsync("64.02", "A", ItemStatus.Ready);
        await AddAsync("64.02", "B", ItemStatus.Blocked);
        await AddAsync("64.02.01", "C", ItemStatus.NotStarted);
        await AddAsync("64.71", "D", ItemStatus.Ready);
        await AddAsync("52.71", "E", ItemStatus.InProgress);
        var board = _db.Get<ReadinessBoard>();

        foreach (var (region, expected) in new (string, ReadinessCounts)[]
                 {
                     ("64.02.01", new(1, 0, 0, 0)),
                     ("64.02", new(1, 0, 1, 1)),
                     ("64", new(1, 0, 2, 1)),
                     ("", new(1, 1, 2, 1)),
                 })
        {
            if (region.Length > 0)
            {
                Assert.Equal(expected, (await _db.Readiness.ForRegionAsync(TestDatabase.Admin, _election, region)).Overall);
            }

            Assert.Equal(expected, (await board.ReadinessAsync(TestDatabase.Admin, _election, region)).Overall);
        }

        Assert.Equal(new ReadinessCounts(1, 0, 1, 1), (await board.ReadinessAsync(TestDatabase.Admin, _election, "64.02")).For("POLRI"));
        Assert.Equal(0.5, (await board.ReadinessAsync(TestDatabase.Admin, _election, "64")).Overall.ReadyShare);
    }

    [Fact]
    public async Task Overdue_follows_the_date_in_the_regions_own_time_zone()
    {
        var dueToday = new DateOnly(2024, 11, 23);
        var kukar = await AddAsync("64.02", "Kukar, due the 23rd", ItemStatus.InProgress, dueToday); // WITA: already the 24th
        var bengkulu = await AddAsync("17.71", "Bengkulu, due the 23rd", ItemStatus.InProgress, dueToday); // WIB: still the 23rd

        var flags = (await _db.Get<RedFlagStore>().ForRegionAsync(TestDatabase.Admin, _election, "")).Flags;

        Assert.Contains(flags, f => f.View.Item.Id == kukar.Id && f.Kind == RedFlagKind.Overdue);
        Assert.DoesNotContain(flags, f => f.View.Item.Id == bengkulu.Id);

        _db.Time.Advance(TimeSpan.FromMinutes(31)); // 00:01 WIB on the 24th
        flags = (await _db.Get<RedFlagStore>().ForRegionAsync(TestDatabase.Admin, _election, "")).Flags;
        Assert.Contains(flags, f => f.View.Item.Id == bengkulu.Id && f.Kind == RedFlagKind.Overdue);
    }

    [Fact]
    public async Task Overdue_counts_per_kecamatan_agree_with_the_overdue_red_flags()
    {
        var yesterday = new DateOnly(2024, 11, 23); // WITA is already on the 24th
        await AddAsync("64.02.05", "Lewat 1", ItemStatus.InProgress, yesterday);
        await AddAsync("64.02.05", "Lewat 2", ItemStatus.NotStarted, yesterday);
        await AddAsync("64.02.05", "Kendala, lewat", ItemStatus.Blocked, yesterday); // a Kendala flag, not an overdue one
        await AddAsync("64.02.05", "Siap, lewat", ItemStatus.Ready, yesterday);
        await AddAsync("64.02.01", "Lewat 3", ItemStatus.InProgress, yesterday);
        await AddAsync("64.02.01", "Belum jatuh tempo", ItemStatus.InProgress, yesterday.AddDays(5));
        await AddAsync("64.02", "Tingkat kabupaten, lewat", ItemStatus.InProgress, yesterday); // of no kecamatan
        var store = _db.Get<RedFlagStore>();

        var byKecamatan = await store.OverdueByChildAsync(TestDatabase.Admin, _election, "64.02");
        var byRegency = await store.OverdueByChildAsync(TestDatabase.Admin, _election, "64");
        var report = await store.ForRegionAsync(TestDatabase.Admin, _election, "64.02");

        Assert.Equal(new Dictionary<string, int> { ["64.02.05"] = 2, ["64.02.01"] = 1 }, byKecamatan);
        Assert.Equal(new Dictionary<string, int> { ["64.02"] = 4 }, byRegency);
        Assert.Equal(report.Overdue, byRegency["64.02"]);
    }

    [Fact]
    public async Task Overdue_counts_are_refused_outside_the_actors_scope()
    {
        var liaison = TestDatabase.Liaison("KPU", "52.71");

        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Get<RedFlagStore>().OverdueByChildAsync(liaison, _election, "64.02"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Get<RedFlagStore>().OverdueByChildAsync(liaison, _election, ""));
    }

    [Fact]
    public async Task Critical_items_due_within_three_days_are_flagged_and_ready_ones_never()
    {
        var todayWib = new DateOnly(2024, 11, 23);
        var inThree = await AddAsync("17.71", "Kritis, H+3", ItemStatus.NotStarted, todayWib.AddDays(3), Criticality.Critical);
        var inFour = await AddAsync("17.71", "Kritis, H+4", ItemStatus.NotStarted, todayWib.AddDays(4), Criticality.Critical);
        var notCritical = await AddAsync("17.71", "Penting, H+1", ItemStatus.NotStarted, todayWib.AddDays(1), Criticality.Important);
        var ready = await AddAsync("17.71", "Siap tapi lewat", ItemStatus.Ready, todayWib.AddDays(-5), Criticality.Critical);

        var report = await _db.Get<RedFlagStore>().ForRegionAsync(TestDatabase.Admin, _election, "17.71");

        Assert.Contains(report.Flags, f => f.View.Item.Id == inThree.Id && f.Kind == RedFlagKind.DueSoon);
        Assert.DoesNotContain(report.Flags, f => f.View.Item.Id == inFour.Id || f.View.Item.Id == notCritical.Id || f.View.Item.Id == ready.Id);
        Assert.Equal((0, 0, 1), (report.Blocked, report.Overdue, report.DueSoon));
    }

    [Fact]
    public async Task Red_flags_put_high_risk_regencies_first_then_blocked_overdue_and_due_soon()
    {
        await AddAsync("17.71", "Bengkulu kendala", ItemStatus.Blocked);
        await AddAsync("64.02.01", "Kukar lewat", ItemStatus.NotStarted, new DateOnly(2024, 11, 1));
        await AddAsync("64.02", "Kukar kendala", ItemStatus.Blocked);
        var regions = _db.Regions;
        await regions.SetRiskLevelAsync(TestDatabase.Admin, "64.02", RiskLevel.High);
        await regions.SetRiskLevelAsync(TestDatabase.Admin, "17.71", RiskLevel.Low);

        var report = await _db.Get<RedFlagStore>().ForRegionAsync(TestDatabase.Admin, _election, "");

        Assert.Equal(["Kukar kendala", "Kukar lewat", "Bengkulu kendala"], report.Flags.Select(f => f.View.Item.Title));
        Assert.Equal(RiskLevel.High, report.Flags[0].RiskLevel);
        Assert.Equal((2, 1, 0), (report.Blocked, report.Overdue, report.DueSoon));
    }

    [Fact]
    public async Task Risk_level_is_set_by_admins_and_leaders_in_scope_only()
    {
        var leader = new Actor { Name = "pimpinan", Role = Roles.Leader, Scopes = ["64.02"] };
        var liaison = TestDatabase.Liaison("KPU", "64.02");

        await _db.Regions.SetRiskLevelAsync(leader, "64.02", RiskLevel.High);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Regions.SetRiskLevelAsync(leader, "17.71", RiskLevel.High));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Regions.SetRiskLevelAsync(liaison, "64.02", RiskLevel.Low));
        var invalid = await Assert.ThrowsAsync<InputException>(() => _db.Regions.SetRiskLevelAsync(TestDatabase.Admin, "64.02", "parah"));
        await Assert.ThrowsAsync<InputException>(() => _db.Regions.SetRiskLevelAsync(TestDatabase.Admin, "64.02.01", RiskLevel.Low));

        Assert.Equal(InputException.RiskLevelInvalid, invalid.Key);
        Assert.Equal(RiskLevel.High, (await _db.Regions.FindAsync("64.02"))!.RiskLevel);
        Assert.Null((await _db.Regions.FindAsync("17.71"))!.RiskLevel);
    }

    private async Task<ChecklistItem> AddAsync(string region, string title, string status, DateOnly? due = null, string criticality = Criticality.Normal)
    {
        var liaison = TestDatabase.Liaison("POLRI", "64", "52", "17");
        var stage = (await _db.Elections.StagesAsync(_election)).Single(s => s.Id == _votingStage);
        var item = await _db.Checklists.AddItemAsync(liaison,
            new NewItem(_election, region, _votingStage, title, due ?? stage.EndDate, criticality), Guid.NewGuid());
        if (status == ItemStatus.NotStarted)
        {
            return item;
        }

        var saved = (SaveResult.Saved)await _db.Checklists.ChangeStatusAsync(liaison,
            new StatusChange(item.Id, item.Version, status, status == ItemStatus.Blocked ? "terhambat" : null, Guid.NewGuid()));
        return saved.Item;
    }

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        _votingStage = (await _db.Elections.StagesAsync(_election)).Single(s => s.Code == "REKAP").Id;
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
