using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Feed;

public sealed class FeedPumpTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private int _election;

    [Fact]
    public async Task Pump_never_reads_past_a_bound_held_back_by_an_open_transaction_and_loses_nothing()
    {
        var store = new HoldingFeedStore(_db.Factory);
        var live = new LiveFeed(NullLogger<LiveFeed>.Instance);
        var pump = NewPump(store, live);
        await pump.InitializeAsync(CancellationToken.None);
        var received = new List<long>();
        using var subscription = live.Subscribe([], events =>
        {
            lock (received)
            {
                received.AddRange(events.Select(e => e.Seq));
            }

            return Task.CompletedTask;
        });
        var seqs = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            seqs.Add(await ChangeAnyAsync(i));
        }

        // As on SQL Server: the second event's transaction is still open, so the bound stops below it even though
        // the third has committed.
        store.HeldSeq = seqs[1];
        await pump.DrainAsync(CancellationToken.None);
        Assert.Equal([seqs[0]], Snapshot(received));
        Assert.Equal(seqs[0], pump.Counters.LastSeq);

        store.HeldSeq = null;
        await pump.DrainAsync(CancellationToken.None);

        Assert.Equal(seqs, Snapshot(received));
    }

    [Fact]
    public async Task Twenty_subscribers_cost_no_more_queries_than_none()
    {
        var live = _db.Get<LiveFeed>();
        var pump = NewPump(_db.Get<FeedStore>(), live);
        await pump.InitializeAsync(CancellationToken.None);
        var deliveries = new int[20];
        var subscriptions = Enumerable.Range(0, 20).Select(i => live.Subscribe(i % 2 == 0 ? ["17.71"] : ["17"], events =>
        {
            Interlocked.Add(ref deliveries[i], events.Count);
            return Task.CompletedTask;
        })).ToList();
        var before = pump.Counters.Queries;

        for (var i = 0; i < 10; i++)
        {
            await ChangeAnyAsync(i);
            await pump.DrainAsync(CancellationToken.None);
        }

        Assert.Equal(10, pump.Counters.Queries - before);
        Assert.Equal(10, pump.Counters.EventsApplied);
        await WaitForAsync(() => deliveries.All(d => d == 10));
        subscriptions.ForEach(s => s.Dispose());
        Assert.Equal(0, live.SubscriberCount);
    }

    [Fact]
    public async Task Subscriber_gets_only_events_under_its_region_prefix()
    {
        var live = _db.Get<LiveFeed>();
        var pump = NewPump(_db.Get<FeedStore>(), live);
        await pump.InitializeAsync(CancellationToken.None);
        var regions = new List<string>();
        using var subscription = live.Subscribe(["17.71.01"], events =>
        {
            lock (regions)
            {
                regions.AddRange(events.Select(e => e.RegionCode));
            }

            return Task.CompletedTask;
        });

        await ChangeAsync("17.71.01");
        await ChangeAsync("17.71.02");
        await pump.DrainAsync(CancellationToken.None);

        await WaitForAsync(() => Snapshot(regions).Count == 1);
        Assert.Equal(["17.71.01"], Snapshot(regions));
    }

    [Fact]
    public async Task Counters_say_how_long_after_the_save_every_subscriber_had_taken_the_batch()
    {
        var live = _db.Get<LiveFeed>();
        var pump = NewPump(_db.Get<FeedStore>(), live);
        await pump.InitializeAsync(CancellationToken.None);
        var slow = new TaskCompletionSource();
        using var quick = live.Subscribe([], _ => Task.CompletedTask);
        using var screen = live.Subscribe(["17.71"], _ => slow.Task);

        await ChangeAsync("17.71.01");
        _db.Time.Advance(TimeSpan.FromSeconds(3));
        await pump.DrainAsync(CancellationToken.None);

        // One subscriber has not taken it yet: nothing is said until every one has.
        Assert.Null(pump.Counters.DeliveredSeconds);
        _db.Time.Advance(TimeSpan.FromSeconds(2));
        slow.SetResult();
        await WaitForAsync(() => pump.Counters.DeliveredSeconds is not null);
        Assert.Equal(5.0, pump.Counters.DeliveredSeconds);
    }

    [Fact]
    public async Task An_older_batch_taken_after_a_newer_one_does_not_replace_its_figure()
    {
        var live = _db.Get<LiveFeed>();
        var pump = NewPump(_db.Get<FeedStore>(), live);
        await pump.InitializeAsync(CancellationToken.None);
        var slow = new TaskCompletionSource();
        var calls = 0;
        using var screen = live.Subscribe([], _ => Interlocked.Increment(ref calls) == 1 ? slow.Task : Task.CompletedTask);

        await ChangeAsync("17.71.01");
        await pump.DrainAsync(CancellationToken.None); // the first batch is held by the screen
        _db.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await ChangeAsync("17.71.01");
        _db.Time.Advance(TimeSpan.FromSeconds(2));
        await pump.DrainAsync(CancellationToken.None);
        await WaitForAsync(() => pump.Counters.DeliveredSeq == second);
        Assert.Equal(2.0, pump.Counters.DeliveredSeconds);

        slow.SetResult();
        await Task.Delay(50);

        Assert.Equal((2.0, second), (pump.Counters.DeliveredSeconds!.Value, pump.Counters.DeliveredSeq));
    }

    private FeedPump NewPump(FeedStore store, LiveFeed live) =>
        new(store, new ReadinessBoard(_db.Factory, store, NullLogger<ReadinessBoard>.Instance), live, new ActivityLog(_db.Factory),
            new ActivityFeed(NullLogger<ActivityFeed>.Instance), new FeedSignal(_db.Time), _db.Time, Options.Create(new FeedOptions()),
            NullLogger<FeedPump>.Instance);

    private async Task<long> ChangeAnyAsync(int i) => await ChangeAsync(i % 2 == 0 ? "17.71.01" : "17.71");

    private async Task<long> ChangeAsync(string region)
    {
        await using var connection = await _db.Factory.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            "SELECT Id FROM ChecklistItems WHERE RegionCode = @region ORDER BY Version, Id LIMIT 1;", new { region });
        var item = (await _db.Checklists.FindAsync(id))!;
        var next = item.Status == ItemStatus.Ready ? ItemStatus.InProgress : ItemStatus.Ready;
        var saved = (SaveResult.Saved)await _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison(item.AgencyCode, "17.71"),
            new StatusChange(item.Id, item.Version, next, null, Guid.NewGuid()));
        return saved.Seq;
    }

    private static List<T> Snapshot<T>(List<T> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        // Deliveries run off the pump's thread; wait for the condition itself, bounded.
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
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

    /// <summary>A feed store whose bound stops below <see cref="HeldSeq"/>, as SQL Server's does while that event's transaction is open.</summary>
    private sealed class HoldingFeedStore(ConnectionFactory factory) : FeedStore(factory, NullLogger<FeedStore>.Instance)
    {
        public long? HeldSeq { get; set; }

        public override async Task<IReadOnlyList<FeedEvent>> ReadAsync(long afterSeq, CancellationToken cancellationToken)
        {
            var events = await base.ReadAsync(afterSeq, cancellationToken);
            return HeldSeq is { } held ? events.Where(e => e.Seq < held).ToList() : events;
        }
    }
}
