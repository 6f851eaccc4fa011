using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Bench;

/// <summary>
/// The write path (version-checked item update + event in one transaction) through the store, against raw
/// Microsoft.Data.Sqlite running the same statements: what the store's own layers cost.
/// </summary>
[MemoryDiagnoser]
public class WritePathBenchmarks
{
    private string _path = "";
    private BenchDatabase _db = null!;
    private ChecklistStore _store = null!;
    private IReadOnlyList<string> _scopes = [];
    private long _itemId;
    private long _rawItemId;
    private string _connectionString = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _path = Path.Combine(Path.GetTempPath(), "readiness-bench", Guid.NewGuid().ToString("N"), "write.db");
        await NationalDataset.GenerateAsync(_path, regencyLimit: 2, TextWriter.Null);
        _db = new BenchDatabase(_path);
        _store = _db.Get<ChecklistStore>();
        _scopes = await Drills.ProvincesAsync(_db);
        var ids = await Drills.ItemIdsAsync(_db, 2);
        (_itemId, _rawItemId) = (ids[0], ids[1]);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = true }.ToString();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _db.DisposeAsync();

    [Benchmark(Baseline = true, Description = "raw Microsoft.Data.Sqlite, same statements")]
    public async Task RawSqlite()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var operation = Guid.NewGuid().ToString("D");
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Seq FROM ItemEvents WHERE OperationId = $op;";
        command.Parameters.AddWithValue("$op", operation);
        await command.ExecuteScalarAsync();
        command.Parameters.Clear();
        command.CommandText = "SELECT Id, ElectionId, RegionCode, AgencyCode, StageId, Status, Version FROM ChecklistItems WHERE Id = $id;";
        command.Parameters.AddWithValue("$id", _rawItemId);
        string region, agency, status;
        long election, stage, version;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (election, region, agency, stage, status, version) = (reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5), reader.GetInt64(6));
        }

        var next = status == "siap" ? "proses" : "siap";
        var now = DateTime.UtcNow.ToString(TypeHandlers.SqliteTimestampFormat, System.Globalization.CultureInfo.InvariantCulture);
        command.Parameters.Clear();
        command.CommandText = "UPDATE ChecklistItems SET Status = $s, Note = NULL, UpdatedAtUtc = $now, UpdatedBy = 'raw', Version = Version + 1 WHERE Id = $id AND Version = $v;";
        command.Parameters.AddWithValue("$s", next);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$id", _rawItemId);
        command.Parameters.AddWithValue("$v", version);
        await command.ExecuteNonQueryAsync();
        command.Parameters.Clear();
        command.CommandText = """
            INSERT INTO ItemEvents (ItemId, ElectionId, RegionCode, AgencyCode, StageId, StatusBefore, StatusAfter, Note, Actor, AtUtc, ItemVersion, OperationId)
            VALUES ($id, $e, $r, $a, $st, $b, $s, NULL, 'raw', $now, $v, $op);
            SELECT Seq FROM ItemEvents WHERE OperationId = $op;
            """;
        foreach (var (name, value) in new (string, object)[]
                 {
                     ("$id", _rawItemId), ("$e", election), ("$r", region), ("$a", agency), ("$st", stage), ("$b", status), ("$s", next),
                     ("$now", now), ("$v", version + 1), ("$op", operation),
                 })
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteScalarAsync();
        await transaction.CommitAsync();
    }

    [Benchmark(Description = "ChecklistStore.ChangeStatusAsync")]
    public async Task Store()
    {
        var item = (await _store.FindAsync(_itemId))!;
        var next = item.Status == ItemStatus.Ready ? ItemStatus.InProgress : ItemStatus.Ready;
        await _store.ChangeStatusAsync(BenchDatabase.Liaison(item.AgencyCode, _scopes),
            new StatusChange(item.Id, item.Version, next, null, Guid.NewGuid()));
    }
}

/// <summary>Reads with the national data set loaded (path in READINESS_BENCH_DB; generated once by run.sh).</summary>
[MemoryDiagnoser]
public class NationalReadBenchmarks
{
    private BenchDatabase _db = null!;
    private int _election;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var path = Environment.GetEnvironmentVariable("READINESS_BENCH_DB")
            ?? throw new InvalidOperationException("Set READINESS_BENCH_DB to a national data set (bench/run.sh makes one).");
        _db = new BenchDatabase(path);
        await _db.Get<DatabaseMigrator>().MigrateAsync(); // a set generated before the latest migration gets its indexes
        _election = (await _db.Get<Readiness.Data.Elections.ElectionStore>().AllAsync()).Single(e => e.IsDemo).Id;
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _db.DisposeAsync();

    /// <summary>What a regency page reads when its subtree is not yet on the board: counts, kecamatan, red flags, changes.</summary>
    [Benchmark(Description = "regency page data (64.02), cold board")]
    public async Task<int> RegencyPage() => await RegionPageData.LoadAsync(_db, _election, "64.02", freshBoard: true);

    [Benchmark(Description = "national rollup, cold board (one GROUP BY over every item)")]
    public async Task<int> NationalRollup()
    {
        var board = new ReadinessBoard(_db.Get<ConnectionFactory>(), _db.Get<FeedStore>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ReadinessBoard>.Instance);
        return (await board.ReadinessAsync(BenchDatabase.Admin, _election, "")).Overall.Total;
    }

    [Benchmark(Description = "national rollup, warm board (memory)")]
    public async Task<int> NationalRollupWarm() => (await _db.Get<ReadinessBoard>().ReadinessAsync(BenchDatabase.Admin, _election, "")).Overall.Total;
}

/// <summary>The reads a regency page makes, as RegionPage makes them.</summary>
public static class RegionPageData
{
    public static async Task<int> LoadAsync(BenchDatabase db, int electionId, string regency, bool freshBoard)
    {
        var board = freshBoard ? new ReadinessBoard(db.Get<ConnectionFactory>(), db.Get<FeedStore>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ReadinessBoard>.Instance) : db.Get<ReadinessBoard>();
        var total = (await board.ReadinessAsync(BenchDatabase.Admin, electionId, regency)).Overall.Total;
        foreach (var kecamatan in await db.Get<Readiness.Data.Regions.RegionStore>().ChildrenAsync(regency))
        {
            total += (await board.ReadinessAsync(BenchDatabase.Admin, electionId, kecamatan.Code)).Overall.Total;
        }

        var flags = await db.Get<RedFlagStore>().ForRegionAsync(BenchDatabase.Admin, electionId, regency, take: 30);
        var recent = await db.Get<FeedStore>().RecentAsync(BenchDatabase.Admin, regency, 8);
        return total + flags.Flags.Count + recent.Count;
    }
}
