using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Notifications;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Notifications;

public sealed class EscalationEngineTests : IAsyncLifetime
{
    // 2024-11-23 16:30 UTC: 23:30 WIB on the 23rd, but already 00:30 WITA on the 24th.
    private readonly TestDatabase _db = new(new DateTimeOffset(2024, 11, 23, 16, 30, 0, TimeSpan.Zero));
    private NotificationScenario _s = null!;

    [Fact]
    public async Task Kendala_unchanged_for_24_hours_escalates_once_to_each_leader_whose_scope_covers_its_region()
    {
        await _s.UserAsync("pimpinan.kaltim", Roles.Leader, "64");
        await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02", "64.02.01"); // the second scope lies inside the first
        await _s.UserAsync("pimpinan.bengkulu", Roles.Leader, "17.71");
        await _s.UserAsync("pemantau.kukar", Roles.Viewer, "64.02");
        var blocked = await _s.ItemAsync("64.02.01", "Gudang logistik kebanjiran", ItemStatus.Blocked);

        _db.Time.Advance(TimeSpan.FromHours(23.9));
        Assert.Equal(0, (await _s.Engine.RunOnceAsync()).Notifications);

        _db.Time.Advance(TimeSpan.FromHours(0.1));
        var run = await _s.Engine.RunOnceAsync();
        var again = await _s.Engine.RunOnceAsync();

        Assert.Equal((1, 2), (run.Escalated, run.Notifications));
        Assert.Equal((0, 0), (again.Escalated, again.Notifications));
        Assert.Equal(
            [("pimpinan.kaltim", EscalationKinds.Blocked, (long?)blocked.Id), ("pimpinan.kukar", EscalationKinds.Blocked, blocked.Id)],
            (await _s.NotificationsAsync()).OrderBy(n => n.UserName));
    }

    [Fact]
    public async Task A_kendala_that_is_edited_starts_a_new_24_hours_and_loses_its_escalated_mark()
    {
        var leader = await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        var item = await _s.ItemAsync("64.02", "Surat suara kurang", ItemStatus.Blocked);
        _db.Time.Advance(TimeSpan.FromHours(25));
        await _s.Engine.RunOnceAsync();
        var store = _db.Get<NotificationStore>();
        Assert.True((await store.EscalatedAsync(leader, [item.Id])).ContainsKey(item.Id));

        item = await _s.ChangeAsync(item, ItemStatus.Blocked, "masih menunggu kiriman dari provinsi");

        Assert.Empty(await store.EscalatedAsync(leader, [item.Id]));
        _db.Time.Advance(TimeSpan.FromHours(12));
        Assert.Equal(0, (await _s.Engine.RunOnceAsync()).Escalated);
        _db.Time.Advance(TimeSpan.FromHours(12));
        Assert.Equal(1, (await _s.Engine.RunOnceAsync()).Escalated);
        Assert.Equal(EscalationKinds.Blocked, (await store.EscalatedAsync(leader, [item.Id]))[item.Id].Kind);
        Assert.Equal(2, (await _s.NotificationsAsync()).Count);
    }

    [Fact]
    public async Task Another_agencys_answer_to_a_help_request_does_not_escalate_the_asking_kendala_again()
    {
        await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        var item = await _s.ItemAsync("64.02", "Perahu ke pulau tidak ada", ItemStatus.Blocked);
        var requests = _db.Get<Readiness.Data.Coordination.HelpRequestStore>();
        var request = await requests.AskAsync(_s.Liaison, new Readiness.Data.Coordination.NewHelpRequest(item.Id, "TNI", "Perahu karet", 2, "perahu"),
            Guid.NewGuid());
        _db.Time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, (await _s.Engine.RunOnceAsync()).Escalated);

        // TNI answers: the asking item's version moves so its screens hear of it, but POLRI changed nothing of it.
        await requests.AcceptAsync(TestDatabase.Liaison("TNI", "64.02"), request.Id, request.Version, Guid.NewGuid());

