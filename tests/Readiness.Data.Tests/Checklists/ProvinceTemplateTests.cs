using Dapper;
using Readiness.Data.Seed;

namespace Readiness.Data.Tests.Checklists;

/// <summary>
/// The governor's election (Pilgub): templates of level 1 land on the province itself (Pemprov, KPU and Bawaslu
/// Provinsi, Polda, Korem/Kodam), never on its regencies, and a regency's templates never land on its province.
/// </summary>
public sealed class ProvinceTemplateTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private int _election;

    [Fact]
    public async Task A_province_template_applies_to_the_province_and_nowhere_else()
    {
        var created = await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "64");

        await using var connection = await _db.Factory.OpenAsync();
        var perRegion = (await connection.QueryAsync<(string Code, long Count)>(
            "SELECT RegionCode, COUNT(*) FROM ChecklistItems GROUP BY RegionCode;")).ToDictionary(r => r.Code, r => r.Count);
        var (templates, agencies) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT COUNT(*), COUNT(DISTINCT AgencyCode) FROM TemplateItems WHERE Level = 1 AND Recurrence IS NULL;");
        var polda = await connection.QuerySingleAsync<(string Title, string Due)>("""
            SELECT i.Title, i.DueDate FROM ChecklistItems i JOIN TemplateItems t ON t.Id = i.TemplateItemId
            WHERE t.Code = 'PROV-POLRI-01';
            """);

        Assert.Equal(["64"], perRegion.Keys);
        Assert.Equal(5, agencies);
        Assert.Equal(templates + 3, created); // and the three monthly reports of the campaign
        Assert.Equal(created, perRegion["64"]);
        Assert.Equal(("Rencana operasi Mantap Praja tingkat Polda diterbitkan", "2024-08-13"), polda);
        Assert.Equal(created, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ItemEvents WHERE RegionCode = '64';"));
    }

    [Fact]
    public async Task Applying_to_a_province_again_adds_nothing_and_a_regency_gets_no_province_item()
    {
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "64");
        var again = await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "64");
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "64.02");

        await using var connection = await _db.Factory.OpenAsync();
        var misplaced = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM ChecklistItems i JOIN TemplateItems t ON t.Id = i.TemplateItemId JOIN Regions r ON r.Code = i.RegionCode
            WHERE t.Level <> r.Level;
            """);

        Assert.Equal(0, again);
        Assert.Equal(0, misplaced);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ChecklistItems WHERE RegionCode LIKE '64.02%';") > 0);
    }

    [Fact]
    public async Task A_kecamatan_code_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "64.02.01"));
    }

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
