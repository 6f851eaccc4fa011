using Readiness.Data.Accounts;
using Readiness.Data.Notifications;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Notifications;

/// <summary>
/// The inbox as rows a leader can read on the first day: a rule's notices about a region on one day of that region
/// (its own zone), with how many and how many unread; the bell counts rows, not notices.
/// </summary>
public sealed class InboxGroupTests : IAsyncLifetime
{
    private const int BlockedRule = 1;
    private const int OverdueRule = 2;
    private const int DigestRule = 3;

    // 7 Dec 2026, 14:00 UTC: 22:00 WITA in Kutai Kartanegara, 21:00 WIB in Kota Bengkulu.
    private readonly TestDatabase _db = new(new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero));
    private NotificationScenario _s = null!;
    private Actor _leader = null!;
    private Actor _otherLeader = null!;

    private NotificationStore Store => _db.Get<NotificationStore>();

    [Fact]
    public async Task Notices_of_one_rule_and_region_on_one_local_day_are_one_row_with_their_count_and_the_day_turns_at_the_regions_midnight()
    {
        // 15:30 UTC is 23:30 WITA on the 7th; 16:30 UTC is 00:30 WITA on the 8th, still the 7th in UTC.
        await NoticeAsync(_leader, BlockedRule, "64.02", At(7, 2));
        await NoticeAsync(_leader, BlockedRule, "64.02", At(7, 9));
        await NoticeAsync(_leader, BlockedRule, "64.02", At(7, 15, 30));
        await NoticeAsync(_leader, BlockedRule, "64.02", At(7, 16, 30));
        await NoticeAsync(_leader, OverdueRule, "64.02", At(7, 9));
        // 16:30 UTC is 23:30 WIB: still the 7th in Kota Bengkulu.
        await NoticeAsync(_leader, BlockedRule, "17.71", At(7, 16, 30));
        await DigestAsync(_leader, At(6, 23));

        var rows = await Store.InboxGroupsAsync(_leader);

        var kukar = rows.Where(r => r.RegionCode == "64.02" && r.RuleId == BlockedRule).OrderBy(r => r.Date).ToList();
        Assert.Equal([(new DateOnly(2026, 12, 7), 3), (new DateOnly(2026, 12, 8), 1)], kukar.Select(r => (r.Date, r.Count)));
        Assert.Equal(("Kendala tidak berubah 24 jam", "kendala", "Asia/Makassar"), (kukar[0].RuleName, kukar[0].Kind, kukar[0].TimeZone));
        Assert.Equal("Kabupaten Kutai Kartanegara", kukar[0].RegionName);
        Assert.Equal(At(7, 15, 30), kukar[0].LatestAtUtc);
        var bengkulu = Assert.Single(rows, r => r.RegionCode == "17.71");
        Assert.Equal((new DateOnly(2026, 12, 7), 1), (bengkulu.Date, bengkulu.Count));
        var overdue = Assert.Single(rows, r => r.RuleId == OverdueRule);
        Assert.Equal((new DateOnly(2026, 12, 7), 1), (overdue.Date, overdue.Count));
        var digest = Assert.Single(rows, r => r.RuleId == DigestRule);
        Assert.Equal((null, new DateOnly(2026, 12, 7), "Asia/Makassar"), (digest.RegionCode, digest.Date, digest.TimeZone));
        Assert.Equal(5, rows.Count);
        Assert.Equal(7, rows.Sum(r => r.Count));

        var opened = await Store.GroupAsync(_leader, kukar[0].Key);
        Assert.Equal(3, opened.Count);
        Assert.All(opened, n => Assert.Equal(("64.02", "kendala"), (n.RegionCode, n.Kind)));
        Assert.Equal(opened.OrderByDescending(n => n.Id).Select(n => n.Id), opened.Select(n => n.Id));
    }

    [Fact]
    public async Task The_bell_counts_rows_with_something_unread_and_marking_a_row_read_reads_only_that_rows_notices_of_that_leader()
    {
        for (var hour = 1; hour <= 12; hour++)
        {
            await NoticeAsync(_leader, BlockedRule, "64.02", At(7, hour));
            await NoticeAsync(_otherLeader, BlockedRule, "64.02", At(7, hour));
        }

        await NoticeAsync(_leader, OverdueRule, "64.02", At(7, 3));
        await NoticeAsync(_leader, BlockedRule, "64.02.01", At(7, 3));
        await NoticeAsync(_leader, BlockedRule, "64.02", At(6, 3));

        Assert.Equal(15, await Store.UnreadCountAsync(_leader));
        Assert.Equal(4, await Store.UnreadGroupCountAsync(_leader));

        var row = Assert.Single(await Store.InboxGroupsAsync(_leader), r => r.RegionCode == "64.02" && r.RuleId == BlockedRule && r.Count == 12);
        Assert.Equal(12, row.Unread);
        Assert.Equal(12, await Store.MarkGroupReadAsync(_leader, row.Key));

        Assert.Equal((3, 3), (await Store.UnreadGroupCountAsync(_leader), await Store.UnreadCountAsync(_leader)));
        var after = await Store.InboxGroupsAsync(_leader);
        Assert.Equal(0, Assert.Single(after, r => r.Key == row.Key).Unread);
        Assert.True(after.Take(3).All(r => r.HasUnread), "rows with something unread come first");
        Assert.Equal((1, 12), (await Store.UnreadGroupCountAsync(_otherLeader), await Store.UnreadCountAsync(_otherLeader)));
        Assert.Equal(0, await Store.MarkGroupReadAsync(_leader, row.Key));
    }

    [Fact]
    public async Task A_row_about_a_region_outside_the_leaders_scope_is_neither_listed_counted_opened_nor_marked()
    {
        await NoticeAsync(_leader, BlockedRule, "64.02", At(7, 3));
        await NoticeAsync(_leader, BlockedRule, "64.02", At(7, 4));
        var key = Assert.Single(await Store.InboxGroupsAsync(_leader)).Key;
        var moved = _leader with { Scopes = ["52.71"] };

        Assert.Empty(await Store.InboxGroupsAsync(moved));
        Assert.Equal(0, await Store.UnreadGroupCountAsync(moved));
        Assert.Empty(await Store.GroupAsync(moved, key));
        Assert.Equal(0, await Store.MarkGroupReadAsync(moved, key));
        Assert.Empty(await Store.GroupAsync(_otherLeader, key));
        Assert.Equal(0, await Store.MarkGroupReadAsync(_otherLeader, key));
        Assert.Equal(1, await Store.UnreadGroupCountAsync(_leader));
        Assert.Equal(0, await Store.UnreadGroupCountAsync(new Actor { Name = "layar", Role = Roles.Screen, ScreenTokenId = 1 }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.InboxGroupsAsync(new Actor { Name = "layar", Role = Roles.Screen, ScreenTokenId = 1 }));
    }

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, DateTimeKind.Utc);

    private Task NoticeAsync(Actor to, int rule, string region, DateTime atUtc) => _s.ExecuteAsync("""
        INSERT INTO Notifications (UserId, RuleId, Kind, RegionCode, AgencyCode, CreatedAtUtc)
        SELECT @userId, Id, Kind, @region, 'KPU', @atUtc FROM EscalationRules WHERE Id = @rule;
        """, new { userId = to.UserId, rule, region, atUtc });

    private Task DigestAsync(Actor to, DateTime atUtc) => _s.ExecuteAsync("""
        INSERT INTO Notifications (UserId, RuleId, Kind, DigestZone, DigestDate, Details, CreatedAtUtc)
        VALUES (@userId, 3, 'ringkasan', 'Asia/Makassar', @date, '{"zone":"Asia/Makassar","date":"2026-12-07","regionCodes":["64.02"],"agencies":[]}', @atUtc);
        """, new { userId = to.UserId, date = new DateOnly(2026, 12, 7), atUtc });

    public async Task InitializeAsync()
    {
        _s = await NotificationScenario.StartAsync(_db);
        _leader = await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02", "17.71");
        _otherLeader = await _s.UserAsync("pimpinan.kaltim", Roles.Leader, "64");
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
