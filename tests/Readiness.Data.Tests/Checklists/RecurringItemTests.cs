using Dapper;
using Readiness.Data.Checklists;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Checklists;

/// <summary>
/// A recurring template (the Desk Pilkada's monthly report to the province, PEMDA-08) gives one item per period of its
/// stage's window, each due on its own date, never twice, and an unsent one is overdue like any other item.
/// </summary>
public sealed class RecurringItemTests : IAsyncLifetime
{
    // 10:00 WIB on 5 November 2024: the September and October reports are due, November's is not.
    private readonly TestDatabase _db = new(new DateTimeOffset(2024, 11, 5, 3, 0, 0, TimeSpan.Zero));
    private int _election;

    [Fact]
    public void Monthly_periods_are_the_calendar_months_cut_to_the_window()
    {
        var periods = Recurrence.Periods(Recurrence.Monthly, new DateOnly(2024, 9, 25), new DateOnly(2024, 11, 23));

        Assert.Equal(
            [
                (new DateOnly(2024, 9, 1), new DateOnly(2024, 9, 25), new DateOnly(2024, 9, 30), "September 2024"),
                (new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 31), "Oktober 2024"),
                (new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 23), "November 2024"),
            ],
            periods.Select(p => (p.Key, p.Start, p.End, p.Label)));
    }

    [Fact]
    public void Weekly_periods_run_monday_to_sunday_cut_to_the_window()
    {
        // 25 Sep 2024 is a Wednesday; 23 Nov 2024 a Saturday.
        var periods = Recurrence.Periods(Recurrence.Weekly, new DateOnly(2024, 9, 25), new DateOnly(2024, 11, 23));

        Assert.Equal(9, periods.Count);
        Assert.Equal((new DateOnly(2024, 9, 23), new DateOnly(2024, 9, 25), new DateOnly(2024, 9, 29)), (periods[0].Key, periods[0].Start, periods[0].End));
        Assert.Equal((new DateOnly(2024, 11, 18), new DateOnly(2024, 11, 23)), (periods[^1].Key, periods[^1].End));
        Assert.All(periods.Skip(1), p => Assert.Equal(DayOfWeek.Monday, p.Start.DayOfWeek));
        Assert.Equal("pekan 23 September 2024", periods[0].Label);
        Assert.Throws<ArgumentException>(() => Recurrence.Periods("tahunan", new DateOnly(2024, 9, 25), new DateOnly(2024, 11, 23)));
    }

    [Fact]
    public async Task A_monthly_template_gives_one_item_per_month_of_its_stage_each_due_on_its_last_day()
    {
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");

        var reports = await ReportsAsync("17.71");

        Assert.Equal(
            [
                ("Laporan bulanan Desk Pilkada dikirim ke Pemprov (September 2024)", "2024-09-30", "2024-09-01"),
                ("Laporan bulanan Desk Pilkada dikirim ke Pemprov (Oktober 2024)", "2024-10-31", "2024-10-01"),
                ("Laporan bulanan Desk Pilkada dikirim ke Pemprov (November 2024)", "2024-11-23", "2024-11-01"),
            ],
            reports);
        Assert.Empty(await ReportsAsync("17.71.01")); // a regency's report, not each kecamatan's
    }

    [Fact]
    public async Task Applying_again_adds_no_period_twice_and_each_period_item_has_its_creation_event()
    {
        var first = await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");
        var second = await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");

        Assert.Equal(0, second);
        Assert.Equal(3, (await ReportsAsync("17.71")).Count);
        await using var connection = await _db.Factory.OpenAsync();
        var (items, events) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT (SELECT COUNT(*) FROM ChecklistItems), (SELECT COUNT(*) FROM ItemEvents);");
        Assert.Equal((first, first), (items, events));
    }

    [Fact]
    public async Task The_database_refuses_a_second_item_for_the_same_template_and_period()
    {
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");
        await using var connection = await _db.Factory.OpenAsync();

        var copy = connection.ExecuteAsync($"""
            INSERT INTO ChecklistItems ({ItemSql.InsertColumns}, PeriodKey)
            SELECT ElectionId, RegionCode, AgencyCode, StageId, TemplateItemId, Title, Criticality, DueDate, Status, Note,
                   UpdatedAtUtc, UpdatedBy, Version, Unit, Done, Target, TargetFixed, AllowOver, PeriodKey
            FROM ChecklistItems WHERE PeriodKey = '2024-10-01';
            """);

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => copy);
    }

    [Fact]
    public async Task An_unsent_monthly_report_is_overdue_like_any_other_item_and_a_sent_one_is_not()
    {
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");
        var pemda = TestDatabase.Liaison("PEMDA", "17.71");
        var september = (await _db.Get<TaskQuery>().ListAsync(pemda, _election,
            new TaskFilter { View = TaskView.All, Text = "September 2024" })).Items.Single().Item;
        Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(pemda,
            new StatusChange(september.Id, september.Version, ItemStatus.Ready, null, Guid.NewGuid())));

        var overdue = await _db.Get<TaskQuery>().ListAsync(pemda, _election,
            new TaskFilter { View = TaskView.All, Due = DueWindow.Overdue, Text = "Laporan bulanan" });

        Assert.Equal(["Laporan bulanan Desk Pilkada dikirim ke Pemprov (Oktober 2024)"], overdue.Items.Select(v => v.Item.Title));
    }

    private async Task<List<(string Title, string Due, string Period)>> ReportsAsync(string region)
    {
        await using var connection = await _db.Factory.OpenAsync();
        return (await connection.QueryAsync<(string, string, string)>("""
            SELECT i.Title, i.DueDate, i.PeriodKey FROM ChecklistItems i JOIN TemplateItems t ON t.Id = i.TemplateItemId
            WHERE t.Code = 'PEMDA-08' AND i.RegionCode = @region AND i.ElectionId = @election
            ORDER BY i.DueDate;
            """, new { region, election = _election })).ToList();
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
