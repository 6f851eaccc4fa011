using Readiness.Data.Accounts;
using Readiness.Data.Shared;
using Readiness.Data.Notifications;

namespace Readiness.Data.Tests.Notifications;

/// <summary>
/// The morning digest on the first day, when the items were made less than 24 hours before it: there is no state
/// 24 hours earlier to compare with, and the digest says it has no figure rather than "0,0% ready yesterday".
/// </summary>
public sealed class DigestFirstDayTests
{
    [Fact]
    public async Task A_digest_over_items_all_made_since_yesterday_has_no_figure_for_yesterday_and_not_zero_percent()
    {
        // Items made at 20:00 WITA on the 22nd; the digest is at 07:00 WITA on the 23rd (23:00 UTC on the 22nd).
        using var db = new TestDatabase(new DateTimeOffset(2024, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var s = await NotificationScenario.StartAsync(db);
        var leader = await s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        await s.ExecuteAsync("UPDATE EscalationRules SET IsEnabled = 0 WHERE Kind <> 'ringkasan';");
        await s.ItemAsync("64.02", "Siap sejak dibuat", ItemStatus.Ready);
        await s.ItemAsync("64.02", "Belum mulai", ItemStatus.NotStarted);

        db.Time.SetUtcNow(new DateTimeOffset(2024, 11, 22, 23, 0, 0, TimeSpan.Zero));
        await s.Engine.RunOnceAsync();

        var digest = Assert.Single(await db.Get<NotificationStore>().InboxAsync(leader)).Digest!;
        var polri = Assert.Single(digest.Agencies);
        Assert.Equal((1, 2, 0), (polri.ReadyNow, polri.TotalNow, polri.TotalBefore));
        Assert.Equal(50.0, polri.PercentNow);
        Assert.Null(polri.PercentBefore);
    }

    [Fact]
    public void A_line_with_items_yesterday_has_its_share_even_when_none_was_ready()
    {
        Assert.Equal(0.0, new DigestAgencyLine("KPU", 1, 4, 0, 4).PercentBefore);
        Assert.Equal(25.0, new DigestAgencyLine("KPU", 2, 4, 1, 4).PercentBefore);
        Assert.Null(new DigestAgencyLine("KPU", 2, 4, 0, 0).PercentBefore);
    }
}
