using Readiness.Data.Feed;

namespace Readiness.Data.Tests.Feed;

public sealed class ActivityFeedTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync() => await _db.ReadyAsync();

    [Fact]
    public async Task Committed_activity_reaches_the_subscribers_of_its_region_and_above_in_order_and_rolled_back_activity_never_does()
    {
        var pump = _db.Get<FeedPump>();
        await pump.InitializeAsync(CancellationToken.None);
        var regency = new List<RegionActivity>();
        var elsewhere = new List<RegionActivity>();
        using var a = _db.Get<ActivityFeed>().Subscribe(["64.02"], rows => Add(regency, rows));
        using var b = _db.Get<ActivityFeed>().Subscribe(["52"], rows => Add(elsewhere, rows));

        await AppendAsync("64.02.05", ActivityKinds.Kamtibmas, 1, commit: true);
        await AppendAsync("64.02", ActivityKinds.Netralitas, 2, commit: false);
        await AppendAsync("64.02", ActivityKinds.Koordinasi, 3, commit: true);
        Assert.Equal(2, await pump.DrainActivityAsync(CancellationToken.None));

        await WaitForAsync(() => Count(regency) == 2);
        lock (regency)
        {
            Assert.Equal([ActivityKinds.Kamtibmas, ActivityKinds.Koordinasi], regency.Select(r => r.Kind));
            Assert.Equal(["64.02.05", "64.02"], regency.Select(r => r.RegionCode));
            Assert.True(regency[0].Seq < regency[1].Seq);
        }

        Assert.Equal(0, await pump.DrainActivityAsync(CancellationToken.None));
        Assert.Equal(0, Count(elsewhere));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => AppendAsync("64.02", "gosip", null, commit: true));
    }

    private async Task AppendAsync(string region, string kind, long? subject, bool commit)
    {
        await using var connection = await _db.Factory.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ActivityLog.AppendAsync(connection, transaction, new ActivityEntry
        {
            RegionCode = region, Kind = kind, SubjectId = subject, Actor = "penghubung.polri",
            AtUtc = _db.Time.GetUtcNow().UtcDateTime, OperationId = Guid.NewGuid(),
        });
        if (commit)
        {
            await transaction.CommitAsync();
        }
    }

    private static Task Add(List<RegionActivity> list, IReadOnlyList<RegionActivity> rows)
    {
        lock (list)
        {
            list.AddRange(rows);
        }

        return Task.CompletedTask;
    }

    private static int Count(List<RegionActivity> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
