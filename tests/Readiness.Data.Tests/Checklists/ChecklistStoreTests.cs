using Dapper;
using Readiness.Data.Checklists;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Checklists;

public sealed class ChecklistStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();

    [Fact]
    public async Task Applying_templates_twice_adds_nothing_the_second_time()
    {
        await _db.ReadyAsync();
        var election = await Pilkada2024Async();

        var first = await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, election, "17.71");
        var second = await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, election, "17.71");

        Assert.True(first > 0);
        Assert.Equal(0, second);
        await using var connection = await _db.Factory.OpenAsync();
        var (items, events) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT (SELECT COUNT(*) FROM ChecklistItems), (SELECT COUNT(*) FROM ItemEvents);");
        Assert.Equal(first, items);
        Assert.Equal(items, events);
    }

    [Fact]
    public async Task Template_items_land_on_the_regency_or_every_kecamatan_with_due_dates_from_the_stage()
    {
        await _db.ReadyAsync();
        var election = await Pilkada2024Async();
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, election, "17.71");
        await using var connection = await _db.Factory.OpenAsync();

        var perRegion = (await connection.QueryAsync<(string Code, long Count)>(
            "SELECT RegionCode, COUNT(*) FROM ChecklistItems GROUP BY RegionCode;")).ToDictionary(r => r.Code, r => r.Count);
        var wrongDue = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM ChecklistItems i
            JOIN TemplateItems t ON t.Id = i.TemplateItemId
            JOIN Stages s ON s.Id = i.StageId
            WHERE t.Recurrence IS NULL AND i.DueDate <> date(s.EndDate, t.DueOffsetDays || ' days');
            """);

        Assert.Equal(10, perRegion.Count); // Kota Bengkulu and its nine kecamatan
        Assert.True(perRegion["17.71"] > perRegion["17.71.01"]);
        Assert.Equal(0, wrongDue);
    }

    [Fact]
    public async Task Status_change_bumps_the_version_and_writes_one_event()
    {
        var item = await AnyItemAsync();

        var result = await _db.Checklists.ChangeStatusAsync(LiaisonFor(item),
            new StatusChange(item.Id, item.Version, ItemStatus.Ready, "Selesai", Guid.NewGuid()));

        var saved = Assert.IsType<SaveResult.Saved>(result);
        Assert.Equal(item.Version + 1, saved.Item.Version);
        var stored = await _db.Checklists.FindAsync(item.Id);
        Assert.Equal((ItemStatus.Ready, "Selesai", LiaisonFor(item).Name), (stored!.Status, stored.Note, stored.UpdatedBy));
        Assert.Equal(_db.Time.GetUtcNow().UtcDateTime, stored.UpdatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, stored.UpdatedAtUtc.Kind);
    }

    [Fact]
    public async Task Update_with_stale_version_is_rejected_and_keeps_the_other_change()
    {
        var item = await AnyItemAsync();
        var first = LiaisonFor(item);
        var second = first with { Name = "penghubung.kedua" };
        await _db.Checklists.ChangeStatusAsync(first, new StatusChange(item.Id, item.Version, ItemStatus.Blocked, "Kotak suara belum tiba", Guid.NewGuid()));

        var late = await _db.Checklists.ChangeStatusAsync(second, new StatusChange(item.Id, item.Version, ItemStatus.Ready, null, Guid.NewGuid()));

        var conflict = Assert.IsType<SaveResult.Conflict>(late);
        Assert.Equal((ItemStatus.Blocked, "Kotak suara belum tiba", first.Name), (conflict.Current.Status, conflict.Current.Note, conflict.Current.UpdatedBy));
        Assert.Equal(ItemStatus.Blocked, (await _db.Checklists.FindAsync(item.Id))!.Status);
    }

    [Fact]
    public async Task Replayed_operation_writes_nothing()
    {
        var item = await AnyItemAsync();
        var change = new StatusChange(item.Id, item.Version, ItemStatus.InProgress, null, Guid.NewGuid());
        await _db.Checklists.ChangeStatusAsync(LiaisonFor(item), change);
        var events = await EventCountAsync(item.Id);

        var replay = await _db.Checklists.ChangeStatusAsync(LiaisonFor(item), change);

        Assert.IsType<SaveResult.AlreadyApplied>(replay);
        Assert.Equal(events, await EventCountAsync(item.Id));
        Assert.Equal(item.Version + 1, (await _db.Checklists.FindAsync(item.Id))!.Version);
    }

    [Fact]
    public async Task Rollup_counts_the_regency_and_its_kecamatan_but_not_its_neighbours()
    {
        await _db.ReadyAsync();
        var election = await Pilkada2024Async();
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, election, "17.71");
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, election, "17.01");
        await using var connection = await _db.Factory.OpenAsync();
        var expected = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ChecklistItems WHERE substr(RegionCode, 1, 5) = '17.71';");

        var readiness = await _db.Readiness.ForRegionAsync(TestDatabase.Admin, election, "17.71");

        Assert.Equal(expected, readiness.Overall.Total);
        Assert.Equal(readiness.Overall.Total, readiness.Overall.NotStarted);
        Assert.Equal(0d, readiness.Overall.ReadyShare);
    }

    private static Readiness.Data.Accounts.Actor LiaisonFor(ChecklistItem item) => TestDatabase.Liaison(item.AgencyCode, "17.71");

    private async Task<int> Pilkada2024Async() =>
        (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;

    private async Task<ChecklistItem> AnyItemAsync()
    {
        await _db.ReadyAsync();
        var election = await Pilkada2024Async();
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, election, "17.71");
        await using var connection = await _db.Factory.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM ChecklistItems;");
        return (await _db.Checklists.FindAsync(id))!;
    }

    private async Task<long> EventCountAsync(long itemId)
    {
        await using var connection = await _db.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ItemEvents WHERE ItemId = @itemId;", new { itemId });
    }

    public void Dispose() => _db.Dispose();
}

public sealed class ChecklistInputTests : IDisposable
{
    private readonly TestDatabase _db = new();

    [Theory]
    [InlineData("selesai", null, "Input.StatusInvalid")]
    [InlineData("kendala", null, "Input.BlockedNeedsNote")]
    [InlineData("kendala", "   ", "Input.BlockedNeedsNote")]
    public async Task Bad_input_is_refused_with_a_message_key_and_nothing_is_written(string status, string? note, string key)
    {
        var (actor, item) = await ItemAsync();

        var refused = await Assert.ThrowsAsync<InputException>(() =>
            _db.Checklists.ChangeStatusAsync(actor, new StatusChange(item.Id, item.Version, status, note, Guid.NewGuid())));

        Assert.Equal(key, refused.Key);
        Assert.Equal(item.Version, (await _db.Checklists.FindAsync(item.Id))!.Version);
    }

    [Fact]
    public async Task Note_over_1000_characters_is_refused_and_1000_is_kept_whole()
    {
        var (actor, item) = await ItemAsync();

        var refused = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.ChangeStatusAsync(actor,
            new StatusChange(item.Id, item.Version, ItemStatus.InProgress, new string('x', 1001), Guid.NewGuid())));
        var saved = await _db.Checklists.ChangeStatusAsync(actor,
            new StatusChange(item.Id, item.Version, ItemStatus.InProgress, new string('y', 1000), Guid.NewGuid()));

        Assert.Equal(InputException.NoteTooLong, refused.Key);
        Assert.Equal(1000, Assert.IsType<SaveResult.Saved>(saved).Item.Note!.Length);
        Assert.Equal(new string('y', 1000), (await _db.Checklists.FindAsync(item.Id))!.Note);
    }

    [Theory]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0xD83D)] // half of a surrogate pair: built here, since test data would turn it into U+FFFD on the way
    [InlineData(0xDE00)]
    public async Task A_note_with_characters_no_export_can_hold_is_refused_and_nothing_is_written(int character)
    {
        var (liaison, item) = await ItemAsync();
        var note = "Salinan PDF " + (char)character + " akhir";

        var refused = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.ChangeStatusAsync(liaison,
            new StatusChange(item.Id, item.Version, ItemStatus.Blocked, note, Guid.NewGuid())));

        Assert.Equal(InputException.ControlCharacters, refused.Key);
        Assert.Equal((item.Version, item.Status), ((await _db.Checklists.FindAsync(item.Id))!.Version, (await _db.Checklists.FindAsync(item.Id))!.Status));
    }

    [Fact]
    public async Task A_title_that_would_show_reversed_is_refused_and_no_item_is_added()
    {
        var (liaison, item) = await ItemAsync();
        await using var connection = await _db.Factory.OpenAsync();
        var before = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ChecklistItems;");

        var refused = await Assert.ThrowsAsync<InputException>(() => _db.Checklists.AddItemAsync(liaison,
            new NewItem(item.ElectionId, item.RegionCode, item.StageId, "Logistik \u202Eiaseles", item.DueDate, Criticality.Normal), Guid.NewGuid()));

        Assert.Equal(InputException.DirectionCharacters, refused.Key);
        Assert.Equal(before, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ChecklistItems;"));
    }

    private async Task<(Readiness.Data.Accounts.Actor, ChecklistItem)> ItemAsync()
    {
        await _db.ReadyAsync();
        var election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, election, "17.71");
        await using var connection = await _db.Factory.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM ChecklistItems;");
        var item = (await _db.Checklists.FindAsync(id))!;
        return (TestDatabase.Liaison(item.AgencyCode, "17.71"), item);
    }

    public void Dispose() => _db.Dispose();
}

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("\0awal")]
    [InlineData("bel\u0007")]
    [InlineData("escape\u001b[31m")]
    public void Control_characters_are_refused_because_a_nul_would_cut_the_text(string text)
    {
        var refused = Assert.Throws<InputException>(() => InputException.RequirePlainText(text));

        Assert.Equal(InputException.ControlCharacters, refused.Key);
    }

    [Theory]
    [InlineData("baris satu\r\nbaris dua\tkolom")]
    [InlineData("<script>alert(1)</script> ' OR 1=1 -- 😀")]
    [InlineData("عربي and English \u200F mixed")]
    [InlineData(null)]
    public void Line_breaks_tabs_markup_and_emoji_are_plain_text(string? text) => InputException.RequirePlainText(text);
}
