using Dapper;
using Readiness.Data.Checklists;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Seed;

/// <summary>
/// Migration 0024 on a real SQLite file built the old way: the templates applied as they were before the fixes (the
/// Desk Pilkada's report as one item, the ASN pledge and the Satgas as one), the fixed templates seeded and applied
/// beside them, then migrated. What nobody touched is corrected; what a liaison worked on keeps its history.
/// </summary>
public sealed class StaleItemMigrationTests : IAsyncLifetime
{
    private const string Untouched = "17.71"; // Kota Bengkulu: the old items never opened
    private const string WorkedOn = "52.71"; // Kota Mataram: a liaison reported on both
    private const string CombinedTitle = "Ikrar netralitas ASN digelar dan Satgas Netralitas ASN dibentuk";
    private readonly TestDatabase _db = new();
    private int _election;

    [Fact]
    public async Task Untouched_stale_items_are_retired_and_worked_ones_keep_their_history()
    {
        await using var connection = await _db.Factory.OpenAsync();
        // The templates as a database seeded before the fixes holds them.
        await connection.ExecuteAsync("""
            UPDATE TemplateItems SET Recurrence = NULL, DueOffsetDays = -23 WHERE Code = 'PEMDA-08';
            UPDATE TemplateItems SET Title = @CombinedTitle, StageCode = 'KAMPANYE', DueOffsetDays = -55 WHERE Code = 'PEMDA-05';
            DELETE FROM TemplateItems WHERE Code = 'PEMDA-22';
            """, new { CombinedTitle });
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, Untouched);
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, WorkedOn);
        var pemda = TestDatabase.Liaison("PEMDA", WorkedOn);
        var workedReport = await OldItemAsync(connection, "PEMDA-08", WorkedOn);
        var workedPledge = await OldItemAsync(connection, "PEMDA-05", WorkedOn);
        Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(pemda,
            new StatusChange(workedReport.Id, workedReport.Version, ItemStatus.Ready, "Laporan Agustus dikirim ke Pemprov", Guid.NewGuid())));
        Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(pemda,
            new StatusChange(workedPledge.Id, workedPledge.Version, ItemStatus.InProgress, "Ikrar di 20 OPD; Satgas menunggu SK", Guid.NewGuid())));
        var oldReport = await OldItemAsync(connection, "PEMDA-08", Untouched);
        var oldPledge = await OldItemAsync(connection, "PEMDA-05", Untouched);

        // The fixed templates arrive: the seeder corrects them and applying adds the new items beside the old.
        await _db.Get<ReferenceSeeder>().SeedAsync();
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, Untouched);
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, WorkedOn);
        Assert.True(await CountAsync(connection, "SELECT COUNT(*) FROM ChecklistItems i JOIN TemplateItems t ON t.Id = i.TemplateItemId WHERE t.Code = 'PEMDA-08' AND i.RegionCode = @Untouched AND i.PeriodKey <> '';") > 0);
        var items = await CountAsync(connection, "SELECT COUNT(*) FROM ChecklistItems;");
        var workedEvents = await CountAsync(connection, "SELECT COUNT(*) FROM ItemEvents WHERE ItemId IN @Ids;", new { Ids = new[] { workedReport.Id, workedPledge.Id } });

        await connection.ExecuteAsync("DELETE FROM SchemaVersions WHERE ScriptName LIKE '%0024_retire_stale_items.sql';");
        var applied = await _db.Migrations.MigrateAsync();

        Assert.EndsWith("0024_retire_stale_items.sql", Assert.Single(applied));
        // The untouched one-off report is gone with its creation event: the monthly items stand for it.
        Assert.Null(await _db.Checklists.FindAsync(oldReport.Id));
        Assert.Equal(0, await CountAsync(connection, "SELECT COUNT(*) FROM ItemEvents WHERE ItemId = @Id;", new { oldReport.Id }));
        Assert.Equal(items - 1, await CountAsync(connection, "SELECT COUNT(*) FROM ChecklistItems;"));

        // The untouched combined item is now the pledge as a fresh region gets it, with its own id and creation kept.
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "34.02");
        var fresh = await OldItemAsync(connection, "PEMDA-05", "34.02");
        var pledge = (await _db.Checklists.FindAsync(oldPledge.Id))!;
        Assert.Equal((fresh.Title, fresh.StageId, fresh.DueDate, fresh.Unit, fresh.Criticality),
            (pledge.Title, pledge.StageId, pledge.DueDate, pledge.Unit, pledge.Criticality));
        var creation = Assert.Single(await _db.Checklists.HistoryAsync(TestDatabase.Admin, pledge.Id));
        Assert.Null(creation.StatusBefore);
        Assert.Equal(0, await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, Untouched)); // no second pledge

        // What the liaison reported stays, word for word, with every event.
        var report = (await _db.Checklists.FindAsync(workedReport.Id))!;
        var combined = (await _db.Checklists.FindAsync(workedPledge.Id))!;
        Assert.Equal((ItemStatus.Ready, "Laporan Agustus dikirim ke Pemprov"), (report.Status, report.Note));
        Assert.Equal((CombinedTitle, ItemStatus.InProgress), (combined.Title, combined.Status));
        Assert.Equal(workedEvents, await CountAsync(connection, "SELECT COUNT(*) FROM ItemEvents WHERE ItemId IN @Ids;", new { Ids = new[] { workedReport.Id, workedPledge.Id } }));
    }

    private async Task<ChecklistItem> OldItemAsync(System.Data.Common.DbConnection connection, string code, string region)
    {
        var id = await connection.ExecuteScalarAsync<long>("""
            SELECT i.Id FROM ChecklistItems i JOIN TemplateItems t ON t.Id = i.TemplateItemId
            WHERE t.Code = @code AND i.RegionCode = @region AND i.ElectionId = @election AND i.PeriodKey = '';
            """, new { code, region, election = _election });
        return (await _db.Checklists.FindAsync(id))!;
    }

    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string sql, object? args = null) =>
        await connection.ExecuteScalarAsync<long>(sql, args ?? new { Untouched });

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
