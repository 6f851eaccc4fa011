using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Checklists;

public sealed class LiaisonWorkflowTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private int _election;

    [Fact]
    public async Task Liaison_list_holds_only_their_agency_in_their_scope()
    {
        var kpu = TestDatabase.Liaison("KPU", "17.71.01", "52.71");

        var items = await _db.Checklists.ListForLiaisonAsync(kpu, _election);

        Assert.NotEmpty(items);
        Assert.All(items, v => Assert.Equal("KPU", v.Item.AgencyCode));
        Assert.All(items, v => Assert.True(v.Item.RegionCode == "17.71.01" || v.Item.RegionCode.StartsWith("52.71", StringComparison.Ordinal), v.Item.RegionCode));
        Assert.Contains(items, v => v.Item.RegionCode == "17.71.01");
        Assert.DoesNotContain(items, v => v.Item.RegionCode == "17.71");
        Assert.All(items, v => Assert.False(string.IsNullOrEmpty(v.RegionName) || string.IsNullOrEmpty(v.StageName)));
    }

    [Fact]
    public async Task Liaison_list_filters_by_status_and_other_roles_keep_no_items()
    {
        var kpu = TestDatabase.Liaison("KPU", "17.71");
        var first = (await _db.Checklists.ListForLiaisonAsync(kpu, _election))[0].Item;
        await _db.Checklists.ChangeStatusAsync(kpu, new StatusChange(first.Id, first.Version, ItemStatus.Blocked, "Gudang banjir", Guid.NewGuid()));

        var blocked = await _db.Checklists.ListForLiaisonAsync(kpu, _election, ItemStatus.Blocked);
        var leader = await _db.Checklists.ListForLiaisonAsync(new Actor { Name = "p", Role = Roles.Leader, Scopes = ["17.71"] }, _election);

        Assert.Equal([first.Id], blocked.Select(v => v.Item.Id));
        Assert.Empty(leader);
        await Assert.ThrowsAsync<InputException>(() => _db.Checklists.ListForLiaisonAsync(kpu, _election, "semua"));
    }

    [Fact]
    public async Task History_lists_every_change_newest_first_with_who_and_what()
    {
        var polri = TestDatabase.Liaison("POLRI", "17.71");
        var item = (await _db.Checklists.ListForLiaisonAsync(polri, _election))[0].Item;
        var saved = (SaveResult.Saved)await _db.Checklists.ChangeStatusAsync(polri, new StatusChange(item.Id, item.Version, ItemStatus.InProgress, "Apel gelar pasukan", Guid.NewGuid()));
        _db.Time.Advance(TimeSpan.FromHours(2));
        await _db.Checklists.ChangeStatusAsync(polri, new StatusChange(item.Id, saved.Item.Version, ItemStatus.Ready, null, Guid.NewGuid()));

        var history = await _db.Checklists.HistoryAsync(new Actor { Name = "p", Role = Roles.Leader, Scopes = ["17"] }, item.Id);

        Assert.Equal([ItemStatus.Ready, ItemStatus.InProgress, ItemStatus.NotStarted], history.Select(e => e.StatusAfter));
        Assert.Equal(ItemStatus.InProgress, history[0].StatusBefore);
        Assert.Equal("Apel gelar pasukan", history[1].Note);
        Assert.Equal(polri.Name, history[0].Actor);
        Assert.Equal(TimeSpan.FromHours(2), history[0].AtUtc - history[1].AtUtc);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _db.Checklists.HistoryAsync(new Actor { Name = "x", Role = Roles.Viewer, Scopes = ["52"] }, item.Id));
    }

    [Fact]
    public async Task Liaison_adds_an_item_of_their_agency_that_is_journaled()
    {
        var tni = TestDatabase.Liaison("TNI", "17.71");
        var stage = (await _db.Elections.StagesAsync(_election)).Single(s => s.Code == "PEMUNGUTAN");

        var item = await _db.Checklists.AddItemAsync(tni, new NewItem(_election, "17.71.03", stage.Id, "Perahu karet siaga di bantaran sungai",
            stage.EndDate.AddDays(-2), Criticality.Critical), Guid.NewGuid());

        Assert.Equal(("TNI", ItemStatus.NotStarted, 1), (item.AgencyCode, item.Status, item.Version));
        var history = await _db.Checklists.HistoryAsync(tni, item.Id);
        Assert.Single(history);
        Assert.Null(history[0].StatusBefore);
    }

    [Fact]
    public async Task Adding_an_item_outside_scope_or_with_bad_input_is_refused_and_writes_nothing()
    {
        var tni = TestDatabase.Liaison("TNI", "17.71");
        var stage = (await _db.Elections.StagesAsync(_election)).Single(s => s.Code == "PEMUNGUTAN");
        var before = await CountAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Checklists.AddItemAsync(tni,
            new NewItem(_election, "52.71", stage.Id, "Di luar wilayah", stage.EndDate, Criticality.Normal), Guid.NewGuid()));
        var emptyTitle = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.AddItemAsync(tni,
            new NewItem(_election, "17.71", stage.Id, "   ", stage.EndDate, Criticality.Normal), Guid.NewGuid()));
        var lateDue = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.AddItemAsync(tni,
            new NewItem(_election, "17.71", stage.Id, "Terlambat", stage.EndDate.AddDays(1), Criticality.Normal), Guid.NewGuid()));
        var badCriticality = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.AddItemAsync(tni,
            new NewItem(_election, "17.71", stage.Id, "Judul", stage.EndDate, "darurat"), Guid.NewGuid()));

        Assert.Equal(InputException.TitleInvalid, emptyTitle.Key);
        Assert.Equal(InputException.DueDateInvalid, lateDue.Key);
        Assert.Equal(InputException.CriticalityInvalid, badCriticality.Key);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Export_gives_leaders_every_agency_liaisons_their_own_and_refuses_viewers()
    {
        var leader = new Actor { Name = "pimpinan", Role = Roles.Leader, Scopes = ["17.71"] };
        var kpu = TestDatabase.Liaison("KPU", "17.71");
        var viewer = new Actor { Name = "pemantau", Role = Roles.Viewer, Scopes = ["17.71"] };

        var all = await _db.Checklists.ListForExportAsync(leader, _election, "17.71");
        var own = await _db.Checklists.ListForExportAsync(kpu, _election, "17.71");

        Assert.Equal(5, all.Select(v => v.Item.AgencyCode).Distinct().Count());
        Assert.All(own, v => Assert.Equal("KPU", v.Item.AgencyCode));
        Assert.Equal(all.Count(v => v.Item.AgencyCode == "KPU"), own.Count);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Checklists.ListForExportAsync(viewer, _election, "17.71"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Checklists.ListForExportAsync(leader, _election, "52.71"));
    }

    [Fact]
    public async Task A_kecamatan_lists_its_own_items_of_every_agency_by_agency_and_no_region_under_or_beside_it()
    {
        var leader = new Actor { Name = "pimpinan", Role = Roles.Leader, Scopes = ["17.71"] };
        var kecamatan = (await _db.Checklists.ListForExportAsync(leader, _election, "17.71"))
            .Select(v => v.Item.RegionCode).First(code => code.Length > 5);
        var expected = (await _db.Checklists.ListForExportAsync(leader, _election, kecamatan)).Select(v => v.Item.Id).Order().ToList();

        var items = await _db.Checklists.ListOfRegionAsync(leader, _election, kecamatan);

        Assert.NotEmpty(items);
        Assert.All(items, v => Assert.Equal(kecamatan, v.Item.RegionCode));
        Assert.Equal(expected, items.Select(v => v.Item.Id).Order().ToList());
        Assert.True(items.Select(v => v.Item.AgencyCode).Distinct().Count() > 1);
        var agencyOrder = Readiness.Data.Agencies.Agency.All.Select(a => a.Code).ToList();
        Assert.Equal(items.Select(v => agencyOrder.IndexOf(v.Item.AgencyCode)).Order().ToList(), items.Select(v => agencyOrder.IndexOf(v.Item.AgencyCode)).ToList());
        // The regency's own list holds none of its kecamatan's items.
        Assert.All(await _db.Checklists.ListOfRegionAsync(leader, _election, "17.71"), v => Assert.Equal("17.71", v.Item.RegionCode));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Checklists.ListOfRegionAsync(
            new Actor { Name = "lain", Role = Roles.Leader, Scopes = ["52.71"] }, _election, kecamatan));
        await Assert.ThrowsAsync<InputException>(() => _db.Checklists.ListOfRegionAsync(leader, _election, "17.71'--"));
    }

    [Fact]
    public async Task Failure_between_item_and_event_leaves_neither()
    {
        var kpu = TestDatabase.Liaison("KPU", "17.71");
        var item = (await _db.Checklists.ListForLiaisonAsync(kpu, _election))[0].Item;
        await using (var connection = await _db.Factory.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TRIGGER FailEvents BEFORE INSERT ON ItemEvents BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        }

        await Assert.ThrowsAnyAsync<Exception>(() =>
            _db.Checklists.ChangeStatusAsync(kpu, new StatusChange(item.Id, item.Version, ItemStatus.Ready, "Selesai", Guid.NewGuid())));

        var after = await _db.Checklists.FindAsync(item.Id);
        Assert.Equal((item.Status, item.Note, item.Version), (after!.Status, after.Note, after.Version));
        Assert.Single(await _db.Checklists.HistoryAsync(kpu, item.Id));
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await _db.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT (SELECT COUNT(*) FROM ChecklistItems) + (SELECT COUNT(*) FROM ItemEvents);");
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
