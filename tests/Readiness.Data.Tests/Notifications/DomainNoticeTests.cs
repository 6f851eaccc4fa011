using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Notifications;

namespace Readiness.Data.Tests.Notifications;

public sealed class DomainNoticeTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new(settings: new Dictionary<string, string?>
    {
        ["Readiness:Notifications:Smtp:Host"] = "127.0.0.1",
        ["Readiness:Notifications:Smtp:Sender"] = "kesiapan@example.go.id",
    });
    private NotificationScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _scenario = await NotificationScenario.StartAsync(_db);
        await _scenario.ExecuteAsync("INSERT INTO Webhooks (Name, Url, Secret, CreatedAtUtc, CreatedBy) VALUES ('Posko', 'http://127.0.0.1:9/hook', 'rahasia-panjang-sekali', '2024-11-23 03:00:00.000', 'admin');");
    }

    [Fact]
    public async Task A_notice_reaches_each_leader_whose_scope_covers_the_region_once_with_one_webhook_post()
    {
        var province = await _scenario.UserAsync("pj.gubernur", Roles.Leader, "64");
        var regent = await _scenario.UserAsync("pjs.bupati", Roles.Leader, "64.02");
        await _scenario.UserAsync("bupati.lain", Roles.Leader, "64.03");
        await _scenario.UserAsync("pemantau", Roles.Viewer, "64.02");
        await _scenario.ExecuteAsync("UPDATE Users SET Email = UserName || '@example.go.id';");
        var notice = new DomainNotice
        {
            Kind = EscalationKinds.Kamtibmas, RegionCode = "64.02.05", Subject = "Kamtibmas Muara Kaman naik ke ambang gangguan (AG)",
            Link = "wilayah/64.02.05", DedupKey = "kamtibmas:1",
        };

        Assert.Equal(2, await NotifyAsync(notice));
        Assert.Equal(0, await NotifyAsync(notice)); // a retry, or a second server, writes nothing

        var notices = await _scenario.NotificationsAsync();
        Assert.Equal(["pj.gubernur", "pjs.bupati"], notices.Select(n => n.UserName).Order());
        Assert.All(notices, n => Assert.Equal(EscalationKinds.Kamtibmas, n.Kind));
        Assert.Equal(2, await _scenario.ScalarAsync<int>("SELECT COUNT(*) FROM Deliveries WHERE Channel = 'email';"));
        Assert.Equal(1, await _scenario.ScalarAsync<int>("SELECT COUNT(*) FROM Deliveries WHERE Channel = 'webhook';"));

        var inbox = Assert.Single(await _db.Get<NotificationStore>().InboxAsync(regent));
        Assert.True(inbox.IsDomain);
        Assert.Equal(notice.Subject, inbox.Subject);
        Assert.Equal(notice.Link, inbox.Link);
        Assert.Single(await _db.Get<NotificationStore>().InboxAsync(province));
    }

    [Fact]
    public async Task A_disabled_rule_writes_nothing_and_a_liaison_rule_reaches_only_the_named_agency()
    {
        await _scenario.UserAsync("pjs.bupati", Roles.Leader, "64.02");
        await _scenario.ExecuteAsync("UPDATE EscalationRules SET IsEnabled = 0 WHERE Kind = 'netralitas';");
        Assert.Equal(0, await NotifyAsync(new DomainNotice
        {
            Kind = EscalationKinds.Netralitas, RegionCode = "64.02", Subject = "1 rekomendasi lewat tenggat", Link = "wilayah/64.02", DedupKey = "netralitas:7",
        }));

        await _scenario.UserAsync("penghubung.polri", Roles.Liaison, "64.02"); // the scenario's liaisons are of POLRI
        Assert.Equal(0, await NotifyAsync(new DomainNotice
        {
            Kind = EscalationKinds.Arahan, RegionCode = "64.02.05", AgencyCode = "TNI", Subject = "Arahan baru untuk TNI", Link = "tugas", DedupKey = "arahan:1",
        }));
        Assert.Equal(1, await NotifyAsync(new DomainNotice
        {
            Kind = EscalationKinds.Arahan, RegionCode = "64.02.05", AgencyCode = "POLRI", Subject = "Arahan baru untuk POLRI", Link = "tugas", DedupKey = "arahan:2",
        }));
    }

    [Fact]
    public async Task A_notice_written_in_a_transaction_that_rolls_back_leaves_nothing()
    {
        await _scenario.UserAsync("pjs.bupati", Roles.Leader, "64.02");
        await using (var connection = await _db.Factory.OpenAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            Assert.Equal(1, await _db.Get<NoticeWriter>().NotifyAsync(connection, transaction, new DomainNotice
            {
                Kind = EscalationKinds.Kejadian, RegionCode = "64.02", Subject = "Kejadian penting: bentrok", Link = "wilayah/64.02", DedupKey = "kejadian:1",
            }));
            await transaction.RollbackAsync();
        }

        Assert.Empty(await _scenario.NotificationsAsync());
        Assert.Equal(0, await _scenario.ScalarAsync<int>("SELECT COUNT(*) FROM Deliveries;"));
    }

    private async Task<int> NotifyAsync(DomainNotice notice)
    {
        await using var connection = await _db.Factory.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var written = await _db.Get<NoticeWriter>().NotifyAsync(connection, transaction, notice);
        await transaction.CommitAsync();
        return written;
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
