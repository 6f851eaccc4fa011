using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Seed;

public sealed class DemoSeederTests : IDisposable
{
    // 2026-11-23 10:00 WIB.
    private readonly TestDatabase _db = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Demo_election_votes_a_few_days_after_it_is_made_with_stages_at_the_2024_offsets()
    {
        await _db.ReadyAsync();

        Assert.True(await _db.DemoSeeder().SeedAsync());

        var demo = (await _db.Elections.AllAsync()).Single(e => e.IsDemo);
        Assert.Equal(new DateOnly(2026, 11, 27), demo.VotingDay);
        var stages = await _db.Elections.StagesAsync(demo.Id);
        var quiet = stages.Single(s => s.Code == "TENANG");
        Assert.Equal((new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 26)), (quiet.StartDate, quiet.EndDate));
        Assert.Equal(demo, await _db.Elections.CurrentAsync(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public async Task Demo_regions_and_their_kecamatan_get_items_in_a_voting_week_mix()
    {
        await _db.ReadyAsync();
        await _db.DemoSeeder().SeedAsync();
        var demo = (await _db.Elections.AllAsync()).Single(e => e.IsDemo);

        foreach (var region in DemoSeeder.DemoRegions)
        {
            var readiness = await _db.Readiness.ForRegionAsync(TestDatabase.Admin, demo.Id, region);
            Assert.True(readiness.Overall.Total > 100, $"{region} has {readiness.Overall.Total} items");
            Assert.True(readiness.Overall.Ready > 0 && readiness.Overall.Blocked > 0 && readiness.Overall.InProgress > 0);
            Assert.Equal(5, readiness.ByAgency.Count);
        }

        await using var connection = await _db.Factory.OpenAsync();
        var kecamatanItems = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM ChecklistItems WHERE RegionCode LIKE '64.02.%';");
        Assert.True(kecamatanItems > 0);
        var blockedWithoutNote = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM ChecklistItems WHERE Status = 'kendala' AND Note IS NULL;");
        Assert.Equal(0, blockedWithoutNote);
    }

    [Fact]
    public async Task Every_demo_note_sits_on_an_item_of_its_subject()
    {
        await _db.ReadyAsync();
        await _db.DemoSeeder().SeedAsync();
        await using var connection = await _db.Factory.OpenAsync();
        var templates = (await connection.QueryAsync<(string Code, string AgencyCode)>("SELECT Code, AgencyCode FROM TemplateItems;"))
            .ToDictionary(t => t.Code, t => t.AgencyCode);
        var written = SeedCsv.Read<DemoNoteRow>("demo-notes.csv").ToList();

        // The seed file names only template items of the note's own agency.
        foreach (var note in written)
        {
            var subjects = note.Subject.Split('|');
            Assert.All(subjects, code => Assert.True(templates.TryGetValue(code, out var agency) && agency == note.Agency,
                $"\"{note.Note}\" names {code}, which is no {note.Agency} template item"));
        }

        var noted = (await connection.QueryAsync<(string Note, string Status, string Title, string? Template)>("""
            SELECT i.Note, i.Status, i.Title, t.Code FROM ChecklistItems i
            LEFT JOIN TemplateItems t ON t.Id = i.TemplateItemId
            WHERE i.Note IS NOT NULL;
            """)).ToList();
        Assert.True(noted.Count > 200, $"only {noted.Count} demo items carry a note");

        var misplaced = noted
            .Where(i => !written.Any(n => n.Note == i.Note && n.Status == i.Status && n.Subject.Split('|').Contains(i.Template))
                && !(i.Status == ItemStatus.Blocked && i.Note == DemoSeeder.BlockedNote(i.Title)))
            .Select(i => $"{i.Template} \"{i.Title}\" ({i.Status}): {i.Note}")
            .Distinct()
            .ToList();
        Assert.True(misplaced.Count == 0, "demo notes on items they do not fit:\n" + string.Join("\n", misplaced));
        Assert.True(noted.Select(i => i.Note).Intersect(written.Select(n => n.Note)).Count() > 40, "few written notes were used");
    }

    [Fact]
    public async Task Every_demo_status_change_is_in_the_event_log()
    {
        await _db.ReadyAsync();
        await _db.DemoSeeder().SeedAsync();
        await using var connection = await _db.Factory.OpenAsync();

        var mismatched = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM ChecklistItems i
            WHERE i.Status <> (SELECT e.StatusAfter FROM ItemEvents e WHERE e.ItemId = i.Id ORDER BY e.Seq DESC LIMIT 1);
            """);

        Assert.Equal(0, mismatched);
    }

    [Fact]
    public async Task Second_start_seeds_no_second_demo()
    {
        await _db.ReadyAsync();
        await _db.DemoSeeder().SeedAsync();

        Assert.False(await _db.DemoSeeder().SeedAsync());
        await using var connection = await _db.Factory.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Elections WHERE IsDemo = 1;"));
    }

    [Fact]
    public async Task Demo_histories_begin_with_their_creation_and_changed_counting_items_carry_numbers_within_their_target()
    {
        await _db.ReadyAsync();
        await _db.DemoSeeder().SeedAsync();
        await using var connection = await _db.Factory.OpenAsync();

        var createdAfterAChange = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM ItemEvents c JOIN ItemEvents e ON e.ItemId = c.ItemId AND e.StatusBefore IS NOT NULL
            WHERE c.StatusBefore IS NULL AND c.AtUtc >= e.AtUtc;
            """);
        var (counting, numbered, overTarget) = await connection.QuerySingleAsync<(long, long, long)>("""
            SELECT COUNT(*), SUM(CASE WHEN Done IS NOT NULL AND Target IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN AllowOver = 0 AND Done > Target THEN 1 ELSE 0 END)
            FROM ChecklistItems WHERE Unit IS NOT NULL AND Version > 1;
            """);
        var numberEvents = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ItemEvents WHERE DoneAfter IS NOT NULL;");
        var units = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM AgencyUnits;");

        Assert.Equal(0, createdAfterAChange);
        Assert.True(counting > 50, $"only {counting} changed demo items count something");
        Assert.Equal(counting, numbered);
        Assert.Equal(0, overTarget);
        Assert.Equal(counting, numberEvents);
        Assert.Equal(DemoSeeder.DemoUnits.Count, units);
    }

    [Fact]
    public async Task Demo_holds_the_governors_elections_of_ntb_and_east_kalimantan_and_of_no_other_province()
    {
        await _db.ReadyAsync();
        await _db.DemoSeeder().SeedAsync();
        await using var connection = await _db.Factory.OpenAsync();
        var demo = (await _db.Elections.AllAsync()).Single(e => e.IsDemo);

        var provinceItems = (await connection.QueryAsync<(string RegionCode, string Code, string Status, string? Note, string UpdatedBy)>("""
            SELECT i.RegionCode, t.Code, i.Status, i.Note, i.UpdatedBy
            FROM ChecklistItems i JOIN Regions r ON r.Code = i.RegionCode JOIN TemplateItems t ON t.Id = i.TemplateItemId
            WHERE i.ElectionId = @Id AND r.Level = 1;
            """, new { demo.Id })).ToList();
        var provinceTemplates = (await connection.QueryAsync<string>("SELECT Code FROM TemplateItems WHERE Level = 1;")).ToHashSet();

        Assert.Equal(["52", "64"], provinceItems.Select(i => i.RegionCode).Distinct().Order());
        foreach (var province in new[] { "52", "64" })
        {
            var own = provinceItems.Where(i => i.RegionCode == province).ToList();
            Assert.Equal(provinceTemplates, own.Select(i => i.Code).ToHashSet());
            Assert.Contains(own, i => i.Status == ItemStatus.Ready);
            Assert.Contains(own, i => i.Status != ItemStatus.Ready);
            // Worked on by the province's own liaisons, never by a regency's.
            Assert.All(own.Where(i => i.UpdatedBy != "sistem"), i => Assert.Matches(@"^penghubung\.[a-z]+\.(ntb|kaltim)$", i.UpdatedBy));
        }

        var provinceNotes = SeedCsv.Read<DemoNoteRow>("demo-notes.csv").Where(n => n.Subject.StartsWith("PROV-", StringComparison.Ordinal))
            .Select(n => n.Note).ToHashSet();
        Assert.Contains(provinceItems, i => i.Note is not null && provinceNotes.Contains(i.Note));
        // A province's own items lie under no regency: Kota Mataram counts only its own.
        var mataram = await _db.Readiness.ForRegionAsync(TestDatabase.Admin, demo.Id, "52.71");
        var underMataram = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM ChecklistItems WHERE ElectionId = @Id AND (RegionCode = '52.71' OR RegionCode LIKE '52.71.%');", new { demo.Id });
        Assert.Equal(underMataram, mataram.Overall.Total);
    }

    [Fact]
    public async Task The_demo_governors_and_province_liaisons_sign_in_scoped_to_their_province()
    {
        await _db.ReadyAsync();
        using var scope = _db.Scope();
        var seeder = scope.ServiceProvider.GetRequiredService<AccountSeeder>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        await seeder.EnsureDemoUsersAsync("demo-kesiapan-pilkada", DemoSeeder.DemoRegions);

        var governor = await users.FindByNameAsync("pimpinan.ntb");
        var polda = await users.FindByNameAsync("penghubung.polri.kaltim");
        var regencyLeader = await users.FindByNameAsync("pimpinan");
        Assert.NotNull(governor);
        Assert.NotNull(polda);
        Assert.NotNull(regencyLeader);
        Assert.Equal(Roles.Leader, governor.Role);
        Assert.Equal(["52"], governor.Scopes);
        Assert.Equal((Roles.Liaison, "POLRI"), (polda.Role, polda.AgencyCode));
        Assert.Equal(["64"], polda.Scopes);
        Assert.Equal(DemoSeeder.DemoRegions.Order(), regencyLeader.Scopes.Order());
        Assert.Equal("Pj Gubernur Nusa Tenggara Barat", await ScalarAsync("SELECT Position FROM Users WHERE UserName = 'pimpinan.ntb';"));
        Assert.True(await users.CheckPasswordAsync(governor, "demo-kesiapan-pilkada"));
        Assert.All(AccountSeeder.DemoProvinceUsers, u => Assert.Contains(u.Province, DemoSeeder.DemoProvinces));
    }

    [Fact]
    public async Task A_province_liaison_is_named_with_the_provinces_unit_as_a_regency_liaison_is_with_the_regencys()
    {
        await _db.ReadyAsync();
        await _db.DemoSeeder().SeedAsync();
        using var scope = _db.Scope();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().EnsureDemoUsersAsync("demo-kesiapan-pilkada", DemoSeeder.DemoRegions);
        var contacts = _db.Get<ContactStore>();

        var polda = await contacts.ForRegionAsync(TestDatabase.Admin, "52", ["penghubung.polri.ntb"]);
        var korem = await contacts.ForRegionAsync(TestDatabase.Admin, "64", ["penghubung.tni.kaltim"]);
        var polres = await contacts.ForRegionAsync(TestDatabase.Admin, "64.02", ["penghubung.polri"]);

        Assert.Equal("Polda NTB", polda["penghubung.polri.ntb"].Unit);
        Assert.Equal("Korem 091/Aji Surya Natakesuma", korem["penghubung.tni.kaltim"].Unit);
        Assert.Equal("Polres Kutai Kartanegara", polres["penghubung.polri"].Unit);
        // A kecamatan is still refused: units are named per regency and per province.
        await Assert.ThrowsAsync<InputException>(() => contacts.SetAgencyUnitAsync(TestDatabase.Admin, "POLRI", "64.02.01", "Polsek Tenggarong"));
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = await _db.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<string>(sql);
    }

    public void Dispose() => _db.Dispose();
}
