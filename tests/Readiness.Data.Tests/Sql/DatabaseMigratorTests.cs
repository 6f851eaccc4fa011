using System.Text.RegularExpressions;
using Dapper;
using DbUp.Engine;
using Readiness.Data.Sql;

namespace Readiness.Data.Tests.Sql;

public sealed class DatabaseMigratorTests : IDisposable
{
    /// <summary>The last migration released while the hand-written runner journaled into SchemaJournal.</summary>
    private const int LastReleasedWithSchemaJournal = 4;

    private readonly TestDatabase _db = new();

    [Fact]
    public async Task Fresh_file_migrates_to_the_current_schema_in_name_order()
    {
        var applied = await _db.Migrations.MigrateAsync();

        var shipped = DatabaseMigrator.ShippedScripts("sqlite").Select(s => s.Name).ToList();
        Assert.True(shipped.Count >= LastReleasedWithSchemaJournal);
        Assert.Equal(shipped, applied);
        Assert.Equal(shipped.Order(StringComparer.Ordinal), applied);
        await using var connection = await _db.Factory.OpenAsync();
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table';")).ToHashSet();
        foreach (var table in new[] { "Regions", "Agencies", "Elections", "Stages", "TemplateItems", "ChecklistItems", "ItemEvents", "SchemaVersions" })
        {
            Assert.Contains(table, tables);
        }

        Assert.DoesNotContain(DatabaseMigrator.LegacyJournalTable, tables);
        Assert.Equal(shipped, await connection.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions ORDER BY SchemaVersionID;"));
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        Assert.Empty(await _db.Migrations.PendingAsync());
    }

    [Fact]
    public async Task Second_run_applies_nothing()
    {
        await _db.Migrations.MigrateAsync();

        var second = await _db.Migrations.MigrateAsync();

        Assert.Empty(second);
        await using var connection = await _db.Factory.OpenAsync();
        var journaled = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM SchemaVersions;");
        Assert.Equal(DatabaseMigrator.ShippedScripts("sqlite").Count, journaled);
    }

    [Fact]
    public async Task Pending_lists_what_a_fresh_file_lacks_and_writes_nothing()
    {
        var pending = await _db.Migrations.PendingAsync();

        Assert.Equal(DatabaseMigrator.ShippedScripts("sqlite").Select(s => s.Name), pending);
        await using var connection = await _db.Factory.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table';"));
    }

    [Fact]
    public async Task Broken_script_rolls_back_and_is_not_journaled_while_the_scripts_before_it_stay()
    {
        await _db.Migrations.MigrateAsync();
        var good = new SqlScript("migrations/sqlite/9000_good.sql", "CREATE TABLE Whole (Id INTEGER PRIMARY KEY);");
        var broken = new SqlScript("migrations/sqlite/9001_broken.sql", """
            CREATE TABLE Half (Id INTEGER PRIMARY KEY);
            INSERT INTO Half (Id) VALUES (1);
            INSERT INTO NoSuchTable (Id) VALUES (1);
            """);

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() => _db.Migrations.MigrateAsync([good, broken], default));

        Assert.Equal(broken.Name, failure.ScriptName);
        Assert.Contains("NoSuchTable", failure.Message);
        await using var connection = await _db.Factory.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'Half';"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM SchemaVersions WHERE ScriptName = @Name;", new { broken.Name }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'Whole';"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM SchemaVersions WHERE ScriptName = @Name;", new { good.Name }));
    }

    [Fact]
    public async Task Database_journaled_by_the_released_runner_is_carried_over_once_and_nothing_runs_again()
    {
        var released = await BuildWithTheReleasedRunnerAsync();
        Assert.Equal(DatabaseMigrator.ShippedScripts("sqlite").Skip(released.Count).Select(s => s.Name), await _db.Migrations.PendingAsync());

        var applied = await _db.Migrations.MigrateAsync();
        var again = await _db.Migrations.MigrateAsync();

        // A script of the released set run again would fail (CREATE TABLE of an existing table) or be listed here.
        Assert.Empty(applied.Intersect(released));
        Assert.Equal(DatabaseMigrator.ShippedScripts("sqlite").Skip(released.Count).Select(s => s.Name), applied);
        Assert.Empty(again);
        Assert.Empty(await _db.Migrations.PendingAsync());
        await using var connection = await _db.Factory.OpenAsync();
        var journal = (await connection.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions ORDER BY ScriptName;")).ToList();
        Assert.Equal(DatabaseMigrator.ShippedScripts("sqlite").Select(s => s.Name), journal); // each once, no duplicates
        Assert.Equal("Data kept", await connection.ExecuteScalarAsync<string>("SELECT Name FROM Agencies WHERE Code = 'OLD';"));
        Assert.Equal(released.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM SchemaJournal;")); // left as it was
    }

    [Fact]
    public void Both_migration_folders_hold_the_same_numbered_scripts()
    {
        // NNNN_name.sql, or NNNNa_name.sql for a further script of the same step (sorted after NNNN_ by name).
        var name = new Regex(@"^migrations/(sqlite|sqlserver)/(?<file>\d{4}[a-z]?_[a-z0-9_]+\.sql)$");
        var sqlite = DatabaseMigrator.ShippedScripts("sqlite").Select(s => name.Match(s.Name)).ToList();
        var sqlServer = DatabaseMigrator.ShippedScripts("sqlserver").Select(s => name.Match(s.Name)).ToList();

        Assert.NotEmpty(sqlite);
        Assert.All(sqlite.Concat(sqlServer), m => Assert.True(m.Success, $"{m.Value} is not named NNNN_name.sql or NNNNa_name.sql"));
        Assert.Equal(sqlite.Select(m => m.Groups["file"].Value), sqlServer.Select(m => m.Groups["file"].Value));
    }

    [Fact]
    public void Every_sql_file_in_the_database_folders_is_shipped()
    {
        var root = Path.Combine(RepositoryRoot(), "database");
        foreach (var folder in new[] { "sqlite", "sqlserver" })
        {
            var files = Directory.GetFiles(Path.Combine(root, folder), "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal);

            Assert.Equal(files, DatabaseMigrator.ShippedScripts(folder).Select(s => Path.GetFileName(s.Name)));
        }
    }

    /// <summary>
    /// Builds the file as the hand-written runner did: the journal table of its release, then each released script
    /// in its own transaction with its journal row; then some data a liaison would have entered.
    /// </summary>
    private async Task<IReadOnlyList<string>> BuildWithTheReleasedRunnerAsync(int released = LastReleasedWithSchemaJournal)
    {
        await using var connection = await _db.Factory.OpenAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS SchemaJournal (
                Number INTEGER NOT NULL PRIMARY KEY,
                Name TEXT NOT NULL,
                AppliedAtUtc TEXT NOT NULL
            );
            """);
        var scripts = DatabaseMigrator.ShippedScripts("sqlite").Take(released).ToList();
        foreach (var script in scripts)
        {
            var file = Path.GetFileNameWithoutExtension(script.Name);
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(script.Contents, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO SchemaJournal (Number, Name, AppliedAtUtc) VALUES (@Number, @Name, @AppliedAtUtc);",
                new { Number = int.Parse(file[..4]), Name = file[5..], AppliedAtUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) },
                transaction);
            await transaction.CommitAsync();
        }

        await connection.ExecuteAsync("INSERT INTO Agencies (Code, Name, SortOrder) VALUES ('OLD', 'Data kept', 99);");
        return scripts.Select(s => s.Name).ToList();
    }

    [Fact]
    public async Task Adding_the_push_channel_keeps_every_outbox_row_with_its_id_error_kind_and_cascade()
    {
        // A file as it stood before the push channel: the scripts before 0019, journaled as applied.
        await BuildWithTheReleasedRunnerAsync(DatabaseMigrator.ShippedScripts("sqlite").Count(s => string.CompareOrdinal(Path.GetFileName(s.Name), "0019") < 0));
        await using var connection = await _db.Factory.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, Role, SecurityStamp, ConcurrencyStamp, CreatedAtUtc)
            VALUES (7, 'sekda', 'SEKDA', 'Sekda', 'pimpinan', 's', 'c', '2024-11-23 03:00:00.000');
            INSERT INTO Notifications (Id, UserId, RuleId, Kind, RegionCode, CreatedAtUtc, ItemCount)
            VALUES (41, 7, 1, 'kendala', '64.02', '2024-11-23 03:00:00.000', 3);
            INSERT INTO Deliveries (Id, NotificationId, Channel, WebhookId, IdempotencyKey, Status, NextAttemptAtUtc, CreatedAtUtc, LastError, LastErrorKind)
            VALUES (90, 41, 'email', NULL, 'kunci-90', 'dead', '2024-11-23 03:00:00.000', '2024-11-23 03:00:00.000', 'refused', 'refused');
            """);

        await _db.Migrations.MigrateAsync();

        Assert.Equal(("kunci-90", "dead", "refused"), await connection.QuerySingleAsync<(string, string, string)>(
            "SELECT IdempotencyKey, Status, LastErrorKind FROM Deliveries WHERE Id = 90 AND NotificationId = 41;"));
        await connection.ExecuteAsync("""
            INSERT INTO Deliveries (Id, NotificationId, Channel, WebhookId, IdempotencyKey, NextAttemptAtUtc, CreatedAtUtc)
            VALUES (91, 41, 'push', NULL, 'kunci-91', '2024-11-23 03:00:00.000', '2024-11-23 03:00:00.000');
            """);
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => connection.ExecuteAsync("""
            INSERT INTO Deliveries (NotificationId, Channel, WebhookId, IdempotencyKey, NextAttemptAtUtc, CreatedAtUtc)
            VALUES (41, 'sms', NULL, 'kunci-92', '2024-11-23 03:00:00.000', '2024-11-23 03:00:00.000');
            """));
        Assert.Empty(await connection.QueryAsync("PRAGMA foreign_key_check;"));
        await connection.ExecuteAsync("DELETE FROM Notifications WHERE Id = 41;");
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Deliveries;"));
    }

    [Fact]
    public async Task Widening_the_notice_kinds_keeps_every_rule_notice_and_outbox_row_with_its_id()
    {
        // A file as it stood before the widening: the scripts before 0012, journaled as applied.
        await BuildWithTheReleasedRunnerAsync(DatabaseMigrator.ShippedScripts("sqlite").Count(s => string.CompareOrdinal(Path.GetFileName(s.Name), "0012") < 0));
        await using var connection = await _db.Factory.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, Role, SecurityStamp, ConcurrencyStamp, CreatedAtUtc)
            VALUES (7, 'sekda', 'SEKDA', 'Sekda', 'pimpinan', 's', 'c', '2024-11-23 03:00:00.000');
            UPDATE EscalationRules SET Name = 'Kendala sehari', Version = 4 WHERE Code = 'kendala-24-jam';
            INSERT INTO Notifications (Id, UserId, RuleId, Kind, RegionCode, CreatedAtUtc, ItemCount)
            VALUES (41, 7, 1, 'kendala', '64.02', '2024-11-23 03:00:00.000', 3);
            INSERT INTO Webhooks (Id, Name, Url, Secret, CreatedAtUtc, CreatedBy) VALUES (5, 'Posko', 'https://posko.example/hook', 'rahasia', '2024-11-23 03:00:00.000', 'admin');
            INSERT INTO Deliveries (Id, NotificationId, Channel, WebhookId, IdempotencyKey, NextAttemptAtUtc, CreatedAtUtc)
            VALUES (90, 41, 'webhook', 5, 'kunci-90', '2024-11-23 03:00:00.000', '2024-11-23 03:00:00.000');
            """);

        await _db.Migrations.MigrateAsync();

        Assert.Equal("Kendala sehari", await connection.ExecuteScalarAsync<string>("SELECT Name FROM EscalationRules WHERE Code = 'kendala-24-jam' AND Version = 4;"));
        Assert.Equal(41L, await connection.ExecuteScalarAsync<long>("SELECT Id FROM Notifications WHERE UserId = 7 AND ItemCount = 3;"));
        Assert.Equal("kunci-90", await connection.ExecuteScalarAsync<string>("SELECT IdempotencyKey FROM Deliveries WHERE Id = 90 AND NotificationId = 41;"));
        Assert.Equal(5, await connection.ExecuteScalarAsync<int>("""
            SELECT COUNT(*) FROM EscalationRules
            WHERE Code IN ('netralitas-lewat-tenggat', 'kamtibmas-ag-gn', 'kejadian-penting', 'permintaan-24-jam', 'arahan-baru');
            """));
        Assert.Empty(await connection.QueryAsync("PRAGMA foreign_key_check;"));
        // The outbox still cascades from its notice after the rebuild.
        await connection.ExecuteAsync("DELETE FROM Notifications WHERE Id = 41;");
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Deliveries;"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Readiness.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Readiness.sln not found above the test folder.");
    }

    public void Dispose() => _db.Dispose();
}
