using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using Readiness.Data.Notifications;
using Readiness.Web.Notifications;

namespace Readiness.Web.Tests.Notifications;

/// <summary>
/// Webhooks and mail that respect their receivers and the network: real receivers and mail servers on loopback, a
/// real SQLite file.
/// </summary>
public sealed class ReceiverSafetyTests
{
    [Fact]
    public async Task A_receiver_that_never_answers_does_not_hold_up_the_posts_to_another_receiver()
    {
        using var silent = new SilentReceiver();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var host = new DeliveryHost(new Dictionary<string, string?>
        {
            ["Readiness:Notifications:Delivery:Parallelism"] = "1",
            ["Readiness:Notifications:Delivery:AttemptTimeout"] = "00:10:00",
        });
        var item = await host.StartAsync("a@kukarkab.go.id", "b@kukarkab.go.id", "c@kukarkab.go.id");
        await host.Get<WebhookStore>().AddAsync(DeliveryHost.Admin, "Gerbang macet", silent.Url, WebhookReceiver.Secret);
        await host.Get<WebhookStore>().AddAsync(DeliveryHost.Admin, "Gerbang WhatsApp", receiver.Url, WebhookReceiver.Secret);
        await host.Get<EscalationEngine>().RunOnceAsync();
        var worker = host.Get<OutboxWorker>();

        await worker.StartAsync(CancellationToken.None);
        try
        {
            // Three leaders, one post each to both receivers; the silent one holds its first post for ten minutes.
            await WaitForAsync(() => receiver.Accepted.Count == 3, "the answering receiver got its three posts while the silent one hung");

            // A later escalation, while the silent receiver still holds its post: the others' new posts go out too.
            await host.ExecuteAsync("""
                INSERT INTO ChecklistItems (ElectionId, RegionCode, AgencyCode, StageId, Title, Criticality, DueDate, Status, Note, UpdatedAtUtc, UpdatedBy, Version)
                SELECT ElectionId, RegionCode, AgencyCode, StageId, 'Surat suara cadangan', Criticality, DueDate, Status, Note, UpdatedAtUtc, UpdatedBy, 1
                FROM ChecklistItems WHERE Id = @id;
                """, new { id = item.Id });
            Assert.Equal(3, (await host.Get<EscalationEngine>().RunOnceAsync()).Notifications);
            await WaitForAsync(() => receiver.Accepted.Count == 6, "the answering receiver got the later escalation's posts while the silent one hung");
            Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
            Assert.Equal(6, receiver.Accepted.Distinct().Count());
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_webhook_whose_name_resolves_to_loopback_is_refused_when_posting_and_its_receiver_gets_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var host = new DeliveryHost(new Dictionary<string, string?> { ["Readiness:Notifications:AllowedWebhookHosts:0"] = "" });
        await host.StartAsync("a@kukarkab.go.id");
        // A row registered before addresses were checked, or whose name resolves differently since: only the connect-time check stops it.
        await host.ExecuteAsync("""
            INSERT INTO Webhooks (Name, Url, Secret, IsEnabled, CreatedAtUtc, CreatedBy) VALUES ('Gerbang', @url, @secret, 1, '2024-11-23 03:00:00.000', 'admin');
            """, new { url = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal), secret = WebhookReceiver.Secret });
        await host.Get<EscalationEngine>().RunOnceAsync();

        await host.Get<OutboxWorker>().RunOnceAsync();

        Assert.Empty(receiver.Requests);
        var outcome = Assert.Single(await host.OutcomesAsync());
        Assert.Equal(("dead", DeliveryErrorKinds.Blocked), (outcome.Status, outcome.Kind));
        Assert.Contains("internal", outcome.Error);
    }

    [Fact]
    public async Task A_webhook_secret_stored_in_plain_text_before_encryption_still_signs_the_posts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var host = new DeliveryHost();
        await host.StartAsync("a@kukarkab.go.id");
        await host.ExecuteAsync("""
            INSERT INTO Webhooks (Name, Url, Secret, IsEnabled, CreatedAtUtc, CreatedBy) VALUES ('Gerbang', @url, @secret, 1, '2024-11-23 03:00:00.000', 'admin');
            """, new { url = receiver.Url, secret = WebhookReceiver.Secret });
        await host.Get<EscalationEngine>().RunOnceAsync();

        await host.Get<OutboxWorker>().RunOnceAsync();

