using Dapper;
using Readiness.Data.Checklists;
using Readiness.Data.Figures;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Figures;

/// <summary>
/// What a target that follows a figure does when the figure goes down: never below what is done without saying so
/// ("46/45 TPS", flagged for the liaison to correct, the count never lowered for them), and a kecamatan with no TPS
/// gives a target of 0, not the old target left fixed nor none at all.
/// </summary>
public sealed class FigureTargetRuleTests : IAsyncLifetime
{
    private const string Regency = "17.71";
    private const string Kecamatan = "17.71.01";
    private readonly TestDatabase _db = new();
    private int _election;

    private FigureStore Store => _db.Get<FigureStore>();

    [Fact]
    public async Task A_TPS_count_lowered_below_what_is_done_keeps_the_count_and_flags_it_over_target_until_the_liaison_corrects_it()
    {
        var kpu = TestDatabase.Liaison("KPU", Regency);
        var first = Assert.IsType<FigureSaveResult.Saved>(await Store.SetTpsAsync(kpu, _election, Kecamatan, 46, 0, Guid.NewGuid()));
        var kpps = await ItemAsync("KPU-03", Kecamatan);
        var done = Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(kpu,
            new StatusChange(kpps.Id, kpps.Version, ItemStatus.Ready, null, Guid.NewGuid(), Done: 46)));
        Assert.False(done.Item.OverTarget);

        Assert.IsType<FigureSaveResult.Saved>(await Store.SetTpsAsync(kpu, _election, Kecamatan, 45, first.Figures.Version, Guid.NewGuid()));

        var after = (await _db.Checklists.FindAsync(kpps.Id))!;
        Assert.Equal(("46/45 TPS", 46, true), (after.NumberText, after.Done, after.OverTarget));
        Assert.Equal(ItemStatus.Ready, after.Status);

        // A note alone is saved: the liaison is not locked out of the item by a number they did not change.
        var noted = Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(kpu,
            new StatusChange(after.Id, after.Version, ItemStatus.Ready, "Satu TPS digabung", Guid.NewGuid())));
        Assert.True(noted.Item.OverTarget);

        // A number saved again must fit the new target: said in words, nothing written.
        var refused = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.ChangeStatusAsync(kpu,
            new StatusChange(noted.Item.Id, noted.Item.Version, ItemStatus.Ready, "Satu TPS digabung", Guid.NewGuid(), Done: 46)));
        Assert.Equal(InputException.DoneAboveTarget, refused.Key);

        var corrected = Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(kpu,
            new StatusChange(noted.Item.Id, noted.Item.Version, ItemStatus.Ready, "Satu TPS digabung", Guid.NewGuid(), Done: 45)));
        Assert.Equal(("45/45 TPS", false), (corrected.Item.NumberText, corrected.Item.OverTarget));
    }

    [Fact]
    public void An_item_that_allows_more_is_never_over_its_target_and_one_without_a_number_neither()
    {
        Assert.True(ItemNumbers.IsOverTarget(46, 45, allowOver: false));
        Assert.True(ItemNumbers.IsOverTarget(1, 0, allowOver: false));
        Assert.False(ItemNumbers.IsOverTarget(45, 45, allowOver: false));
        Assert.False(ItemNumbers.IsOverTarget(12, 10, allowOver: true));
        Assert.False(ItemNumbers.IsOverTarget(null, 10, allowOver: false));
        Assert.False(ItemNumbers.IsOverTarget(5, null, allowOver: false));
    }

    [Fact]
    public async Task A_kecamatan_with_no_TPS_gives_its_items_a_target_of_zero_that_a_liaison_cannot_type_but_can_meet()
    {
        var kpu = TestDatabase.Liaison("KPU", Regency);
        var first = Assert.IsType<FigureSaveResult.Saved>(await Store.SetTpsAsync(kpu, _election, Kecamatan, 40, 0, Guid.NewGuid()));
        Assert.IsType<FigureSaveResult.Saved>(await Store.SetTpsAsync(kpu, _election, Kecamatan, 0, first.Figures.Version, Guid.NewGuid()));

        var kpps = await ItemAsync("KPU-03", Kecamatan);
        Assert.Equal((0, true, "-/0 TPS"), (kpps.Target, kpps.TargetFixed, kpps.NumberText));
        Assert.Equal(0, (await _db.Checklists.HistoryAsync(TestDatabase.Admin, kpps.Id))[0].Target);

        var met = Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(kpu,
            new StatusChange(kpps.Id, kpps.Version, ItemStatus.Ready, null, Guid.NewGuid(), Done: 0)));
        Assert.Equal(("0/0 TPS", false), (met.Item.NumberText, met.Item.OverTarget));
        var above = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.ChangeStatusAsync(kpu,
            new StatusChange(met.Item.Id, met.Item.Version, ItemStatus.Ready, null, Guid.NewGuid(), Done: 1)));
        Assert.Equal(InputException.DoneAboveTarget, above.Key);

        // A liaison still cannot make up a target of 0 on an item whose target is theirs to enter.
        Assert.Throws<InputException>(() => ItemNumbers.Validate(0, 0, allowOver: false));
    }

    [Fact]
    public async Task Items_made_in_a_kecamatan_with_no_TPS_start_with_a_target_of_zero()
    {
        await Store.SetTpsAsync(TestDatabase.Liaison("KPU", "52.71"), _election, "52.71.01", 0, 0, Guid.NewGuid());
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "52.71");

        var ptps = await ItemAsync("BAWASLU-02", "52.71.01");
        Assert.Equal((0, true, "-/0 TPS"), (ptps.Target, ptps.TargetFixed, ptps.NumberText));
    }

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
