using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Reports;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Reports;

/// <summary>
/// The one region report the region page, the wall and the brief render: read, it says what the board and the flag
/// store say; carried forward from the feed, it says what a fresh read says; past local midnight it is read again; and
/// it is read only for those who may see the region.
/// </summary>
public sealed class RegionReportTests : IAsyncLifetime
{
    // 2026-11-23 11:00 WITA: the demo votes four days later.
    private readonly TestDatabase _db = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
    private int _election;

    private static readonly RegionReportOptions PageOptions = new() { FlagsTake = 5, LatestTake = 8, ReadMap = true, ReadOwnItems = true };

    private RegionReports Reports => _db.Get<RegionReports>();

    [Theory]
    [InlineData("64.02")] // a regency, read by its KPU liaison
    [InlineData("64")] // a province, read by an admin
    [InlineData(null)] // the nation, admins only
    public async Task A_read_report_says_what_the_board_and_the_flag_store_say(string? code)
    {
        var actor = code == "64.02" ? TestDatabase.Liaison("KPU", "64.02") : TestDatabase.Admin;
        var board = _db.Get<ReadinessBoard>();
        var store = _db.Get<RedFlagStore>();
        var regionCode = code ?? "";

        var report = (await Reports.ReadAsync(actor, code, PageOptions))!;

        Assert.Equal(_election, report.Election!.Id);
        Assert.Equal(regionCode, report.Code);
        var readiness = await board.ReadinessAsync(actor, _election, regionCode);
        Assert.True(readiness.Overall.Total > 0, $"{code ?? "the nation"} has no items: the test needs some");
        Assert.Equal(readiness.Overall, report.Readiness.Overall);
        foreach (var agency in Readiness.Data.Agencies.Agency.All)
        {
            Assert.Equal(readiness.For(agency.Code), report.Readiness.For(agency.Code));
        }

        if (code is not null)
        {
            // The brief reads this report too: its sheet says what the database's GROUP BY says.
            Assert.Equal((await _db.Readiness.ForRegionAsync(actor, _election, regionCode)).Overall, report.Readiness.Overall);
        }

        var stageTotal = report.ByStage.Values.Aggregate(ReadinessCounts.Empty, (sum, c) => sum + c);
        Assert.Equal(readiness.Overall, stageTotal);

        var flags = await store.ForRegionAsync(actor, _election, regionCode, take: 5);
        Assert.Equal((flags.Blocked, flags.Overdue, flags.DueSoon), (report.Flags.Blocked, report.Flags.Overdue, report.Flags.DueSoon));
        Assert.True(report.Flags.Total > 0);
        Assert.Equal(flags.Flags.Select(f => f.View.Item.Id), report.Flags.Flags.Select(f => f.View.Item.Id));

        var overdue = await store.OverdueByChildAsync(actor, _election, regionCode);
        var children = await _db.Regions.ChildrenAsync(code);
        Assert.Equal(children.Select(c => c.Code), report.Children.Select(c => c.Region.Code));
        foreach (var child in report.Children)
        {
            Assert.Equal(overdue.GetValueOrDefault(child.Region.Code), child.Overdue);
            Assert.Equal((await board.ReadinessAsync(actor, _election, child.Region.Code)).Overall, child.Readiness.Overall);
        }

        Assert.True(report.Children.Sum(c => c.Overdue) > 0, "no overdue items below: the map's figures are not tested");
        Assert.NotNull(report.Map);
        // The map figures come from the children, and every name shown has its contact asked for.
        Assert.All(report.Flags.Flags.Select(f => f.View.Item.UpdatedBy).Where(n => !string.IsNullOrEmpty(n)),
            n => Assert.Contains(n!, report.AskedNames));
    }

