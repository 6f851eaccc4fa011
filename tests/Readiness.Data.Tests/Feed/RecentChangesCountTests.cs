using Dapper;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Feed;

/// <summary>
/// The brief lists the five latest changes of the last 24 hours and says how many more there are: the count is of
/// the same changes (status changes under the region, since the given moment) without the limit.
/// </summary>
public sealed class RecentChangesCountTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private int _election;

    [Fact]
    public async Task Thirty_changes_in_the_last_day_are_counted_while_five_are_listed_and_older_ones_are_not()
    {
        var items = await ItemsAsync("KPU");
        await ChangeAsync(items, 2); // a day and more before the brief: not counted
        _db.Time.Advance(TimeSpan.FromHours(25));
        await ChangeAsync(items, 30);
        var since = _db.Time.GetUtcNow().UtcDateTime.AddHours(-24);
        var leader = new Readiness.Data.Accounts.Actor { Name = "pimpinan", Role = Readiness.Data.Accounts.Roles.Leader, Scopes = ["17.71"] };

        var listed = await _db.Get<FeedStore>().RecentAsync(leader, "17.71", 5, since);
        var count = await _db.Get<FeedStore>().CountRecentAsync(leader, "17.71", since);

        Assert.Equal(5, listed.Count);
        Assert.Equal(30, count);
        Assert.Equal(0, await _db.Get<FeedStore>().CountRecentAsync(leader, "17.71.01", since.AddHours(24).AddSeconds(1)));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _db.Get<FeedStore>().CountRecentAsync(leader with { Scopes = ["52.71"] }, "17.71", since));
    }

    private async Task ChangeAsync(List<long> items, int count)
    {
        var liaison = TestDatabase.Liaison("KPU", "17.71");
        for (var i = 0; i < count; i++)
        {
            var item = (await _db.Checklists.FindAsync(items[i % items.Count]))!;
            var status = item.Status == ItemStatus.InProgress ? ItemStatus.Ready : ItemStatus.InProgress;
            Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(liaison, new StatusChange(item.Id, item.Version, status, null, Guid.NewGuid())));
            _db.Time.Advance(TimeSpan.FromSeconds(30));
        }
    }

    private async Task<List<long>> ItemsAsync(string agency)
    {
        await using var connection = await _db.Factory.OpenAsync();
        return (await connection.QueryAsync<long>("SELECT Id FROM ChecklistItems WHERE AgencyCode = @agency ORDER BY Id;", new { agency })).AsList();
    }

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
