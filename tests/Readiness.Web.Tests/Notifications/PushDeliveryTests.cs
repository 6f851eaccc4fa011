using System.Text.Json;
using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Notifications;
using Readiness.Data.Push;
using Readiness.Data.Shared;
using Readiness.Data.Sql;
using Readiness.Web.Notifications;

namespace Readiness.Web.Tests.Notifications;

/// <summary>
/// Notices on the phone: a push service of the test's own on loopback that decrypts what it gets (RFC 8291), through
/// the real outbox, with the app's data and delivery services over a real SQLite file.
/// </summary>
public sealed class PushDeliveryTests
{
    private static readonly (string PublicKey, string PrivateKey) Vapid = PushReceiver.NewVapidKeys();

    private static DeliveryHost NewHost(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Push:PublicKey"] = Vapid.PublicKey,
            ["Push:PrivateKey"] = Vapid.PrivateKey,
            ["Push:Subject"] = "mailto:posko@kukarkab.go.id",
            ["Push:AllowLoopbackHttp"] = "true",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new DeliveryHost(settings);
    }

    private static async Task<Actor> LeaderAsync(DeliveryHost host, string userName = "pimpinan1")
    {
        await using var connection = await host.Get<ConnectionFactory>().OpenAsync();
        var id = await connection.ExecuteScalarAsync<int>("SELECT Id FROM Users WHERE UserName = @userName;", new { userName });
        return new Actor { Name = userName, Role = Roles.Leader, Scopes = ["64.02"], UserId = id };
    }

    private static async Task<int> SubscriptionsAsync(DeliveryHost host)
    {
        await using var connection = await host.Get<ConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM PushSubscriptions;");
    }

    [Fact]
    public async Task An_escalation_of_a_leaders_item_reaches_their_phone_once_encrypted_signed_with_title_and_link_and_without_the_note()
    {
        await using var receiver = await PushReceiver.StartAsync(Vapid.PublicKey);
        using var host = NewHost();
        var item = await host.StartAsync("a@kukarkab.go.id", "b@kukarkab.go.id");
        var leader = await LeaderAsync(host);
        await host.Get<PushSubscriptionStore>().SaveAsync(leader, receiver.Endpoint, receiver.P256dh, receiver.Auth,
            "Mozilla/5.0 (Linux; Android 14) Chrome/140.0 Mobile Safari/537.36");

        await host.Get<EscalationEngine>().RunOnceAsync();
        Assert.Equal(1, await host.Get<OutboxWorker>().RunOnceAsync());
        Assert.Equal(0, await host.Get<OutboxWorker>().RunOnceAsync());

        var request = Assert.Single(receiver.Requests);
        Assert.True(request.VapidValid, "the push service would refuse a request without a valid VAPID token");
        Assert.NotNull(request.Payload);
        using var json = JsonDocument.Parse(request.Payload);
        Assert.Contains("Pengamanan gudang logistik", json.RootElement.GetProperty("title").GetString());
        Assert.Equal($"/butir/{item.Id}", json.RootElement.GetProperty("link").GetString());
        Assert.DoesNotContain("Personel belum cukup", request.Payload);
        Assert.DoesNotContain("penghubung.polri", request.Payload);
        var push = Assert.Single(await host.DeliveriesAsync(), d => d.Channel == "push");
        Assert.Equal(("sent", 1), (push.Status, push.Attempts));
        Assert.Equal(PushSender.Tag(push.Key), json.RootElement.GetProperty("tag").GetString());
        Assert.Equal(PushSender.Tag(push.Key), request.Topic);
    }

