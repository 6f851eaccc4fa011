using System.Diagnostics;
using Dapper;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Data.Seed;
using Readiness.Data.Sql;

namespace Readiness.Bench;

/// <summary>
/// The national data set: every regency/city and kecamatan with the templates applied for Pilkada 2024 and the live
/// demo election (about half a million items with the shipped templates), a voting-week status mix and its history.
/// </summary>
public static class NationalDataset
{
    /// <param name="regencyLimit">Only the first N regencies (a small set for tests); null for the nation.</param>
    public static async Task<(int Items, int Events, TimeSpan Took)> GenerateAsync(string path, int? regencyLimit, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        await using var db = new BenchDatabase(path);
        await db.Get<DatabaseMigrator>().MigrateAsync();
        await db.Get<ReferenceSeeder>().SeedAsync();
        await db.Get<DemoSeeder>().SeedAsync();
        var elections = await db.Get<Readiness.Data.Elections.ElectionStore>().AllAsync();
        var regencies = new List<string>();
        foreach (var province in await db.Get<RegionStore>().ChildrenAsync(null))
        {
            regencies.AddRange((await db.Get<RegionStore>().ChildrenAsync(province.Code)).Select(r => r.Code));
        }

        if (regencyLimit is { } limit)
        {
            regencies = regencies.Take(limit).ToList();
        }

        var checklists = db.Get<ChecklistStore>();
        foreach (var election in elections)
        {
            var done = 0;
            foreach (var regency in regencies)
            {
                await checklists.ApplyTemplatesAsync(BenchDatabase.Admin, election.Id, regency);
                if (++done % 100 == 0)
                {
                    log.WriteLine($"  {election.Code}: templates applied to {done}/{regencies.Count} regencies ({clock.Elapsed.TotalSeconds:0} s)");
                }
            }
        }

        // A voting-week mix for every item still untouched, with one event each, in set-based SQL (SQLite only).
        await using (var connection = await db.Get<ConnectionFactory>().OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("""
                CREATE TEMP TABLE Mix (Id INTEGER PRIMARY KEY, Status TEXT NOT NULL);
                INSERT INTO Mix (Id, Status)
                SELECT Id, CASE WHEN r < 55 THEN 'siap' WHEN r < 80 THEN 'proses' WHEN r < 86 THEN 'kendala' ELSE 'belum' END
                FROM (SELECT Id, abs(random()) % 100 AS r FROM ChecklistItems WHERE Version = 1);
                UPDATE ChecklistItems
                SET Status = (SELECT Status FROM Mix WHERE Mix.Id = ChecklistItems.Id),
                    Note = CASE WHEN (SELECT Status FROM Mix WHERE Mix.Id = ChecklistItems.Id) = 'kendala' THEN 'Menunggu dukungan logistik' END,
                    UpdatedBy = 'bench.generator', Version = 2
                WHERE Id IN (SELECT Id FROM Mix WHERE Status <> 'belum');
                INSERT INTO ItemEvents (ItemId, ElectionId, RegionCode, AgencyCode, StageId, StatusBefore, StatusAfter, Note, Actor, AtUtc, ItemVersion, OperationId)
                SELECT i.Id, i.ElectionId, i.RegionCode, i.AgencyCode, i.StageId, 'belum', i.Status, i.Note, 'bench.generator', i.UpdatedAtUtc, 2,
                       lower(hex(randomblob(16)))
                FROM ChecklistItems i JOIN Mix m ON m.Id = i.Id WHERE m.Status <> 'belum';
                DROP TABLE Mix;
                """, transaction: transaction, commandTimeout: 3600);
            await transaction.CommitAsync();
        }

        await using var read = await db.Get<ConnectionFactory>().OpenAsync();
        var (items, events) = await read.QuerySingleAsync<(long, long)>("SELECT (SELECT COUNT(*) FROM ChecklistItems), (SELECT COUNT(*) FROM ItemEvents);");
        return ((int)items, (int)events, clock.Elapsed);
    }
}
