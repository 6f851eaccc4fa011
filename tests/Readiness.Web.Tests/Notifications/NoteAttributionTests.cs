using System.Text.Json;
using Readiness.Data.Notifications;
using Readiness.Web.Notifications;

namespace Readiness.Web.Tests.Notifications;

/// <summary>
/// A liaison officer's note goes out in an escalation e-mail and webhook as theirs: named, quoted, and as data,
/// never as the app's own words.
/// </summary>
public sealed class NoteAttributionTests
{
    [Fact]
    public async Task The_e_mail_says_who_wrote_the_note_and_quotes_it_as_text_in_both_parts()
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
        await host.ExecuteAsync("UPDATE ChecklistItems SET Note = @note WHERE Id = @Id;",
            new { note = "Transfer <b>dana</b> ke rekening 123\nsegera", item.Id });
        await host.Get<EscalationEngine>().RunOnceAsync();

        Assert.Equal(1, await host.Get<OutboxWorker>().RunOnceAsync());

        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Contains("Catatan dari penghubung.polri (penghubung POLRI): «Transfer <b>dana</b> ke rekening 123 segera»", mail.TextBody);
        Assert.Contains("Transfer &lt;b&gt;dana&lt;/b&gt; ke rekening 123 segera", mail.HtmlBody);
        Assert.DoesNotContain("<b>dana</b>", mail.HtmlBody);
    }

    [Fact]
    public async Task The_webhook_carries_the_note_as_data_with_noteBy()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var host = new DeliveryHost();
        var item = await host.StartAsync("sekda@kukarkab.go.id");
        await host.Get<WebhookStore>().AddAsync(DeliveryHost.Admin, "Gerbang WhatsApp", receiver.Url, WebhookReceiver.Secret);
        await host.Get<EscalationEngine>().RunOnceAsync();

        Assert.Equal(1, await host.Get<OutboxWorker>().RunOnceAsync());

        using var json = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        var checklistItem = json.RootElement.GetProperty("checklistItem");
        Assert.Equal(item.Id, checklistItem.GetProperty("id").GetInt64());
        Assert.Equal("Personel belum cukup", checklistItem.GetProperty("note").GetString());
        Assert.Equal("penghubung.polri", checklistItem.GetProperty("noteBy").GetString());
        Assert.Contains("Catatan dari penghubung.polri (penghubung POLRI): «Personel belum cukup»", json.RootElement.GetProperty("text").GetString());
    }
}
