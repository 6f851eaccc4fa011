using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Checklists;

/// <summary>
/// A leader's open region page holds a red-flag report and carries it forward from the live feed. After every change
/// its totals must equal a fresh read, even when the changed item is not among the flags shown.
/// </summary>
public sealed class RedFlagReportTests : IAsyncLifetime
{
    // 2026-11-23 11:00 WITA: the demo votes four days later.
    private readonly TestDatabase _db = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
    private int _election;

    [Theory]
    [InlineData("64.02")] // a regency page
    [InlineData("64.02.06")] // a kecamatan page
    public async Task Live_totals_stay_exact_through_a_series_of_changes_with_more_flags_than_shown(string region)
    {
        const int shown = 5;
        var store = _db.Get<RedFlagStore>();
        var feed = _db.Get<FeedStore>();
        var report = await store.ForRegionAsync(TestDatabase.Admin, _election, region, take: shown);
        Assert.True(report.Total > shown * 2, $"{region} has only {report.Total} flags: the test needs more than are shown");
        var items = await _db.Checklists.ListForExportAsync(TestDatabase.Admin, _election, region);
        var shownIds = report.Flags.Select(f => f.View.Item.Id).ToHashSet();
        var today = RedFlagRule.TodayIn(items[0].Zone, _db.Time);

        // Flags shown and not shown, of every kind, and items that are no flag; each taken through several statuses.
        var picks = new List<ItemView>();
        picks.AddRange(items.Where(v => shownIds.Contains(v.Item.Id)).Take(2));
        foreach (var kind in Enum.GetValues<RedFlagKind>())
        {
            picks.AddRange(items.Where(v => !shownIds.Contains(v.Item.Id) && v.RedFlag(today) == kind).Take(2));
        }

        picks.AddRange(items.Where(v => v.RedFlag(today) is null && v.Item.Status != ItemStatus.Ready).Take(2));
        picks.AddRange(items.Where(v => v.Item.Status == ItemStatus.Ready).Take(2));
        Assert.True(picks.Count >= 10, $"only {picks.Count} items to change");
        // A change elsewhere must not move this page's totals.
        var elsewhere = (await _db.Checklists.ListForExportAsync(TestDatabase.Admin, _election, "17.71")).First(v => v.Item.Status != ItemStatus.Ready);

        var steps = 0;
        foreach (var status in new[] { ItemStatus.Ready, ItemStatus.Blocked, ItemStatus.InProgress, ItemStatus.NotStarted, ItemStatus.Blocked })
        {
            foreach (var pick in picks.Append(elsewhere))
            {
                var current = (await _db.Checklists.FindAsync(pick.Item.Id))!;
                if (current.Status == status)
                {
                    continue;
                }

                var liaison = TestDatabase.Liaison(current.AgencyCode, current.RegionCode[..5]);
                Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(liaison,
                    new StatusChange(current.Id, current.Version, status, status == ItemStatus.Blocked ? "terhambat" : null, Guid.NewGuid())));

                report = report.Apply(await feed.ReadAsync(report.AsOfSeq, default));
                var fresh = await store.ForRegionAsync(TestDatabase.Admin, _election, region, take: shown);
                Assert.True((fresh.Blocked, fresh.Overdue, fresh.DueSoon) == (report.Blocked, report.Overdue, report.DueSoon),
                    $"after {current.Title} ({current.RegionCode}) went {current.Status} -> {status}: the page shows " +
                    $"{report.Blocked} kendala, {report.Overdue} terlambat, {report.DueSoon} kritis; the database has " +
                    $"{fresh.Blocked}, {fresh.Overdue}, {fresh.DueSoon}");
                Assert.True(report.Flags.Count <= shown);
                foreach (var flag in report.Flags)
                {
                    // Every flag shown is one now, of the kind shown, with the status it has now.
                    var stored = (await _db.Checklists.FindAsync(flag.View.Item.Id))!;
                    Assert.Equal((stored.Status, stored.Version), (flag.View.Item.Status, flag.View.Item.Version));
                    Assert.Equal(RedFlagRule.Classify(stored.Status, stored.Criticality, stored.DueDate, today), flag.Kind);
                }
                steps++;
            }
        }

