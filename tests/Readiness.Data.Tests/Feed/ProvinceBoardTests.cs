using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Feed;

/// <summary>
/// A province's own items (the governor's election) lie under no regency: the board counts them in the province and
/// the nation, never in a regency of the province, and keeps them live as it does a regency's, equal to the database.
/// </summary>
public sealed class ProvinceBoardTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private int _election;

    [Fact]
    public async Task Province_items_count_in_the_province_and_the_nation_live_and_never_in_a_regency()
    {
        var pump = _db.Get<FeedPump>();
        var board = _db.Get<ReadinessBoard>();
        await pump.InitializeAsync(CancellationToken.None);
        foreach (var region in new[] { "17", "17.71", "" })
        {
            await board.ReadinessAsync(TestDatabase.Admin, _election, region); // loaded before the changes
        }

        var polda = (await _db.Get<TaskQuery>().ListAsync(TestDatabase.Liaison("POLRI", "17"), _election,
            new TaskFilter { View = TaskView.All, Region = "17", Text = "tingkat Polda" })).Items.Single().Item;
        Assert.Equal("17", polda.RegionCode);
        Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison("POLRI", "17"),
            new StatusChange(polda.Id, polda.Version, ItemStatus.Ready, null, Guid.NewGuid())));
        await pump.DrainAsync(CancellationToken.None);

        foreach (var region in new[] { "17", "17.71", "17.71.01" })
        {
            var expected = await _db.Readiness.ForRegionAsync(TestDatabase.Admin, _election, region);
            var actual = await board.ReadinessAsync(TestDatabase.Admin, _election, region);
            Assert.Equal(expected.Overall, actual.Overall);
            Assert.Equal(expected.For("POLRI"), actual.For("POLRI"));
        }

        var province = await board.ReadinessAsync(TestDatabase.Admin, _election, "17");
        var regency = await board.ReadinessAsync(TestDatabase.Admin, _election, "17.71");
        var nation = await board.ReadinessAsync(TestDatabase.Admin, _election, "");
        Assert.Equal(regency.Overall.Total + _provinceItems, province.Overall.Total);
        Assert.Equal(province.Overall, nation.Overall); // nothing else is applied in the nation
        Assert.Equal(1, province.For("POLRI").Ready - regency.For("POLRI").Ready);
    }

    private int _provinceItems;

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");
        _provinceItems = await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17");
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