        Assert.Equal(0, (await _s.Engine.RunOnceAsync()).Escalated);
        _db.Time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(0, (await _s.Engine.RunOnceAsync()).Escalated);
        Assert.Single(await _s.NotificationsAsync(), n => n.Kind == EscalationKinds.Blocked);
    }

    [Fact]
    public async Task A_critical_item_past_its_due_date_in_its_own_zone_escalates_at_once_and_others_do_not()
    {
        await _s.UserAsync("pimpinan", Roles.Leader, "64.02", "17.71");
        var due = new DateOnly(2024, 11, 23);
        var kukar = await _s.ItemAsync("64.02", "Kotak suara, Kukar", ItemStatus.InProgress, due, Criticality.Critical);       // WITA: the 24th already
        var bengkulu = await _s.ItemAsync("17.71", "Kotak suara, Bengkulu", ItemStatus.InProgress, due, Criticality.Critical); // WIB: still the 23rd
        await _s.ItemAsync("64.02", "Spanduk", ItemStatus.NotStarted, due, Criticality.Important);
        await _s.ItemAsync("64.02", "Tinta", ItemStatus.Ready, due.AddDays(-3), Criticality.Critical);

        await _s.Engine.RunOnceAsync();
        Assert.Equal([kukar.Id], (await _s.NotificationsAsync()).Select(n => n.ItemId!.Value));

        _db.Time.Advance(TimeSpan.FromMinutes(31)); // 00:01 WIB on the 24th
        await _s.Engine.RunOnceAsync();
        _db.Time.Advance(TimeSpan.FromHours(2));
        await _s.Engine.RunOnceAsync();

        var notifications = await _s.NotificationsAsync();
        Assert.Equal([kukar.Id, bengkulu.Id], notifications.Select(n => n.ItemId!.Value));
        Assert.All(notifications, n => Assert.Equal(EscalationKinds.Overdue, n.Kind));
    }

    [Fact]
    public async Task Morning_digest_arrives_at_0700_local_in_WIT_then_WITA_then_WIB_once_each()
    {
        // 21:59 UTC on the 23rd is 06:59 WIT on the 24th.
        _db.Time.SetUtcNow(new DateTimeOffset(2024, 11, 23, 21, 59, 0, TimeSpan.Zero));
        await _s.UserAsync("pimpinan.ambon", Roles.Leader, "81.71");
        await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        await _s.UserAsync("pimpinan.bengkulu", Roles.Leader, "17.71");
        await DisableItemRulesAsync();

        async Task<string[]> DigestsAsync() =>
            (await _s.NotificationsAsync()).Where(n => n.Kind == EscalationKinds.Digest).Select(n => n.UserName).ToArray();

        await _s.Engine.RunOnceAsync();
        Assert.Empty(await DigestsAsync());

        _db.Time.Advance(TimeSpan.FromMinutes(1)); // 07:00 WIT
        await _s.Engine.RunOnceAsync();
        await _s.Engine.RunOnceAsync();
        Assert.Equal(["pimpinan.ambon"], await DigestsAsync());

        _db.Time.Advance(TimeSpan.FromMinutes(59)); // 06:59 WITA
        await _s.Engine.RunOnceAsync();
        Assert.Equal(["pimpinan.ambon"], await DigestsAsync());

        _db.Time.Advance(TimeSpan.FromMinutes(1)); // 07:00 WITA
        await _s.Engine.RunOnceAsync();
        Assert.Equal(["pimpinan.ambon", "pimpinan.kukar"], await DigestsAsync());

        _db.Time.Advance(TimeSpan.FromHours(1)); // 07:00 WIB
        await _s.Engine.RunOnceAsync();
        await _s.Engine.RunOnceAsync();
        Assert.Equal(["pimpinan.ambon", "pimpinan.kukar", "pimpinan.bengkulu"], await DigestsAsync());

        _db.Time.Advance(TimeSpan.FromHours(24)); // the next morning, in every zone
        await _s.Engine.RunOnceAsync();
        Assert.Equal(6, (await DigestsAsync()).Length);
    }

    [Fact]
    public async Task Digest_tells_new_kendala_overdue_critical_items_and_readiness_per_agency_against_yesterday()
    {
        // 07:00 WITA on the 23rd is 23:00 UTC on the 22nd; the items are made the day before.
        using var db = new TestDatabase(new DateTimeOffset(2024, 11, 21, 22, 0, 0, TimeSpan.Zero));
        var _s = await NotificationScenario.StartAsync(db);
        var _db = db;
        var leader = await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        await DisableItemRulesAsync(_s);
        var readyYesterday = await _s.ItemAsync("64.02", "Sudah siap sejak kemarin", ItemStatus.Ready);
        var becomesReady = await _s.ItemAsync("64.02.01", "Siap hari ini", ItemStatus.InProgress);
        var becomesBlocked = await _s.ItemAsync("64.02", "Kendala baru", ItemStatus.InProgress);
        await _s.ItemAsync("64.02", "Kritis lewat tenggat", ItemStatus.NotStarted, new DateOnly(2024, 11, 20), Criticality.Critical);
        await _s.ItemAsync("17.71", "Di luar cakupan", ItemStatus.Blocked);

        _db.Time.SetUtcNow(new DateTimeOffset(2024, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await _s.ChangeAsync(becomesReady, ItemStatus.Ready);
        await _s.ChangeAsync(becomesBlocked, ItemStatus.Blocked);
        await _s.ItemAsync("64.02", "Butir baru hari ini", ItemStatus.NotStarted);

        _db.Time.SetUtcNow(new DateTimeOffset(2024, 11, 22, 23, 0, 0, TimeSpan.Zero));
        await _s.Engine.RunOnceAsync();

        var digest = Assert.Single(await _db.Get<NotificationStore>().InboxAsync(leader)).Digest!;
        Assert.Equal((new DateOnly(2024, 11, 23), "Asia/Makassar"), (digest.Date, digest.Zone));
        Assert.Equal((1, 1), (digest.NewBlocked, digest.OverdueCritical));
        var polri = Assert.Single(digest.Agencies);
        Assert.Equal(new DigestAgencyLine("POLRI", ReadyNow: 2, TotalNow: 5, ReadyBefore: 1, TotalBefore: 4), polri);
        Assert.NotEqual(readyYesterday.Id, becomesReady.Id);
    }

    [Fact]
    public async Task Two_servers_sharing_one_SQLite_file_create_each_notification_once()
    {
        using var second = new TestDatabase(_db.Time.GetUtcNow(), shareWith: _db);
        await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        await _s.UserAsync("pimpinan.kaltim", Roles.Leader, "64");
        for (var i = 0; i < 30; i++)
        {
            await _s.ItemAsync(i % 2 == 0 ? "64.02" : "64.02.01", $"Kendala {i}", ItemStatus.Blocked);
        }

        await _s.ItemAsync("64.02", "Kritis lewat", ItemStatus.NotStarted, new DateOnly(2024, 11, 1), Criticality.Critical);
        _db.Time.Advance(TimeSpan.FromHours(25));
        second.Time.Advance(TimeSpan.FromHours(25));
        var first = _s.Engine;
        var other = second.Get<EscalationEngine>();
        Assert.NotEqual(first.Owner, other.Owner);

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? first : other).RunOnceAsync())));

        // One notice per leader, rule and region: 30 Kendala and one overdue item in Kutai Kartanegara, two leaders.
        Assert.Equal(4, runs.Sum(r => r.Notifications));
        var notifications = await _s.NotificationsAsync();
        Assert.Equal(4, notifications.Count);
        Assert.Equal(4, notifications.Distinct().Count());
        Assert.Equal(62, await _s.ScalarAsync<long>("SELECT SUM(ItemCount) FROM Notifications;"));
        Assert.Equal(31, await _s.ScalarAsync<long>("SELECT COUNT(*) FROM Escalations;"));
    }

    [Fact]
    public async Task A_run_cut_off_mid_way_leaves_its_lease_and_the_next_server_does_the_work_after_it_runs_out()
    {
        await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        await _s.ItemAsync("64.02", "Kendala", ItemStatus.Blocked);
        _db.Time.Advance(TimeSpan.FromHours(25));
        // A server took the Kendala rule and died before committing: its lease stands, its work was rolled back.
        await _s.ExecuteAsync("UPDATE EscalationRules SET LeaseOwner = 'mati', LeaseUntilUtc = @until WHERE Code = 'kendala-24-jam';",
            new { until = _db.Time.GetUtcNow().UtcDateTime.AddMinutes(5) });

        Assert.Equal(0, (await _s.Engine.RunOnceAsync()).Notifications);
        _db.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, (await _s.Engine.RunOnceAsync()).Notifications);
        Assert.Equal("bebas", await _s.ScalarAsync<string>("SELECT COALESCE(LeaseOwner, 'bebas') FROM EscalationRules WHERE Code = 'kendala-24-jam';"));
    }

    [Fact]
    public async Task Each_notification_queues_one_post_per_enabled_webhook_and_an_email_only_when_smtp_is_configured()
    {
        using var withMail = new TestDatabase(_db.Time.GetUtcNow(), shareWith: _db, settings: new Dictionary<string, string?>
        {
            ["Readiness:Notifications:Smtp:Host"] = "127.0.0.1",
            ["Readiness:Notifications:Smtp:Sender"] = "kesiapan@example.go.id",
        });
        var leader = await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        var noMail = await _s.UserAsync("pimpinan.kaltim", Roles.Leader, "64");
        await _db.Get<NotificationStore>().SetEmailAsync(TestDatabase.Admin, leader.UserId!.Value, "sekda@kukarkab.go.id");
        var webhooks = _db.Get<WebhookStore>();
        await webhooks.AddAsync(TestDatabase.Admin, "Gerbang WhatsApp", "https://gerbang.example.go.id/kait", "rahasia-yang-cukup-panjang");
        var off = await webhooks.AddAsync(TestDatabase.Admin, "Mati", "https://gerbang.example.go.id/mati", "rahasia-yang-cukup-panjang");
        await webhooks.SetEnabledAsync(TestDatabase.Admin, off, enabled: false);
        await _s.ItemAsync("64.02", "Kendala", ItemStatus.Blocked);
        _db.Time.Advance(TimeSpan.FromHours(25));
        withMail.Time.Advance(TimeSpan.FromHours(25));

        var run = await withMail.Get<EscalationEngine>().RunOnceAsync();

        Assert.Equal((2, 3), (run.Notifications, run.Deliveries)); // two webhook posts, one e-mail (the other leader has no address)
        Assert.Equal(3, await _s.ScalarAsync<long>("SELECT COUNT(DISTINCT IdempotencyKey) FROM Deliveries;"));
        Assert.Equal(1, await _s.ScalarAsync<long>("SELECT COUNT(*) FROM Deliveries WHERE Channel = 'email';"));
        Assert.NotNull(noMail.UserId);
    }

    [Fact]
    public async Task Settings_are_refused_with_a_clear_reason_and_only_admins_change_them()
    {
        var leader = await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        var webhooks = _db.Get<WebhookStore>();
        var rules = _db.Get<EscalationRuleStore>();

        Assert.Equal(NotificationInput.WebhookUrlInvalid,
            (await Assert.ThrowsAsync<InputException>(() => webhooks.AddAsync(TestDatabase.Admin, "x", "ftp://a/b", "rahasia-yang-cukup-panjang"))).Key);
        Assert.Equal(NotificationInput.WebhookSecretInvalid,
            (await Assert.ThrowsAsync<InputException>(() => webhooks.AddAsync(TestDatabase.Admin, "x", "https://a/b", "pendek"))).Key);
        Assert.Equal(NotificationInput.EmailInvalid,
            (await Assert.ThrowsAsync<InputException>(() => _db.Get<NotificationStore>().SetEmailAsync(TestDatabase.Admin, leader.UserId!.Value, "bukan alamat"))).Key);
        await Assert.ThrowsAsync<AccessDeniedException>(() => webhooks.AddAsync(leader, "x", "https://a/b", "rahasia-yang-cukup-panjang"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => rules.ListAsync(leader));

        var rule = (await rules.ListAsync(TestDatabase.Admin)).Single(r => r.Code == "kendala-24-jam");
        var saved = await rules.UpdateAsync(TestDatabase.Admin, rule with { AfterHours = 12 });
        Assert.Equal(NotificationInput.RuleChanged,
            (await Assert.ThrowsAsync<InputException>(() => rules.UpdateAsync(TestDatabase.Admin, rule with { AfterHours = 6 }))).Key);
        Assert.Equal(NotificationInput.RuleInvalid,
            (await Assert.ThrowsAsync<InputException>(() => rules.UpdateAsync(TestDatabase.Admin, saved with { LocalHour = 24 }))).Key);
        Assert.Equal((12, rule.Version + 1), (saved.AfterHours, saved.Version));
    }

    [Fact]
    public async Task A_liaison_keeps_saving_while_a_large_first_run_escalates_and_the_run_creates_everything_exactly_once()
    {
        await _s.UserAsync("pimpinan.kaltim", Roles.Leader, "64");
        await _s.UserAsync("pimpinan.aceh", Roles.Leader, "11");
        var template = await _s.ItemAsync("64.02", "Kotak suara", ItemStatus.NotStarted, new DateOnly(2024, 11, 1), Criticality.Critical);
        // Two critical items past due in every regency and city of Aceh and North Sumatra (56), written as a
        // generator would.
        await _s.ExecuteAsync("""
            WITH n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 2)
            INSERT INTO ChecklistItems (ElectionId, RegionCode, AgencyCode, StageId, Title, Criticality, DueDate, Status, UpdatedAtUtc, UpdatedBy, Version)
            SELECT t.ElectionId, r.Code, t.AgencyCode, t.StageId, t.Title || ' ' || n.k, 'kritis', t.DueDate, 'belum', t.UpdatedAtUtc, t.UpdatedBy, 1
            FROM Regions r CROSS JOIN n CROSS JOIN ChecklistItems t
            WHERE r.Level = 2 AND r.Code < '13' AND t.Id = @id;
            """, new { id = template.Id });
        var overdue = await _s.ScalarAsync<long>("SELECT COUNT(*) FROM ChecklistItems WHERE Criticality = 'kritis';");
        // One notice per leader and regency.
        var expectedNotices = await _s.ScalarAsync<long>(
            "SELECT COUNT(DISTINCT substr(RegionCode, 1, 5)) FROM ChecklistItems WHERE Criticality = 'kritis' AND (RegionCode LIKE '64%' OR RegionCode LIKE '11%');");
        var other = await _s.ItemAsync("64.02", "Spanduk sosialisasi", ItemStatus.InProgress);
        Assert.True(overdue > 100, $"only {overdue} items");

        // Another process's liaison saves one item over and over for as long as the run goes.
        var run = Task.Run(() => _s.Engine.RunOnceAsync());
        var savedDuringRun = 0;
        var item = other;
        while (!run.IsCompleted)
        {
            item = await _s.ChangeAsync(item, item.Status == ItemStatus.Ready ? ItemStatus.InProgress : ItemStatus.Ready);
            if (!run.IsCompleted)
            {
                savedDuringRun++;
            }
        }

        var first = await run;
        var again = await _s.Engine.RunOnceAsync();

        // Saves went through between the run's batches instead of queueing behind (or failing on) the whole run.
        Assert.True(savedDuringRun >= 10, $"only {savedDuringRun} saves went through while the run went");
        Assert.Equal(overdue, first.Escalated);
        Assert.Equal(0, again.Escalated);
        Assert.Equal(overdue, await _s.ScalarAsync<long>("SELECT COUNT(DISTINCT ItemId) FROM Escalations;"));
        Assert.Equal(overdue, await _s.ScalarAsync<long>("SELECT COUNT(*) FROM Escalations;"));
        Assert.Equal(expectedNotices, await _s.ScalarAsync<long>("SELECT COUNT(*) FROM Notifications WHERE Kind = 'lewat_tenggat';"));
        Assert.Equal("bebas", await _s.ScalarAsync<string>("SELECT COALESCE(MAX(LeaseOwner), 'bebas') FROM EscalationRules;"));
    }

    [Fact]
    public async Task A_run_that_loses_its_lease_between_batches_stops_and_the_next_run_finishes_without_doing_anything_twice()
    {
        await _s.UserAsync("pimpinan.kaltim", Roles.Leader, "64");
        foreach (var regency in new[] { "64.01", "64.02", "64.03", "64.71" })
        {
            await _s.ItemAsync(regency, "Kotak suara " + regency, ItemStatus.NotStarted, new DateOnly(2024, 11, 1), Criticality.Critical);
        }

        // Another server takes the rule over while this one writes its first regency (as a trigger, so it happens
        // at exactly that point): the first regency is committed, the next batch finds the lease gone and stops.
        await _s.ExecuteAsync("""
            CREATE TRIGGER TakeOver AFTER INSERT ON Escalations WHEN (SELECT COUNT(*) FROM Escalations) = 1
            BEGIN UPDATE EscalationRules SET LeaseOwner = 'server-lain' WHERE Id = NEW.RuleId; END;
            """);
        var cut = await _s.Engine.RunOnceAsync();
        await _s.ExecuteAsync("DROP TRIGGER TakeOver; UPDATE EscalationRules SET LeaseOwner = NULL, LeaseUntilUtc = NULL;");
        var rest = await _s.Engine.RunOnceAsync();

        Assert.Equal((1, 2), (cut.Escalated, cut.RulesRun)); // the other two rules ran to the end; this one did not
        Assert.Equal(3, rest.Escalated);
        Assert.Equal(4, await _s.ScalarAsync<long>("SELECT COUNT(*) FROM Notifications;"));
    }

    [Fact]
    public async Task A_leader_gets_one_notice_per_rule_region_and_run_that_lists_its_items_and_one_post_per_notice()
    {
        var kaltim = await _s.UserAsync("pimpinan.kaltim", Roles.Leader, "64");
        var kukar = await _s.UserAsync("pimpinan.kukar", Roles.Leader, "64.02");
        var camat = await _s.UserAsync("camat.muaramuntai", Roles.Leader, "64.02.01");
        await _db.Get<WebhookStore>().AddAsync(TestDatabase.Admin, "Gerbang WhatsApp", "https://gerbang.example.go.id/kait", "rahasia-yang-cukup-panjang");
        var due = new DateOnly(2024, 11, 1);
        var kukarItems = new[]
        {
            await _s.ItemAsync("64.02", "Kotak suara", ItemStatus.NotStarted, due, Criticality.Critical),
            await _s.ItemAsync("64.02", "Bilik suara", ItemStatus.InProgress, due, Criticality.Critical),
            await _s.ItemAsync("64.02.01", "Tinta", ItemStatus.InProgress, due, Criticality.Critical),
        };
        var paser = new[]
        {
            await _s.ItemAsync("64.01", "Formulir C1", ItemStatus.NotStarted, due, Criticality.Critical),
            await _s.ItemAsync("64.01", "Segel", ItemStatus.NotStarted, due, Criticality.Critical),
        };

        var run = await _s.Engine.RunOnceAsync();
        var store = _db.Get<NotificationStore>();
        var inbox = await store.InboxAsync(kaltim);
        var forKukar = Assert.Single(await store.InboxAsync(kukar));
        var forCamat = Assert.Single(await store.InboxAsync(camat));

        Assert.Equal((5, 4), (run.Escalated, run.Notifications));
        Assert.Equal(2, await store.UnreadCountAsync(kaltim)); // the bell counts notices, not items
        Assert.Equal([("64.01", 2), ("64.02", 3)], inbox.Select(n => (n.RegionCode!, n.ItemCount!.Value)).Order());
        Assert.All(inbox, n => Assert.Null(n.ItemId));
        Assert.Equal(paser.Select(i => i.Id).Order(), inbox.Single(n => n.RegionCode == "64.01").Items.Select(i => i.ItemId).Order());
        Assert.Equal(kukarItems.Select(i => i.Id).Order(), forKukar.Items.Select(i => i.ItemId).Order());
        Assert.Equal("Kabupaten Kutai Kartanegara", forKukar.RegionName);
        // A notice of one item opens it, as before.
        Assert.Equal((1, (long?)kukarItems[2].Id, 0), (forCamat.ItemCount!.Value, forCamat.ItemId, forCamat.Items.Count));
        Assert.Equal(4, await _s.ScalarAsync<long>("SELECT COUNT(*) FROM Deliveries WHERE Channel = 'webhook';"));
        Assert.Equal(3, (await store.FindAsync(kukar, forKukar.Id))!.Items.Count);
        Assert.Null(await store.FindAsync(camat, forKukar.Id));
    }

    private Task DisableItemRulesAsync(NotificationScenario? scenario = null) =>
        (scenario ?? _s).ExecuteAsync("UPDATE EscalationRules SET IsEnabled = 0 WHERE Kind <> 'ringkasan';");

    public async Task InitializeAsync() => _s = await NotificationScenario.StartAsync(_db);

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