    [Fact]
    public async Task Carried_forward_through_real_changes_the_report_equals_a_fresh_read()
    {
        var pump = _db.Get<FeedPump>();
        var feed = _db.Get<FeedStore>();
        await pump.InitializeAsync(CancellationToken.None);
        var reader = TestDatabase.Liaison("KPU", "64.02");
        var report = (await Reports.ReadAsync(reader, "64.02", PageOptions))!;
        var seq = report.Flags.AsOfSeq;

        var items = await _db.Checklists.ListForExportAsync(TestDatabase.Admin, _election, "64.02");
        var today = RedFlagRule.TodayIn(items[0].Zone, _db.Time);
        var shown = report.Flags.Flags.Select(f => f.View.Item.Id).ToHashSet();
        // One item of a kecamatan turns overdue again (ready -> in progress, past its due date), one becomes Kendala,
        // one overdue item is done: readiness, every flag total, a kecamatan's overdue count and the latest all move.
        var reopened = items.First(v => v.Item.RegionCode.Length > 5 && v.Item.Status == ItemStatus.Ready && v.Item.DueDate < today);
        var blocked = items.First(v => v.Item.RegionCode.Length > 5 && v.Item.Status == ItemStatus.InProgress && v.RedFlag(today) is null
                                       && !shown.Contains(v.Item.Id));
        var done = items.First(v => v.Item.RegionCode.Length > 5 && v.IsOverdue(today) && v.Item.RegionCode != reopened.Item.RegionCode);
        foreach (var (view, status) in new[] { (reopened, ItemStatus.InProgress), (blocked, ItemStatus.Blocked), (done, ItemStatus.Ready) })
        {
            var item = (await _db.Checklists.FindAsync(view.Item.Id))!;
            Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison(item.AgencyCode, "64.02"),
                new StatusChange(item.Id, item.Version, status, status == ItemStatus.Blocked ? "jalan putus" : null, Guid.NewGuid())));
        }

        await pump.DrainAsync(CancellationToken.None); // the board moves, as on a live server, before circuits hear
        var events = await feed.ReadAsync(seq, CancellationToken.None);
        Assert.Equal(3, events.Count);

        var (moved, changed) = await Reports.ApplyAsync(report, events);
        var fresh = (await Reports.ReadAsync(reader, "64.02", PageOptions))!;

        Assert.NotEqual(report.Readiness.Overall, moved.Readiness.Overall);
        Assert.Equal(fresh.Readiness.Overall, moved.Readiness.Overall);
        Assert.Equal(fresh.ByStage.OrderBy(p => p.Key), moved.ByStage.OrderBy(p => p.Key));
        Assert.Equal((report.Flags.Blocked + 1, report.Flags.Overdue), (moved.Flags.Blocked, moved.Flags.Overdue));
        Assert.Equal((fresh.Flags.Blocked, fresh.Flags.Overdue, fresh.Flags.DueSoon), (moved.Flags.Blocked, moved.Flags.Overdue, moved.Flags.DueSoon));
        Assert.Equal(fresh.Flags.Flags.Select(f => f.View.Item.Id), moved.Flags.Flags.Select(f => f.View.Item.Id));
        Assert.Equal(fresh.Children.Select(c => (c.Region.Code, c.Overdue, c.Readiness.Overall)),
            moved.Children.Select(c => (c.Region.Code, c.Overdue, c.Readiness.Overall)));
        Assert.NotEqual(report.Children.Select(c => c.Overdue), moved.Children.Select(c => c.Overdue));
        Assert.Equal(fresh.Latest.Select(e => e.Seq), moved.Latest.Select(e => e.Seq));
        Assert.Equal(events.Select(e => e.Seq).Reverse(), moved.Latest.Take(3).Select(e => e.Seq));
        Assert.Contains(moved.Latest[0].Actor, moved.AskedNames);
        Assert.True(changed.HasFlag(RegionReportParts.Readiness | RegionReportParts.Flags | RegionReportParts.Children | RegionReportParts.Latest),
            $"only {changed} said to have moved");

        // Replayed (the feed may deliver again what the report holds), nothing moves twice.
        var (again, _) = await Reports.ApplyAsync(moved, events);
        Assert.Equal((moved.Flags.Blocked, moved.Flags.Overdue), (again.Flags.Blocked, again.Flags.Overdue));
        Assert.Equal(moved.Children.Select(c => c.Overdue), again.Children.Select(c => c.Overdue));
        Assert.Equal(moved.Latest.Select(e => e.Seq), again.Latest.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_change_recounts_only_the_child_it_lies_under_and_the_totals_stay_exact()
    {
        var pump = _db.Get<FeedPump>();
        var feed = _db.Get<FeedStore>();
        await pump.InitializeAsync(CancellationToken.None);
        var province = (await Reports.ReadAsync(TestDatabase.Admin, "64", PageOptions))!;
        Assert.True(province.Children.Count > 1, "the province needs more than one regency for this test");
        var item = (await _db.Checklists.ListForExportAsync(TestDatabase.Admin, _election, "64.02"))
            .First(v => v.Item.Status == ItemStatus.NotStarted && v.Item.RegionCode.Length > 5).Item;
        var seq = await feed.StartAsync(CancellationToken.None);
        Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison(item.AgencyCode, "64.02"),
            new StatusChange(item.Id, item.Version, ItemStatus.Ready, null, Guid.NewGuid())));
        await pump.DrainAsync(CancellationToken.None);

        var (moved, _) = await Reports.ApplyAsync(province, await feed.ReadAsync(seq, CancellationToken.None));
        var fresh = (await Reports.ReadAsync(TestDatabase.Admin, "64", PageOptions))!;

        Assert.Equal(fresh.Readiness.Overall, moved.Readiness.Overall);
        Assert.Equal(fresh.Children.Select(c => (c.Region.Code, c.Readiness.Overall)), moved.Children.Select(c => (c.Region.Code, c.Readiness.Overall)));
        var before = province.Children.Single(c => c.Region.Code == "64.02").Readiness.Overall;
        Assert.Equal(before.Ready + 1, moved.Children.Single(c => c.Region.Code == "64.02").Readiness.Overall.Ready);
        // The other regencies were not counted again: they keep the very counts the report held.
        Assert.All(moved.Children.Where(c => c.Region.Code != "64.02"),
            c => Assert.Same(province.Children.Single(p => p.Region.Code == c.Region.Code).Readiness, c.Readiness));
    }

    [Fact]
    public async Task Numbers_are_said_to_move_only_when_a_change_moves_a_number()
    {
        var pump = _db.Get<FeedPump>();
        var feed = _db.Get<FeedStore>();
        await pump.InitializeAsync(CancellationToken.None);
        var report = (await Reports.ReadAsync(TestDatabase.Admin, "64.02", PageOptions))!;
        var items = await _db.Checklists.ListForExportAsync(TestDatabase.Admin, _election, "64.02");
        var plain = items.First(v => !v.Item.HasNumber && v.Item.Status == ItemStatus.NotStarted).Item;
        var counted = items.First(v => v.Item is { HasNumber: true, TargetFixed: false, Target: > 1 } && v.Item.Done != 1).Item;

        async Task<(RegionReport, RegionReportParts)> ApplyAsync(RegionReport before, StatusChange change, string agency)
        {
            var seq = (await feed.StartAsync(CancellationToken.None));
            Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(TestDatabase.Liaison(agency, "64.02"), change));
            await pump.DrainAsync(CancellationToken.None);
            return await Reports.ApplyAsync(before, await feed.ReadAsync(seq, CancellationToken.None));
        }

        var (afterStatus, statusParts) = await ApplyAsync(report,
            new StatusChange(plain.Id, plain.Version, ItemStatus.InProgress, null, Guid.NewGuid()), plain.AgencyCode);
        var (afterNumber, numberParts) = await ApplyAsync(afterStatus,
            new StatusChange(counted.Id, counted.Version, counted.Status, counted.Note, Guid.NewGuid(), Done: 1), counted.AgencyCode);

        Assert.True(statusParts.HasFlag(RegionReportParts.Readiness), $"only {statusParts} said to have moved");
        Assert.False(statusParts.HasFlag(RegionReportParts.Numbers), $"{statusParts}: a status alone moved no number");
        Assert.True(afterStatus.Numbers.SameAs(report.Numbers));
        Assert.True(numberParts.HasFlag(RegionReportParts.Numbers), $"only {numberParts} said to have moved");
        Assert.False(afterNumber.Numbers.SameAs(afterStatus.Numbers));
    }

    [Fact]
    public async Task A_report_read_just_before_local_midnight_is_stale_after_it_and_is_read_again()
    {
        var stage = (await _db.Elections.StagesAsync(_election)).Single(s => s.Code == "KAMPANYE");
        var today = new DateOnly(2026, 11, 23); // in WITA
        await _db.Checklists.AddItemAsync(TestDatabase.Liaison("KPU", "64.02"),
            new NewItem(_election, "64.02.06", stage.Id, "Due today", today, Criticality.Normal), Guid.NewGuid());
        _db.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 15, 59, 0, TimeSpan.Zero)); // 23:59 WITA
        var report = (await Reports.ReadAsync(TestDatabase.Admin, "64.02", PageOptions))!;
        Assert.Equal(today, report.Day.Today);
        Assert.Equal(new DateTime(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc), report.ValidUntilUtc);
        Assert.False(report.IsStale(_db.Time));
        var (same, nothing) = await Reports.ApplyAsync(report, []);
        Assert.Same(report, same);
        Assert.Equal(RegionReportParts.None, nothing);

        _db.Time.Advance(TimeSpan.FromMinutes(2)); // 00:01 WITA

        Assert.True(report.IsStale(_db.Time));
        var (next, changed) = await Reports.ApplyAsync(report, []);
        Assert.Equal(RegionReportParts.All, changed);
        Assert.Equal(today.AddDays(1), next.Day.Today);
        Assert.Equal(report.Day.DaysToVoting - 1, next.Day.DaysToVoting);
        var dueYesterday = (await _db.Checklists.ListForExportAsync(TestDatabase.Admin, _election, "64.02"))
            .Where(v => v.Item.DueDate == today && v.Item.Status is ItemStatus.NotStarted or ItemStatus.InProgress).ToList();
        var dueToday = dueYesterday.Count(v => v.Item.RegionCode.StartsWith("64.02.06", StringComparison.Ordinal));
        Assert.True(dueToday >= 1);
        Assert.Equal(report.Flags.Overdue + dueYesterday.Count, next.Flags.Overdue);
        Assert.Equal(report.Children.Single(c => c.Region.Code == "64.02.06").Overdue + dueToday,
            next.Children.Single(c => c.Region.Code == "64.02.06").Overdue);
        Assert.False(next.IsStale(_db.Time));
    }

    [Fact]
    public async Task An_actor_out_of_scope_is_refused_and_the_nation_is_for_admins_only()
    {
        var liaison = TestDatabase.Liaison("KPU", "64.02");

        var other = await Assert.ThrowsAsync<AccessDeniedException>(() => Reports.ReadAsync(liaison, "64.01", PageOptions));
        Assert.Equal(AccessDeniedException.OutOfScope, other.Reason);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Reports.ReadAsync(liaison, "64", PageOptions));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Reports.ReadAsync(liaison, null, PageOptions));
        await Assert.ThrowsAsync<InputException>(() => Reports.ReadAsync(liaison, "64.02'--", PageOptions));
        Assert.Null(await Reports.ReadAsync(liaison, "64.02.99", PageOptions));
        Assert.NotNull(await Reports.ReadAsync(liaison, "64.02.06", PageOptions));
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