        Assert.True(Assert.Single(receiver.Requests).SignatureValid);
    }

    [Fact]
    public async Task A_dead_letter_keeps_what_happened_in_a_word_the_screens_translate_and_the_raw_detail()
    {
        using var silent = new SilentReceiver();
        await using var failing = await WebhookReceiver.StartAsync(503);
        using var host = new DeliveryHost(new Dictionary<string, string?>
        {
            ["Readiness:Notifications:Delivery:MaxAttempts"] = "1",
            ["Readiness:Notifications:Delivery:RetriesPerClaim"] = "0",
            // Long enough for a loaded machine's receiver to answer 503; the silent one still runs out.
            ["Readiness:Notifications:Delivery:AttemptTimeout"] = "00:00:05",
        });
        await host.StartAsync("a@kukarkab.go.id");
        var webhooks = host.Get<WebhookStore>();
        await webhooks.AddAsync(DeliveryHost.Admin, "Macet", silent.Url, WebhookReceiver.Secret);
        await webhooks.AddAsync(DeliveryHost.Admin, "Sibuk", failing.Url, WebhookReceiver.Secret);
        await webhooks.AddAsync(DeliveryHost.Admin, "Mati", $"http://127.0.0.1:{ClosedPort()}/kait", WebhookReceiver.Secret);
        await host.Get<EscalationEngine>().RunOnceAsync();

        Assert.Equal(3, await host.Get<OutboxWorker>().RunOnceAsync());

        var outcomes = (await host.OutcomesAsync()).ToDictionary(o => o.Receiver);
        Assert.Equal(("dead", DeliveryErrorKinds.Timeout), (outcomes["Macet"].Status, outcomes["Macet"].Kind));
        Assert.Equal(("dead", DeliveryErrorKinds.Http(503)), (outcomes["Sibuk"].Status, outcomes["Sibuk"].Kind));
        Assert.Equal(("dead", DeliveryErrorKinds.Refused), (outcomes["Mati"].Status, outcomes["Mati"].Kind));
        Assert.Contains("503", outcomes["Sibuk"].Error);
        var letters = await host.Get<DeliveryStore>().DeadLettersAsync(DeliveryHost.Admin);
        Assert.Equal([DeliveryErrorKinds.Http(503), DeliveryErrorKinds.Refused, DeliveryErrorKinds.Timeout],
            letters.Select(l => l.LastErrorKind ?? "").Order());
    }

    [Fact]
    public async Task The_admin_learns_why_mail_is_failing_from_the_last_mail_try()
    {
        using var host = new DeliveryHost(new Dictionary<string, string?>
        {
            ["Readiness:Notifications:Smtp:Host"] = "127.0.0.1",
            ["Readiness:Notifications:Smtp:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Readiness:Notifications:Smtp:Security"] = "None",
            ["Readiness:Notifications:Smtp:Sender"] = "kesiapan@kukarkab.go.id",
            ["Readiness:Notifications:Delivery:RetriesPerClaim"] = "0",
        });
        await host.StartAsync("sekda@kukarkab.go.id");
        await host.Get<EscalationEngine>().RunOnceAsync();
        Assert.Null(await host.Get<DeliveryStore>().LastMailFailureAsync(DeliveryHost.Admin));

        await host.Get<OutboxWorker>().RunOnceAsync();

        var failure = await host.Get<DeliveryStore>().LastMailFailureAsync(DeliveryHost.Admin);
        Assert.NotNull(failure);
        Assert.Equal(DeliveryErrorKinds.Refused, failure.LastErrorKind);
        Assert.Contains("SMTP 127.0.0.1", failure.LastError);
    }

    [Theory]
    [InlineData("Online", true, false)]
    [InlineData("offline", false, true)]
    [InlineData("None", false, false)]
    public void The_revocation_setting_turns_MailKits_check_online_offline_or_off(string setting, bool online, bool ownValidation)
    {
        using var client = new SmtpClient();

        EmailSender.ApplyRevocation(client, setting);

        Assert.Equal((online, ownValidation), (client.CheckCertificateRevocation, client.ServerCertificateValidationCallback is not null));
    }

    [Fact]
    public void A_revocation_setting_that_is_none_of_the_three_stops_with_a_message_naming_the_setting()
    {
        using var client = new SmtpClient();

        var error = Assert.Throws<InvalidOperationException>(() => EmailSender.ApplyRevocation(client, "kadang"));

        Assert.Contains("Readiness:Notifications:Smtp:CertificateRevocation", error.Message);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not seen within a minute: {what}.");
            await Task.Delay(50);
        }
    }
}