        Assert.True(steps > 30, $"only {steps} changes made");
    }

    [Fact]
    public async Task Narrowed_to_one_kind_the_list_holds_only_that_kind_live_and_the_totals_still_count_every_kind()
    {
        var store = _db.Get<RedFlagStore>();
        var feed = _db.Get<FeedStore>();
        var all = await store.ForRegionAsync(TestDatabase.Admin, _election, "64.02", take: 500);
        var blocked = await store.ForRegionAsync(TestDatabase.Admin, _election, "64.02", take: 500, only: RedFlagKind.Blocked);

        Assert.Equal(RedFlagKind.Blocked, blocked.Kind);
        Assert.Equal((all.Blocked, all.Overdue, all.DueSoon), (blocked.Blocked, blocked.Overdue, blocked.DueSoon));
        Assert.Equal(all.Flags.Where(f => f.Kind == RedFlagKind.Blocked).Select(f => f.View.Item.Id), blocked.Flags.Select(f => f.View.Item.Id));
        Assert.True(all.Flags.Count > blocked.Flags.Count);

        // Live: an item newly Kendala joins the narrowed list; one turned back from Kendala leaves it; other kinds stay out.
        var items = await _db.Checklists.ListForExportAsync(TestDatabase.Admin, _election, "64.02");
        var joining = items.First(v => v.Item.Status == ItemStatus.InProgress);
        var leaving = blocked.Flags[0].View.Item;
        foreach (var (item, status) in new[] { (joining.Item, ItemStatus.Blocked), (leaving, ItemStatus.NotStarted) })
        {
            var current = (await _db.Checklists.FindAsync(item.Id))!;
            Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison(current.AgencyCode, "64.02"),
                new StatusChange(current.Id, current.Version, status, status == ItemStatus.Blocked ? "terhambat" : null, Guid.NewGuid())));
        }

        blocked = blocked.Apply(await feed.ReadAsync(blocked.AsOfSeq, default));
        var fresh = await store.ForRegionAsync(TestDatabase.Admin, _election, "64.02", take: 500, only: RedFlagKind.Blocked);
        Assert.Contains(blocked.Flags, f => f.View.Item.Id == joining.Item.Id);
        Assert.DoesNotContain(blocked.Flags, f => f.View.Item.Id == leaving.Id);
        Assert.All(blocked.Flags, f => Assert.Equal(RedFlagKind.Blocked, f.Kind));
        Assert.Equal(fresh.Flags.Select(f => f.View.Item.Id).Order(), blocked.Flags.Select(f => f.View.Item.Id).Order());
        Assert.Equal((fresh.Blocked, fresh.Overdue, fresh.DueSoon), (blocked.Blocked, blocked.Overdue, blocked.DueSoon));
    }

    [Fact]
    public async Task Events_already_counted_by_the_read_are_not_counted_twice()
    {
        var store = _db.Get<RedFlagStore>();
        var feed = _db.Get<FeedStore>();
        var item = (await _db.Checklists.ListForExportAsync(TestDatabase.Admin, _election, "64.02")).First(v => v.Item.Status == ItemStatus.InProgress);
        var liaison = TestDatabase.Liaison(item.Item.AgencyCode, "64.02");
        await _db.Checklists.ChangeStatusAsync(liaison, new StatusChange(item.Item.Id, item.Item.Version, ItemStatus.Blocked, "terhambat", Guid.NewGuid()));

        // A page subscribes before it reads, so the feed may deliver an event the read already counted.
        var report = await store.ForRegionAsync(TestDatabase.Admin, _election, "64.02", take: 5);
        var replayed = report.Apply(await feed.ReadAsync(0, default));

        Assert.Equal((report.Blocked, report.Overdue, report.DueSoon), (replayed.Blocked, replayed.Overdue, replayed.DueSoon));
    }

    [Fact]
    public async Task After_local_midnight_the_report_is_stale_and_a_new_read_counts_what_turned_overdue()
    {
        var store = _db.Get<RedFlagStore>();
        var today = new DateOnly(2026, 11, 23); // in WITA
        var stage = (await _db.Elections.StagesAsync(_election)).Single(s => s.Code == "KAMPANYE");
        await _db.Checklists.AddItemAsync(TestDatabase.Liaison("KPU", "64.02"),
            new NewItem(_election, "64.02", stage.Id, "Due today", today, Criticality.Normal), Guid.NewGuid());
        var report = await store.ForRegionAsync(TestDatabase.Admin, _election, "64.02", take: 5);
        Assert.False(report.IsStale(_db.Time));

        _db.Time.SetUtcNow(new DateTimeOffset(report.ValidUntilUtc));

        Assert.True(report.IsStale(_db.Time));
        var dueToday = (await _db.Checklists.ListForExportAsync(TestDatabase.Admin, _election, "64.02"))
            .Count(v => v.Item.DueDate == today && v.Item.Status is ItemStatus.NotStarted or ItemStatus.InProgress);
        var next = await store.ForRegionAsync(TestDatabase.Admin, _election, "64.02", take: 5);
        Assert.True(dueToday >= 1);
        Assert.Equal(report.Overdue + dueToday, next.Overdue);
    }

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        await _db.DemoSeeder().SeedAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.IsDemo).Id;
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
