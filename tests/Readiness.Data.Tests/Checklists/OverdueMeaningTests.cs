using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Notifications;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Data.Tests.Notifications;

namespace Readiness.Data.Tests.Checklists;

/// <summary>
/// "Overdue" means one thing everywhere (<see cref="RedFlagRule.IsOverdue"/>): neither Siap nor Kendala, past its due
/// date in its region's own zone. A Kendala item past its date is Kendala on every screen, never also overdue.
/// </summary>
public sealed class OverdueMeaningTests : IDisposable
{
    // 11:00 WITA on 24 November 2024.
    private readonly TestDatabase _db = new(new DateTimeOffset(2024, 11, 24, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_late_kendala_item_is_not_overdue_in_the_rule_the_map_the_tasks_filter_or_escalation_and_a_late_open_one_is_in_all()
    {
        var s = await NotificationScenario.StartAsync(_db);
        await s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        var due = new DateOnly(2024, 11, 22);
        var late = await s.ItemAsync("64.02.01", "Logistik TPS terlambat", ItemStatus.InProgress, due, Criticality.Critical);
        var blocked = await s.ItemAsync("64.02.01", "Gudang logistik banjir", ItemStatus.Blocked, due, Criticality.Critical);
        var today = _db.Get<RegionCalendar>().Today(RegionTimeZone.Wita);

        // The rule, in C# and as the red flag.
        Assert.True(RedFlagRule.IsOverdue(late.Status, late.DueDate, today));
        Assert.False(RedFlagRule.IsOverdue(blocked.Status, blocked.DueDate, today));
        Assert.Equal(RedFlagKind.Overdue, RedFlagRule.Classify(late.Status, late.Criticality, late.DueDate, today));
        Assert.Equal(RedFlagKind.Blocked, RedFlagRule.Classify(blocked.Status, blocked.Criticality, blocked.DueDate, today));

        // The map's figure per kecamatan.
        var byChild = await _db.Get<RedFlagStore>().OverdueByChildAsync(TestDatabase.Admin, s.Election, "64.02");
        Assert.Equal(1, byChild.GetValueOrDefault("64.02.01"));

        // The tasks filter "terlambat".
        var overdue = await _db.Get<TaskQuery>().ListAsync(s.Liaison, s.Election, new TaskFilter { View = TaskView.All, Due = DueWindow.Overdue });
        Assert.Equal([late.Id], overdue.Items.Select(v => v.Item.Id));
        Assert.All(overdue.Items, v => Assert.True(v.IsOverdue(today)));

        // Escalation: the overdue rule escalates the open item at once; the Kendala item waits for the Kendala rule.
        await s.Engine.RunOnceAsync();
        var notices = (await s.NotificationsAsync()).Where(n => n.ItemId is not null); // not the morning digest
        Assert.Equal([(EscalationKinds.Overdue, (long?)late.Id)], notices.Select(n => (n.Kind, n.ItemId)));
    }

    public void Dispose() => _db.Dispose();
}
