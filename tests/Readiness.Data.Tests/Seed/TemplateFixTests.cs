using Dapper;
using Readiness.Data.Seed;

namespace Readiness.Data.Tests.Seed;

/// <summary>
/// The templates as an official reads them against the 2024 schedule (PKPU 2/2024, Bawaslu, Operasi Mantap Praja):
/// each item on its own date, one item per thing that can be late on its own, and a database seeded before the fixes
/// corrected without touching items already worked on.
/// </summary>
public sealed class TemplateFixTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private int _election;

    [Fact]
    public async Task The_neutrality_pledge_and_the_satgas_are_two_items_both_due_before_candidate_registration()
    {
        var pledge = await DueAsync("PEMDA-05");
        var satgas = await DueAsync("PEMDA-22");

        Assert.Contains("Ikrar netralitas ASN", pledge.Title);
        Assert.DoesNotContain("Satgas", pledge.Title);
        Assert.Contains("Satgas Netralitas ASN", satgas.Title);
        Assert.All(new[] { pledge, satgas }, t => Assert.True(t.Due < new DateOnly(2024, 8, 27), $"{t.Title} due {t.Due}"));
        Assert.Equal(("OPD", "OPD"), (pledge.Unit, satgas.Unit));
    }

    [Fact]
    public async Task The_grant_is_one_item_per_recipient_so_one_late_transfer_shows()
    {
        var titles = new List<string>();
        foreach (var code in new[] { "PEMDA-01", "PEMDA-19", "PEMDA-20", "PEMDA-21" })
        {
            var grant = await DueAsync(code);
            Assert.Null(grant.Unit);
            titles.Add(grant.Title);
        }

        Assert.Collection(titles,
            t => Assert.EndsWith("ke KPU kabupaten/kota", t),
            t => Assert.EndsWith("ke Bawaslu kabupaten/kota", t),
            t => Assert.EndsWith("ke Polres", t),
            t => Assert.EndsWith("ke Kodim", t));
    }

    [Fact]
    public async Task The_police_plan_comes_before_14_august_and_the_opening_parade_follows_it()
    {
        var plan = await DueAsync("POLRI-03");
        var parade = await DueAsync("POLRI-19");

        Assert.True(plan.Due < new DateOnly(2024, 8, 14), $"plan due {plan.Due}");
        Assert.Contains("Apel gelar pasukan Operasi Mantap Praja", parade.Title);
        Assert.True(parade.Due > plan.Due);
    }

    [Theory]
    [InlineData("BAWASLU-17", "BAWASLU", "netralitas ASN", null)]
    [InlineData("BAWASLU-18", "BAWASLU", "distribusi logistik", null)]
    [InlineData("POLRI-20", "POLRI", "gudang logistik KPU 24 jam", null)]
    [InlineData("POLRI-21", "POLRI", "setiap pasangan calon", "2024-09-23")]
    [InlineData("KPU-20", "KPU", "nomor urut", "2024-09-23")]
    [InlineData("KPU-21", "KPU", "zonasi", "2024-09-24")]
    [InlineData("POLRI-22", "POLRI", "31 Desember", "2024-12-31")]
    public async Task The_rows_an_official_missed_are_there_with_their_agency_and_date(string code, string agency, string words, string? due)
    {
        var template = await DueAsync(code);

        Assert.Equal(agency, template.AgencyCode);
        Assert.Contains(words, template.Title);
        if (due is not null)
        {
            Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), template.Due);
        }
    }

    [Fact]
    public async Task Candidate_protection_comes_after_the_candidates_are_confirmed_and_police_guard_runs_in_the_after_counting_stage()
    {
        var protection = await DueAsync("POLRI-21");
        var after = await DueAsync("POLRI-22");

        Assert.True(protection.Due > new DateOnly(2024, 9, 22));
        Assert.Equal("PASCA", after.StageCode);
    }

    [Fact]
    public async Task Seeding_again_corrects_an_old_template_while_its_items_keep_what_they_had_and_nothing_is_duplicated()
    {
        await using var connection = await _db.Factory.OpenAsync();
        const string oldTitle = "Ikrar netralitas ASN digelar dan Satgas Netralitas ASN dibentuk";
        await connection.ExecuteAsync("UPDATE TemplateItems SET Title = @oldTitle, DueOffsetDays = -40 WHERE Code = 'PEMDA-05';", new { oldTitle });
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");
        var items = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ChecklistItems;");

        await _db.Get<ReferenceSeeder>().SeedAsync();
        var again = await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");

        Assert.Equal(0, again);
        Assert.Equal(items, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ChecklistItems;"));
        Assert.Equal(("Ikrar netralitas ASN digelar di setiap OPD", -3L), await connection.QuerySingleAsync<(string, long)>(
            "SELECT Title, DueOffsetDays FROM TemplateItems WHERE Code = 'PEMDA-05';"));
        Assert.Equal(oldTitle, await connection.ExecuteScalarAsync<string>("""
            SELECT i.Title FROM ChecklistItems i JOIN TemplateItems t ON t.Id = i.TemplateItemId
            WHERE t.Code = 'PEMDA-05' AND i.RegionCode = '17.71';
            """));
    }

    private async Task<TemplateDue> DueAsync(string code)
    {
        await using var connection = await _db.Factory.OpenAsync();
        var row = await connection.QuerySingleAsync<(string AgencyCode, string StageCode, string Title, string? Unit, string Due)>("""
            SELECT t.AgencyCode, t.StageCode, t.Title, t.Unit, date(s.EndDate, t.DueOffsetDays || ' days')
            FROM TemplateItems t JOIN Stages s ON s.Code = t.StageCode AND s.ElectionId = @election
            WHERE t.Code = @code;
            """, new { code, election = _election });
        return new TemplateDue(row.AgencyCode, row.StageCode, row.Title, row.Unit,
            DateOnly.Parse(row.Due, System.Globalization.CultureInfo.InvariantCulture));
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

    private sealed record TemplateDue(string AgencyCode, string StageCode, string Title, string? Unit, DateOnly Due);
}
