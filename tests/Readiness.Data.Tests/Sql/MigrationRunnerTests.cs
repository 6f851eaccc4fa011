using Dapper;
using Readiness.Data.Sql;

namespace Readiness.Data.Tests.Sql;

public sealed class MigrationRunnerTests : IDisposable
{
    private readonly TestDatabase _db = new();

    [Fact]
    public async Task Fresh_file_migrates_to_the_current_schema()
    {
        var applied = await _db.Migrations.MigrateAsync();

        var shipped = MigrationRunner.LoadShipped("sqlite").Select(s => s.Number).ToList();
        Assert.Equal(shipped, applied);
        Assert.NotEmpty(shipped);
        await using var connection = await _db.Factory.OpenAsync();
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table';")).ToHashSet();
        foreach (var table in new[] { "Regions", "Agencies", "Elections", "Stages", "TemplateItems", "ChecklistItems", "ItemEvents", "SchemaJournal" })
        {
            Assert.Contains(table, tables);
        }

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
        var journaled = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM SchemaJournal;");
        Assert.Equal(MigrationRunner.LoadShipped("sqlite").Count, journaled);
    }

    [Fact]
    public async Task Broken_script_rolls_back_and_is_not_journaled()
    {
        await _db.Migrations.MigrateAsync();
        var broken = new MigrationScript(9001, "broken", """
            CREATE TABLE Half (Id INTEGER PRIMARY KEY);
            INSERT INTO Half (Id) VALUES (1);
            INSERT INTO NoSuchTable (Id) VALUES (1);
            """);

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() => _db.Migrations.MigrateAsync([broken]));

        Assert.Equal(9001, failure.Script.Number);
        await using var connection = await _db.Factory.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'Half';"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM SchemaJournal WHERE Number = 9001;"));
    }

    [Fact]
    public void Both_migration_folders_hold_the_same_numbers_and_names()
    {
        var sqlite = MigrationRunner.LoadShipped("sqlite").Select(s => (s.Number, s.Name)).ToList();
        var sqlServer = MigrationRunner.LoadShipped("sqlserver").Select(s => (s.Number, s.Name)).ToList();

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, sqlServer);
    }

    [Fact]
    public void Sql_server_batches_split_at_go_lines_only()
    {
        var batches = MigrationRunner.SplitBatches("CREATE TABLE A (Id int);\nGO\nCREATE VIEW V AS SELECT Id AS Going FROM A;\n  go  \n").ToList();

        Assert.Equal(2, batches.Count);
        Assert.Contains("Going", batches[1]);
    }

    public void Dispose() => _db.Dispose();
}
