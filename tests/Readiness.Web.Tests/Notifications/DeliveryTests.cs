using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Readiness.Data.Notifications;
using Readiness.Web.Notifications;

namespace Readiness.Web.Tests.Notifications;

/// <summary>E-mail to a real SMTP server and webhooks to a real HTTP receiver, both on loopback.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task An_escalation_reaches_a_real_SMTP_server_in_Indonesian_with_text_and_html_parts_and_a_link_to_the_item()
    {
        using var smtp = await SmtpReceiver.StartAsync();
        using var host = new DeliveryHost(new Dictionary<string, string?>
        {
            ["Readiness:Notifications:Smtp:Host"] = "127.0.0.1",
            ["Readiness:Notifications:Smtp:Port"] = smtp.Port.ToString(),
            ["Readiness:Notifications:Smtp:Security"] = "None",
            ["Readiness:Notifications:Smtp:Sender"] = "Kesiapan Pilkada <kesiapan@kukarkab.go.id>",
        });
        var item = await host.StartAsync("sekda@kukarkab.go.id");
        await host.Get<EscalationEngine>().RunOnceAsync();

        Assert.Equal(1, await host.Get<OutboxWorker>().RunOnceAsync());

        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("sekda@kukarkab.go.id", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("kesiapan@kukarkab.go.id", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("[Kesiapan Pilkada] Eskalasi: Kendala belum tertangani - Pengamanan gudang logistik (Kabupaten Kutai Kartanegara)", mail.Subject);
        var link = $"https://kesiapan.example.go.id/butir/{item.Id}";
        Assert.Contains("berstatus Kendala", mail.TextBody);
        Assert.Contains("Status sekarang: Kendala", mail.TextBody);
        Assert.Contains($"Buka di aplikasi: {link}", mail.TextBody);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody);
        Assert.Contains("WITA", mail.TextBody);
        var delivery = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal(("email", "sent", 1), (delivery.Channel, delivery.Status, delivery.Attempts));
        Assert.StartsWith(delivery.Key, mail.MessageId);
    }

    [Fact]
    public async Task E_mail_is_off_when_no_SMTP_host_is_configured()
    {
        using var host = new DeliveryHost();
        await host.StartAsync("sekda@kukarkab.go.id");

        var run = await host.Get<EscalationEngine>().RunOnceAsync();

        Assert.Equal((1, 0), (run.Notifications, run.Deliveries));
    }

    [Fact]
    public async Task A_webhook_receiver_checks_the_signature_and_sees_each_idempotency_key_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var host = new DeliveryHost();
        var item = await host.StartAsync("a@kukarkab.go.id", "b@kukarkab.go.id");
        await host.Get<WebhookStore>().AddAsync(DeliveryHost.Admin, "Gerbang WhatsApp", receiver.Url, WebhookReceiver.Secret);
        await host.Get<EscalationEngine>().RunOnceAsync();

        Assert.Equal(2, await host.Get<OutboxWorker>().RunOnceAsync());
        Assert.Equal(0, await host.Get<OutboxWorker>().RunOnceAsync());

        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
        Assert.Equal(2, receiver.Accepted.Distinct().Count());
        Assert.Equal((await host.DeliveriesAsync()).Select(d => d.Key).Order(), receiver.Accepted.Order());
        using var json = JsonDocument.Parse(receiver.Requests.First().Body);
        Assert.Equal("kendala", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(item.Id, json.RootElement.GetProperty("checklistItem").GetProperty("id").GetInt64());
        Assert.Equal($"https://kesiapan.example.go.id/butir/{item.Id}", json.RootElement.GetProperty("checklistItem").GetProperty("url").GetString());
        Assert.Contains("Eskalasi", json.RootElement.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Three_items_escalated_in_one_regency_make_one_e_mail_and_one_webhook_post_that_list_them()
    {
        using var smtp = await SmtpReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var host = new DeliveryHost(new Dictionary<string, string?>
        {
            ["Readiness:Notifications:Smtp:Host"] = "127.0.0.1",
            ["Readiness:Notifications:Smtp:Port"] = smtp.Port.ToString(),
            ["Readiness:Notifications:Smtp:Security"] = "None",
            ["Readiness:Notifications:Smtp:Sender"] = "kesiapan@kukarkab.go.id",
        });
        var item = await host.StartAsync("sekda@kukarkab.go.id");
        await host.Get<WebhookStore>().AddAsync(DeliveryHost.Admin, "Gerbang WhatsApp", receiver.Url, WebhookReceiver.Secret);
        await host.ExecuteAsync("""
            INSERT INTO ChecklistItems (ElectionId, RegionCode, AgencyCode, StageId, Title, Criticality, DueDate, Status, Note, UpdatedAtUtc, UpdatedBy, Version)
            SELECT ElectionId, '64.02.01', AgencyCode, StageId, 'Surat suara ' || n.k, Criticality, DueDate, Status, Note, UpdatedAtUtc, UpdatedBy, 1
            FROM ChecklistItems CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) n WHERE Id = @id;
            """, new { id = item.Id });

        var run = await host.Get<EscalationEngine>().RunOnceAsync();
        Assert.Equal(2, await host.Get<OutboxWorker>().RunOnceAsync());

        Assert.Equal((3, 1, 2), (run.Escalated, run.Notifications, run.Deliveries));
        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("[Kesiapan Pilkada] 3 butir Kendala belum tertangani di Kabupaten Kutai Kartanegara", mail.Subject);
        Assert.Contains($"https://kesiapan.example.go.id/butir/{item.Id}", mail.TextBody);
        Assert.Contains("Surat suara 2", mail.TextBody);
        var post = Assert.Single(receiver.Requests);
        using var json = JsonDocument.Parse(post.Body);
        var group = json.RootElement.GetProperty("group");
        Assert.Equal(3, group.GetProperty("itemCount").GetInt32());
        Assert.Equal(3, group.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("checklistItem").ValueKind);
    }

    [Fact]
    public async Task A_receiver_that_fails_its_first_two_answers_gets_exactly_one_success_afterwards_under_the_same_key()
    {
        await using var receiver = await WebhookReceiver.StartAsync(503, 500);
        using var host = new DeliveryHost();
        await host.StartAsync("a@kukarkab.go.id");
        await host.Get<WebhookStore>().AddAsync(DeliveryHost.Admin, "Gerbang WhatsApp", receiver.Url, WebhookReceiver.Secret);
        await host.Get<EscalationEngine>().RunOnceAsync();

        await host.Get<OutboxWorker>().RunOnceAsync();
        await host.Get<OutboxWorker>().RunOnceAsync();

        Assert.Equal([503, 500, 200], receiver.Requests.Select(r => r.Answer));
        Assert.Single(receiver.Requests.Select(r => r.IdempotencyKey).Distinct());
        Assert.Single(receiver.Accepted);
        Assert.Equal(("sent", 3), (await host.DeliveriesAsync()).Select(d => (d.Status, d.Attempts)).Single());
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_ends_as_a_dead_letter_with_the_last_error_for_admins()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 500, 502, 500, 500, 500);
        using var host = new DeliveryHost(new Dictionary<string, string?>
        {
            ["Readiness:Notifications:Delivery:MaxAttempts"] = "4",
            ["Readiness:Notifications:Delivery:RetriesPerClaim"] = "1",
        });
        await host.StartAsync("a@kukarkab.go.id");
        await host.Get<WebhookStore>().AddAsync(DeliveryHost.Admin, "Gerbang WhatsApp", receiver.Url, WebhookReceiver.Secret);
        await host.Get<EscalationEngine>().RunOnceAsync();
        var worker = host.Get<OutboxWorker>();

        await worker.RunOnceAsync(); // two tries
        Assert.Equal(("pending", 2), (await host.DeliveriesAsync()).Select(d => (d.Status, d.Attempts)).Single());
        await worker.RunOnceAsync(); // two more: the fourth is the last
        await worker.RunOnceAsync();

        Assert.Equal(4, receiver.Requests.Count);
        var dead = Assert.Single(await host.Get<DeliveryStore>().DeadLettersAsync(DeliveryHost.Admin));
        Assert.Equal(("Gerbang WhatsApp", 4), (dead.Target, dead.Attempts));
        Assert.Contains("HTTP 500", dead.LastError);
    }

    [Fact]
    public async Task A_dead_letter_has_had_exactly_MaxAttempts_tries_when_a_claim_would_have_gone_past_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 500, 500, 500, 500);
        using var host = new DeliveryHost(new Dictionary<string, string?>
        {
            ["Readiness:Notifications:Delivery:MaxAttempts"] = "3",
            ["Readiness:Notifications:Delivery:RetriesPerClaim"] = "1",
        });
        await host.StartAsync("a@kukarkab.go.id");
        await host.Get<WebhookStore>().AddAsync(DeliveryHost.Admin, "Gerbang WhatsApp", receiver.Url, WebhookReceiver.Secret);
        await host.Get<EscalationEngine>().RunOnceAsync();
        var worker = host.Get<OutboxWorker>();

        await worker.RunOnceAsync(); // two tries
        await worker.RunOnceAsync(); // one more is the third and last, not two
        await worker.RunOnceAsync();

        Assert.Equal(3, receiver.Requests.Count);
        var dead = Assert.Single(await host.Get<DeliveryStore>().DeadLettersAsync(DeliveryHost.Admin));
        Assert.Equal(3, dead.Attempts);
    }

    [Fact]
    public async Task A_receiver_answering_503_with_Retry_After_is_not_tried_again_until_then_and_a_long_wait_is_capped()
    {
        await using var receiver = await WebhookReceiver.StartAsync(503, 503);
        receiver.RetryAfterSeconds = 120;
        using var host = new DeliveryHost(new Dictionary<string, string?>
        {
            ["Readiness:Notifications:Delivery:RetryAfterCap"] = "00:01:30",
        });
        await host.StartAsync("a@kukarkab.go.id");
        await host.Get<WebhookStore>().AddAsync(DeliveryHost.Admin, "Gerbang WhatsApp", receiver.Url, WebhookReceiver.Secret);
        await host.Get<EscalationEngine>().RunOnceAsync();
        var before = DateTime.UtcNow;

        await host.Get<OutboxWorker>().RunOnceAsync();

        // One request, no retry two seconds later; the next claim waits the receiver's 120 s, capped at 90 s.
        Assert.Single(receiver.Requests);
        Assert.Equal(("pending", 1), (await host.DeliveriesAsync()).Select(d => (d.Status, d.Attempts)).Single());
        await using var connection = await host.Get<Readiness.Data.Sql.ConnectionFactory>().OpenAsync();
        var next = await Dapper.SqlMapper.ExecuteScalarAsync<DateTime>(connection, "SELECT NextAttemptAtUtc FROM Deliveries;");
        Assert.InRange(DateTime.SpecifyKind(next, DateTimeKind.Utc), before.AddSeconds(85), DateTime.UtcNow.AddSeconds(91));
    }

    [Fact]
    public async Task A_server_killed_after_sending_but_before_recording_it_leaves_the_delivery_to_be_sent_again_under_the_same_key()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // The lease runs on the test's clock: a loaded machine can take longer than any lease to reach the next step.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = new DeliveryHost(time: time);
        await host.StartAsync("a@kukarkab.go.id");
        await host.Get<WebhookStore>().AddAsync(DeliveryHost.Admin, "Gerbang WhatsApp", receiver.Url, WebhookReceiver.Secret);
        await host.Get<EscalationEngine>().RunOnceAsync();

        // Server A leases the delivery, the receiver takes it, and A dies before it can record that.
        var outbox = host.Get<DeliveryStore>();
        var work = Assert.Single(await outbox.ClaimAsync("server-a", 10, TimeSpan.FromSeconds(3)));
        Assert.Equal(0, await host.Get<OutboxWorker>().RunOnceAsync()); // the lease stands: nobody else takes it
        var sender = host.Get<WebhookSender>();
        await sender.SendAsync(work, sender.Body(work), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3.2));

        Assert.Equal(1, await host.Get<OutboxWorker>().RunOnceAsync());
        Assert.Equal(0, await host.Get<OutboxWorker>().RunOnceAsync());

        Assert.Equal([work.IdempotencyKey, work.IdempotencyKey], receiver.Accepted);
        Assert.Equal(receiver.Requests.First().Body, receiver.Requests.Last().Body);
        Assert.Equal("sent", (await host.DeliveriesAsync()).Single().Status);
    }
}
