using Dapper;
using Readiness.Data.Agencies;
using Readiness.Data.Regions;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Seed;

public sealed class ReferenceSeederTests : IDisposable
{
    private readonly TestDatabase _db = new();

    [Fact]
    public async Task Seeds_every_province_regency_and_kecamatan_of_the_nation()
    {
        await _db.ReadyAsync();

        var counts = await _db.Regions.CountByLevelAsync();

        Assert.Equal(38, counts[RegionLevel.Province]);
        Assert.Equal(514, counts[RegionLevel.Regency]);
        Assert.Equal(7285, counts[RegionLevel.District]);
    }

    [Fact]
    public async Task Second_seed_inserts_nothing()
    {
        await _db.ReadyAsync();
        var before = await RowCountsAsync();

        await _db.ReadyAsync();

        Assert.Equal(before, await RowCountsAsync());
    }

    [Theory]
    [InlineData("64.02", "Asia/Makassar")] // Kutai Kartanegara, East Kalimantan: WITA
    [InlineData("61.71", "Asia/Jakarta")] // Pontianak, West Kalimantan: WIB
    [InlineData("62.01", "Asia/Jakarta")] // Central Kalimantan: WIB
    [InlineData("63.71", "Asia/Makassar")] // Banjarmasin, South Kalimantan: WITA
    [InlineData("52.71", "Asia/Makassar")] // Mataram, NTB: WITA
    [InlineData("34.02", "Asia/Jakarta")] // Bantul: WIB
    [InlineData("81.71", "Asia/Jayapura")] // Ambon, Maluku: WIT
    [InlineData("94.01", "Asia/Jayapura")] // Papua Tengah: WIT
    public async Task Each_region_carries_its_provinces_time_zone(string code, string zone)
    {
        await _db.ReadyAsync();

        var region = await _db.Regions.FindAsync(code);

        Assert.NotNull(region);
        Assert.Equal(zone, region.TimeZone);
    }

    [Fact]
    public async Task Kutai_kartanegara_is_a_regency_of_east_kalimantan_with_its_kecamatan()
    {
        await _db.ReadyAsync();

        var kukar = await _db.Regions.FindAsync("64.02");
        var kecamatan = await _db.Regions.ChildrenAsync("64.02");

        Assert.Equal("Kabupaten Kutai Kartanegara", kukar!.Name);
        Assert.Equal("64", kukar.ParentCode);
        Assert.False(kukar.IsCity);
        Assert.Equal(20, kecamatan.Count);
        Assert.All(kecamatan, k => Assert.StartsWith("64.02.", k.Code));
        Assert.True((await _db.Regions.FindAsync("52.71"))!.IsCity);
    }

    [Fact]
    public async Task Pilkada_2024_keeps_its_real_stage_dates()
    {
        await _db.ReadyAsync();

        var election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code);
        var stages = await _db.Elections.StagesAsync(election.Id);

        Assert.Equal(new DateOnly(2024, 11, 27), election.VotingDay);
        Assert.Equal(9, stages.Count); // KPU's eight, and the time after counting
        var campaign = stages.Single(s => s.Code == "KAMPANYE");
        Assert.Equal((new DateOnly(2024, 9, 25), new DateOnly(2024, 11, 23)), (campaign.StartDate, campaign.EndDate));
        var quiet = stages.Single(s => s.Code == "TENANG");
        Assert.Equal((new DateOnly(2024, 11, 24), new DateOnly(2024, 11, 26)), (quiet.StartDate, quiet.EndDate));
    }

    [Fact]
    public async Task Every_agency_has_at_least_eight_template_items_with_a_known_stage()
    {
        await _db.ReadyAsync();
        await using var connection = await _db.Factory.OpenAsync();

        var perAgency = (await connection.QueryAsync<(string Agency, long Count)>(
            "SELECT AgencyCode, COUNT(*) FROM TemplateItems GROUP BY AgencyCode;")).ToDictionary(r => r.Agency, r => r.Count);
        var unknownStages = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM TemplateItems t
            WHERE NOT EXISTS (SELECT 1 FROM Stages s WHERE s.Code = t.StageCode);
            """);

        Assert.Equal(Agency.All.Select(a => a.Code).Order(), perAgency.Keys.Order());
        Assert.All(perAgency.Values, count => Assert.True(count >= 8, $"only {count} template items"));
        Assert.Equal(0, unknownStages);
    }

    [Fact]
    public async Task Sqlite_dialect_adds_days_to_a_date()
    {
        await _db.Migrations.MigrateAsync();
        await using var connection = await _db.Factory.OpenAsync();

        var date = await connection.ExecuteScalarAsync<string>(
            $"SELECT {Readiness.Data.Sql.SqliteDialect.Instance.AddDays("'2024-11-27'", "-3")};");
        var id = await connection.ExecuteScalarAsync<string>($"SELECT {Readiness.Data.Sql.SqliteDialect.Instance.NewOperationId};");

        Assert.Equal("2024-11-24", date);
        Assert.True(Guid.TryParse(id, out _), id);
    }

    private async Task<(long, long, long, long, long)> RowCountsAsync()
    {
        await using var connection = await _db.Factory.OpenAsync();
        return await connection.QuerySingleAsync<(long, long, long, long, long)>("""
            SELECT (SELECT COUNT(*) FROM Regions), (SELECT COUNT(*) FROM Agencies), (SELECT COUNT(*) FROM Elections),
                   (SELECT COUNT(*) FROM Stages), (SELECT COUNT(*) FROM TemplateItems);
            """);
    }

    public void Dispose() => _db.Dispose();
}
