using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Notifications;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Notifications;

public sealed class OutboxAndInboxTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new(new DateTimeOffset(2024, 11, 23, 3, 0, 0, TimeSpan.Zero));
    private NotificationScenario _s = null!;
    private Actor _leader = null!;
    private Actor _otherLeader = null!;

    [Fact]
    public async Task A_claimed_delivery_is_not_claimed_again_until_its_lease_runs_out_and_then_keeps_its_idempotency_key()
    {
        await EscalateAsync();
        var outbox = _db.Get<DeliveryStore>();

        var claimed = Assert.Single(await outbox.ClaimAsync("server-a", 10, TimeSpan.FromMinutes(2)));
        Assert.Empty(await outbox.ClaimAsync("server-b", 10, TimeSpan.FromMinutes(2)));
        _db.Time.Advance(TimeSpan.FromMinutes(2));
        var reclaimed = Assert.Single(await outbox.ClaimAsync("server-b", 10, TimeSpan.FromMinutes(2)));

        Assert.Equal((claimed.DeliveryId, claimed.IdempotencyKey), (reclaimed.DeliveryId, reclaimed.IdempotencyKey));
        Assert.Equal(("webhook", "https://gerbang.example.go.id/kait", "rahasia-yang-cukup-panjang"),
            (reclaimed.Channel, reclaimed.WebhookUrl, _db.Get<WebhookSecrets>().Unprotect(reclaimed.WebhookSecret)));
        Assert.Equal(("Gudang logistik", EscalationKinds.Blocked), (reclaimed.Notification.ItemTitle, reclaimed.Notification.Kind));

        await outbox.MarkSentAsync(reclaimed.DeliveryId, 1);
        _db.Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await outbox.ClaimAsync("server-a", 10, TimeSpan.FromMinutes(2)));
        Assert.Equal(new OutboxCounts(0, 1, 0), await outbox.CountsAsync(TestDatabase.Admin));
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_becomes_a_dead_letter_with_its_last_error_and_an_admin_can_requeue_it()
    {
        await EscalateAsync();
        var outbox = _db.Get<DeliveryStore>();

        var work = Assert.Single(await outbox.ClaimAsync("server-a", 10, TimeSpan.FromMinutes(2)));
        Assert.False(await outbox.MarkFailedAsync(work.DeliveryId, 3, "HTTP 503", TimeSpan.FromMinutes(1), maxAttempts: 5, permanent: false));
        Assert.Empty(await outbox.ClaimAsync("server-a", 10, TimeSpan.FromMinutes(2))); // waits for its next try
        _db.Time.Advance(TimeSpan.FromMinutes(1));
        work = Assert.Single(await outbox.ClaimAsync("server-a", 10, TimeSpan.FromMinutes(2)));
        Assert.True(await outbox.MarkFailedAsync(work.DeliveryId, 2, "HTTP 500: gateway rusak", TimeSpan.FromMinutes(1), maxAttempts: 5, permanent: false));

        var dead = Assert.Single(await outbox.DeadLettersAsync(TestDatabase.Admin));
        Assert.Equal(("Gerbang WhatsApp", 5, "HTTP 500: gateway rusak"), (dead.Target, dead.Attempts, dead.LastError));
        await Assert.ThrowsAsync<AccessDeniedException>(() => outbox.DeadLettersAsync(_leader));

        Assert.True(await outbox.RequeueAsync(TestDatabase.Admin, dead.Id));
        var again = Assert.Single(await outbox.ClaimAsync("server-a", 10, TimeSpan.FromMinutes(2)));
        Assert.Equal((work.IdempotencyKey, 0), (again.IdempotencyKey, again.Attempts));
    }

    [Fact]
    public async Task Each_leader_reads_and_marks_only_their_own_notifications()
    {
        await EscalateAsync();
        var store = _db.Get<NotificationStore>();
        var mine = Assert.Single(await store.InboxAsync(_leader));
        var theirs = Assert.Single(await store.InboxAsync(_otherLeader));

        Assert.Equal(1, await store.UnreadCountAsync(_leader));
        Assert.False(await store.MarkReadAsync(_leader, theirs.Id));
        Assert.Null(await store.FindAsync(_leader, theirs.Id));
        Assert.True(await store.MarkReadAsync(_leader, mine.Id));

        Assert.Equal((0, 1), (await store.UnreadCountAsync(_leader), await store.UnreadCountAsync(_otherLeader)));
        Assert.True((await store.FindAsync(_leader, mine.Id))!.IsRead);
        Assert.Equal(("Gudang logistik", "Kabupaten Kutai Kartanegara", "Asia/Makassar"), (mine.ItemTitle, mine.RegionName, mine.TimeZone));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.InboxAsync(new Actor { Name = "layar", Role = Roles.Screen, ScreenTokenId = 1 }));
    }

    [Fact]
    public async Task A_leader_moved_to_another_region_no_longer_lists_counts_or_opens_the_old_regions_notices()
    {
        await EscalateAsync();
        var store = _db.Get<NotificationStore>();
        var notice = Assert.Single(await store.InboxAsync(_leader));
        var moved = _leader with { Scopes = ["52.71"] };

        Assert.Empty(await store.InboxAsync(moved));
        Assert.Empty(await store.InboxAsync(moved, unreadOnly: true));
        Assert.Equal(0, await store.UnreadCountAsync(moved));
        Assert.Null(await store.FindAsync(moved, notice.Id));
        Assert.Equal(1, await store.UnreadCountAsync(_leader));
        Assert.NotNull(await store.FindAsync(_leader with { Scopes = ["52.71", "64"] }, notice.Id));
    }

    [Fact]
    public async Task The_pump_tells_a_leaders_open_screens_of_a_new_notification_and_region_screens_of_the_escalation()
    {
        var pump = _db.Get<NotificationPump>();
        await pump.InitializeAsync(CancellationToken.None);
        var feed = _db.Get<NotificationFeed>();
        var told = new TaskCompletionSource();
        var otherTold = false;
        var escalated = new TaskCompletionSource<IReadOnlyList<EscalationNotice>>();
        using var mine = feed.SubscribeInbox(_leader.UserId!.Value, () => { told.TrySetResult(); return Task.CompletedTask; });
        using var bengkulu = feed.SubscribeInbox(-99, () => { otherTold = true; return Task.CompletedTask; });
        using var wall = feed.SubscribeEscalations(["64.02"], notices => { escalated.TrySetResult(notices); return Task.CompletedTask; });

        var item = await EscalateAsync();
        await pump.DrainAsync(CancellationToken.None);

        await told.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var notice = Assert.Single(await escalated.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal((item.Id, item.Version, EscalationKinds.Blocked), (notice.ItemId, notice.ItemVersion, notice.Kind));
        Assert.False(otherTold);
        Assert.Equal(3, feed.SubscriberCount);
    }

    [Fact]
    public async Task Escalated_items_under_a_region_are_listed_for_those_who_may_see_it_until_they_change()
    {
        var item = await EscalateAsync();
        var store = _db.Get<NotificationStore>();
        var bengkulu = await _s.UserAsync("pimpinan.bengkulu", Roles.Leader, "17.71");

        Assert.Equal([item.Id], (await store.EscalatedUnderAsync(_leader, "64.02")).Select(e => e.ItemId));
        Assert.Empty(await store.EscalatedAsync(bengkulu, [item.Id]));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.EscalatedUnderAsync(bengkulu, "64.02"));

        await _s.ChangeAsync(item, ItemStatus.Ready);
        Assert.Empty(await store.EscalatedUnderAsync(_leader, "64.02"));
    }

    private async Task<ChecklistItem> EscalateAsync()
    {
        var item = await _s.ItemAsync("64.02", "Gudang logistik", ItemStatus.Blocked);
        _db.Time.Advance(TimeSpan.FromHours(25));
        await _s.Engine.RunOnceAsync();
        // One delivery to follow: the other leader's post is taken out of the outbox.
        await _s.ExecuteAsync("DELETE FROM Deliveries WHERE NotificationId IN (SELECT Id FROM Notifications WHERE UserId = @id);",
            new { id = _otherLeader.UserId });
        return item;
    }

    public async Task InitializeAsync()
    {
        _s = await NotificationScenario.StartAsync(_db);
        _leader = await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        _otherLeader = await _s.UserAsync("pimpinan.kaltim", Roles.Leader, "64");
        await _s.ExecuteAsync("UPDATE EscalationRules SET IsEnabled = 0 WHERE Kind <> 'kendala';");
        var webhooks = _db.Get<WebhookStore>();
        await webhooks.AddAsync(TestDatabase.Admin, "Gerbang WhatsApp", "https://gerbang.example.go.id/kait", "rahasia-yang-cukup-panjang");
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