    [Fact]
    public async Task A_domain_notice_for_a_leader_reaches_their_phone_with_its_page()
    {
        await using var receiver = await PushReceiver.StartAsync(Vapid.PublicKey);
        using var host = NewHost();
        await host.StartAsync("a@kukarkab.go.id");
        await host.ExecuteAsync("UPDATE EscalationRules SET IsEnabled = 1, RecipientRole = 'pimpinan' WHERE Kind = 'kamtibmas';");
        await host.Get<PushSubscriptionStore>().SaveAsync(await LeaderAsync(host), receiver.Endpoint, receiver.P256dh, receiver.Auth, null);

        await using (var connection = await host.Get<ConnectionFactory>().OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.Equal(1, await host.Get<NoticeWriter>().NotifyAsync(connection, transaction, new DomainNotice
            {
                Kind = EscalationKinds.Kamtibmas, RegionCode = "64.02", Subject = "Kamtibmas Kabupaten Kutai Kartanegara naik ke AG",
                Link = "wilayah/64.02", DedupKey = "kamtibmas:64.02:uji",
            }));
            await transaction.CommitAsync();
        }

        Assert.Equal(1, await host.Get<OutboxWorker>().RunOnceAsync());

        var request = Assert.Single(receiver.Requests);
        using var json = JsonDocument.Parse(request.Payload!);
        Assert.Contains("Kamtibmas Kabupaten Kutai Kartanegara naik ke AG", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("/wilayah/64.02", json.RootElement.GetProperty("link").GetString());
    }

    [Fact]
    public async Task A_410_from_the_push_service_forgets_the_phone_and_nothing_is_sent_to_it_again()
    {
        await using var receiver = await PushReceiver.StartAsync(Vapid.PublicKey, 410);
        using var host = NewHost();
        await host.StartAsync("a@kukarkab.go.id");
        await host.Get<PushSubscriptionStore>().SaveAsync(await LeaderAsync(host), receiver.Endpoint, receiver.P256dh, receiver.Auth, null);
        await host.Get<EscalationEngine>().RunOnceAsync();

        await host.Get<OutboxWorker>().RunOnceAsync();

        Assert.Equal(410, Assert.Single(receiver.Requests).Answer);
        Assert.Equal(0, await SubscriptionsAsync(host));
        Assert.Equal("sent", Assert.Single(await host.DeliveriesAsync(), d => d.Channel == "push").Status);
        Assert.Equal(0, await host.Get<OutboxWorker>().RunOnceAsync());
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task A_push_service_that_keeps_failing_leaves_a_dead_letter_admins_see_as_for_the_other_channels()
    {
        await using var receiver = await PushReceiver.StartAsync(Vapid.PublicKey, 500, 500, 500, 500);
        using var host = NewHost(new Dictionary<string, string?>
        {
            ["Readiness:Notifications:Delivery:MaxAttempts"] = "2",
            ["Readiness:Notifications:Delivery:RetriesPerClaim"] = "1",
        });
        await host.StartAsync("a@kukarkab.go.id");
        await host.Get<PushSubscriptionStore>().SaveAsync(await LeaderAsync(host), receiver.Endpoint, receiver.P256dh, receiver.Auth, null);
        await host.Get<EscalationEngine>().RunOnceAsync();

        await host.Get<OutboxWorker>().RunOnceAsync();

        var dead = Assert.Single(await host.Get<DeliveryStore>().DeadLettersAsync(DeliveryHost.Admin));
        Assert.Equal(("push", "pimpinan1", 2), (dead.Channel, dead.Target, dead.Attempts));
        Assert.Equal(DeliveryErrorKinds.Http(500), dead.LastErrorKind);
        Assert.DoesNotContain("/push/", dead.LastError);
        Assert.Equal(1, await SubscriptionsAsync(host));
    }

    [Fact]
    public async Task A_leader_without_a_phone_allowed_gets_no_push_delivery()
    {
        using var host = NewHost();
        await host.StartAsync("a@kukarkab.go.id");

        await host.Get<EscalationEngine>().RunOnceAsync();

        Assert.DoesNotContain(await host.DeliveriesAsync(), d => d.Channel == "push");
    }

    [Theory]
    [InlineData("http://push.example.com/abc")]
    [InlineData("https://10.0.0.5/abc")]
    [InlineData("https://169.254.169.254/latest")]
    [InlineData("https://localhost/abc")]
    [InlineData("ftp://push.example.com/abc")]
    [InlineData("not a url")]
    public async Task An_endpoint_that_is_not_public_https_is_refused_with_a_message(string endpoint)
    {
        await using var receiver = await PushReceiver.StartAsync(Vapid.PublicKey);
        using var host = NewHost(new Dictionary<string, string?> { ["Push:AllowLoopbackHttp"] = "false" });
        await host.StartAsync("a@kukarkab.go.id");
        var leader = await LeaderAsync(host);

        var refused = await Assert.ThrowsAsync<InputException>(() =>
            host.Get<PushSubscriptionStore>().SaveAsync(leader, endpoint, receiver.P256dh, receiver.Auth, null));

        Assert.Contains(refused.Key, new[] { PushInput.EndpointInvalid, PushInput.EndpointInternal });
        Assert.Equal(0, await SubscriptionsAsync(host));
    }

    [Fact]
    public async Task Loopback_http_is_refused_unless_the_setting_allows_it()
    {
        await using var receiver = await PushReceiver.StartAsync(Vapid.PublicKey);
        using var host = NewHost(new Dictionary<string, string?> { ["Push:AllowLoopbackHttp"] = "false" });
        await host.StartAsync("a@kukarkab.go.id");

        await Assert.ThrowsAsync<InputException>(async () =>
            await host.Get<PushSubscriptionStore>().SaveAsync(await LeaderAsync(host), receiver.Endpoint, receiver.P256dh, receiver.Auth, null));
    }

    [Fact]
    public async Task Keys_that_are_not_a_browsers_are_refused()
    {
        using var host = NewHost();
        await host.StartAsync("a@kukarkab.go.id");

        var refused = await Assert.ThrowsAsync<InputException>(async () =>
            await host.Get<PushSubscriptionStore>().SaveAsync(await LeaderAsync(host), "https://fcm.googleapis.com/fcm/send/abc", "AAAA", "BBBB", null));

        Assert.Equal(PushInput.KeysInvalid, refused.Key);
    }
}
