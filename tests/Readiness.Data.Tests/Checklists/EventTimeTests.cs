using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Readiness.Data.Checklists;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Checklists;

/// <summary>
/// An event's time is read once the save holds the write lock: a save that waited for another writer is stamped
/// when it was stored, so the history's time order is its sequence order.
/// </summary>
public sealed class EventTimeTests : IAsyncLifetime
{
    private readonly LockProbingClock _clock = new(new DateTimeOffset(2024, 11, 23, 3, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db;
    private int _election;

    public EventTimeTests() => _db = new TestDatabase(_clock);

    [Fact]
    public async Task A_status_change_reads_the_clock_only_while_it_holds_the_write_lock()
    {
        var item = await ItemAsync();
        var liaison = TestDatabase.Liaison("KPU", "64.02");

        _clock.StartObserving(_db.FilePath);
        var saved = (SaveResult.Saved)await _db.Checklists.ChangeStatusAsync(liaison,
            new StatusChange(item.Id, item.Version, ItemStatus.InProgress, null, Guid.NewGuid()));
        var reads = _clock.StopObserving();

        Assert.NotEmpty(reads);
        Assert.True(reads.All(held => held), "the save read the clock before it held the write lock: a save that waits would be stamped with the time it was tapped");
        await using var connection = await _db.Factory.OpenAsync();
        var at = await connection.ExecuteScalarAsync<string>("SELECT AtUtc FROM ItemEvents WHERE Seq = @Seq;", new { saved.Seq });
        Assert.Equal(saved.Item.UpdatedAtUtc.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Fact]
    public async Task An_added_item_reads_the_clock_only_while_it_holds_the_write_lock()
    {
        var stage = (await _db.Elections.StagesAsync(_election)).Single(s => s.Code == "REKAP");

        _clock.StartObserving(_db.FilePath);
        await _db.Checklists.AddItemAsync(TestDatabase.Liaison("KPU", "64.02"),
            new NewItem(_election, "64.02", stage.Id, "Butir tambahan", stage.EndDate, Criticality.Normal), Guid.NewGuid());
        var reads = _clock.StopObserving();

        Assert.NotEmpty(reads);
        Assert.All(reads, Assert.True);
    }

    [Fact]
    public async Task Over_many_saves_the_event_log_read_in_sequence_order_is_in_time_order()
    {
        var liaison = TestDatabase.Liaison("KPU", "64.02");
        var items = (await _db.Checklists.ListForLiaisonAsync(liaison, _election)).Take(20).ToList();
        foreach (var view in items)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(37));
            await _db.Checklists.ChangeStatusAsync(liaison, new StatusChange(view.Item.Id, view.Item.Version, ItemStatus.Ready, null, Guid.NewGuid()));
        }

        await using var connection = await _db.Factory.OpenAsync();
        var times = (await connection.QueryAsync<string>("SELECT AtUtc FROM ItemEvents ORDER BY Seq;")).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
    }

    private async Task<ChecklistItem> ItemAsync()
    {
        await using var connection = await _db.Factory.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM ChecklistItems WHERE RegionCode = '64.02' AND AgencyCode = 'KPU';");
        return (await _db.Checklists.FindAsync(id))!;
    }

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "64.02");
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A fake clock that, while observing, notes at every read whether some connection holds the database's write
    /// lock: it tries to take the lock itself without waiting, and a refusal means it is held.
    /// </summary>
    private sealed class LockProbingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly List<bool> _reads = [];
        private string? _file;

        public void StartObserving(string file) => _file = file;

        public IReadOnlyList<bool> StopObserving()
        {
            _file = null;
            return [.. _reads];
        }

        public override DateTimeOffset GetUtcNow()
        {
            if (_file is { } file)
            {
                _reads.Add(WriteLockIsHeld(file));
            }

            return base.GetUtcNow();
        }

        private static bool WriteLockIsHeld(string file)
        {
            using var probe = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
            probe.Open();
            SQLitePCL.raw.sqlite3_busy_timeout(probe.Handle, 0);
            var rc = SQLitePCL.raw.sqlite3_exec(probe.Handle, "BEGIN IMMEDIATE;");
            if (rc == SQLitePCL.raw.SQLITE_OK)
            {
                SQLitePCL.raw.sqlite3_exec(probe.Handle, "ROLLBACK;");
                return false;
            }

            return rc == SQLitePCL.raw.SQLITE_BUSY;
        }
    }
}
