using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Feed;

public sealed class ReadinessBoardTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private int _election;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2024)]
    public async Task Board_equals_a_fresh_group_by_after_hundreds_of_random_changes(int seed)
    {
        var random = new Random(seed);
        var pump = _db.Get<FeedPump>();
        var board = _db.Get<ReadinessBoard>();
        await pump.InitializeAsync(CancellationToken.None);
        await board.ReadinessAsync(TestDatabase.Admin, _election, "17.71"); // loaded before the changes
        var items = await ItemsAsync();
        var stages = await _db.Elections.StagesAsync(_election);

        for (var i = 0; i < 300; i++)
        {
            var item = (await _db.Checklists.FindAsync(items[random.Next(items.Count)]))!;
            var actor = TestDatabase.Liaison(item.AgencyCode, "17", "52");
            var status = ItemStatus.All[random.Next(ItemStatus.All.Count)];
            await _db.Checklists.ChangeStatusAsync(actor,
                new StatusChange(item.Id, item.Version, status, status == ItemStatus.Blocked ? "catatan " + i : null, Guid.NewGuid()));
            if (random.Next(25) == 0)
            {
                var region = random.Next(2) == 0 ? "17.71.02" : "52.71.01";
                var created = await _db.Checklists.AddItemAsync(TestDatabase.Liaison("POLRI", "17", "52"),
                    new NewItem(_election, region, stages[^1].Id, "Butir tambahan " + i, stages[^1].EndDate, Criticality.Normal), Guid.NewGuid());
                items.Add(created.Id);
            }

            if (random.Next(20) == 0)
            {
                await pump.DrainAsync(CancellationToken.None);
            }

            if (i == 150)
            {
                await board.ReadinessAsync(TestDatabase.Admin, _election, "52.71"); // loaded while the feed is behind
            }
        }

        await pump.DrainAsync(CancellationToken.None);

        foreach (var region in new[] { "17.71", "17.71.02", "52.71", "52.71.01" })
        {
            var expected = await _db.Readiness.ForRegionAsync(TestDatabase.Admin, _election, region);
            var actual = await board.ReadinessAsync(TestDatabase.Admin, _election, region);
            Assert.Equal(expected.Overall, actual.Overall);
            foreach (var agency in Readiness.Data.Agencies.Agency.All)
            {
                Assert.Equal(expected.For(agency.Code), actual.For(agency.Code));
            }
        }

        Assert.Equal(await SqlByAgencyAndStageAsync("17.71"), await board.ByAgencyAndStageAsync(TestDatabase.Admin, _election, "17.71"));
    }

    [Fact]
    public async Task Board_loads_a_regency_on_first_use_only()
    {
        var board = _db.Get<ReadinessBoard>();
        Assert.Equal(0, board.LoadedSubtrees);

        await board.ReadinessAsync(TestDatabase.Admin, _election, "17.71.01");
        await board.ReadinessAsync(TestDatabase.Admin, _election, "17.71");

        Assert.Equal(1, board.LoadedSubtrees);
        await board.ReadinessAsync(TestDatabase.Admin, _election, "17"); // a province loads its regencies, with or without items
        Assert.Equal(10, board.LoadedSubtrees);
    }

    private async Task<Dictionary<(string, int), ReadinessCounts>> SqlByAgencyAndStageAsync(string region)
    {
        await using var connection = await _db.Factory.OpenAsync();
        var rows = await connection.QueryAsync<(string Agency, long Stage, string Status, long Count)>("""
            SELECT AgencyCode, StageId, Status, COUNT(*) FROM ChecklistItems
            WHERE ElectionId = @election AND (RegionCode = @region OR RegionCode LIKE @like)
            GROUP BY AgencyCode, StageId, Status;
            """, new { election = _election, region, like = region + ".%" });
        var result = new Dictionary<(string, int), ReadinessCounts>();
        foreach (var (agency, stage, status, count) in rows)
        {
            result[(agency, (int)stage)] = result.GetValueOrDefault((agency, (int)stage), ReadinessCounts.Empty).Add(status, (int)count);
        }

        return result;
    }

    private async Task<List<long>> ItemsAsync()
    {
        await using var connection = await _db.Factory.OpenAsync();
        return (await connection.QueryAsync<long>("SELECT Id FROM ChecklistItems ORDER BY Id;")).ToList();
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
