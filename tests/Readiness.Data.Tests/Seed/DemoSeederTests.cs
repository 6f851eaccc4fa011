using Dapper;
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

    public void Dispose() => _db.Dispose();
}
