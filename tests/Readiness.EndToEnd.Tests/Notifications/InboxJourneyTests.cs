using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Notifications;

/// <summary>
/// The demo's critical items past due escalate to the leader when the app starts: the bell shows the inbox's rows
/// with something unread (pushed through the notification feed), a row opens to its notice, the notice opens the
/// item, and a row read stops counting.
/// </summary>
[Collection(NotificationsApp.Name)]
public sealed partial class InboxJourneyTests(AppFixture fixture)
{
    [Fact]
    public async Task A_leader_sees_the_unread_count_on_the_bell_opens_the_item_from_the_inbox_and_it_counts_as_read()
    {
        var page = await fixture.SignedInPageAsync("pimpinan");
        await page.GotoAsync("/");

        // The escalation run may finish after the page is up: the count arrives through the feed, without a reload.
        var bell = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Kotak masuk: \d+ kelompok belum dibaca$") });
        await Expect(bell).ToHaveAttributeAsync("aria-label", UnreadPattern());
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("bell.png") });

        // A link followed while the page's circuit is still starting can be undone by its first render: wait for it.
        await AppFixture.WaitForInteractiveAsync(page);
        await bell.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/kotak-masuk$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kotak masuk" })).ToBeVisibleAsync();
        await AppFixture.WaitForInteractiveAsync(page); // the inbox's buttons work once its circuit is up
        // A row of one unread escalation (a morning digest or a domain notice has no item to open); the first
        // escalation run over the demo's nation comes in through the feed, on a busy machine after a while.
        var rows = page.GetByRole(AriaRole.List, new() { Name = "Pemberitahuan per wilayah, aturan dan hari" }).GetByRole(AriaRole.Listitem);
        var row = rows.Filter(new()
        {
            Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"· (Kendala tidak berubah 24 jam|Butir kritis lewat tenggat) · .+ · 1 pemberitahuan$") }),
        }).Filter(new() { HasText = "1 belum dibaca" }).First;
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var before = UnreadOf(await bell.GetAttributeAsync("aria-label"));
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Buka: ") }).ClickAsync();
        // A notice of one item has "Buka butir", a notice of several lists its items, each a button.
        var groupItems = row.GetByRole(AriaRole.List, new() { Name = "Butir dalam pemberitahuan ini" });
        var open = row.GetByRole(AriaRole.Button, new() { Name = "Buka butir" }).Or(groupItems.GetByRole(AriaRole.Button)).First;
        await Expect(open).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("inbox.png") });
        await open.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/butir/\d+$"));
        await Expect(bell).ToHaveAttributeAsync("aria-label", $"Kotak masuk: {before - 1} kelompok belum dibaca");
    }

    [Fact]
    public async Task An_admin_registers_a_webhook_and_a_bad_address_is_refused_in_indonesian()
    {
        var page = await fixture.SignedInPageAsync("admin");
        await page.GotoAsync("/admin/notifikasi");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aturan eskalasi" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-rule='kendala-24-jam']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Daftarkan" })).ToBeEnabledAsync(); // the circuit is up

        await page.GetByLabel("Nama").FillAsync("Gerbang WhatsApp");
        await page.GetByLabel("Alamat (URL)").FillAsync("ftp://salah");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Rahasia" }).FillAsync("rahasia-bersama-yang-panjang");
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftarkan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("diawali http:// atau https://");

        await page.GetByLabel("Alamat (URL)").FillAsync("http://169.254.169.254/latest/meta-data/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftarkan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Alamat webhook 169.254.169.254 menuju jaringan internal");

        await page.GetByLabel("Alamat (URL)").FillAsync("https://gerbang.example.go.id/kait");
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftarkan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Webhook \"Gerbang WhatsApp\" didaftarkan.");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "https://gerbang.example.go.id/kait" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("admin-notifications.png"), FullPage = true });
    }

    private static int UnreadOf(string? label) => int.Parse(UnreadPattern().Match(label ?? "").Groups[1].Value);

    [GeneratedRegex(@"^Kotak masuk: ([1-9]\d*) kelompok belum dibaca$")]
    private static partial Regex UnreadPattern();
}
