using System.Text;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Tasks;

/// <summary>A liaison officer on a phone (390 x 844).</summary>
public sealed class LiaisonJourneyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const int Width = 390;
    private const int Height = 844;

    [Fact]
    public async Task Liaison_marks_an_item_siap_and_sees_it_saved_and_in_its_history()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await page.GotoAsync("/tugas?status=belum");
        var card = page.Locator("[data-item]").First;
        var itemId = await card.GetAttributeAsync("data-item");

        await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();

        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Siap.");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Siap" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("tugas-390.png") });

        await page.GotoAsync($"/butir/{itemId}");
        await Expect(page.Locator(".timeline-entry").First).ToContainTextAsync("penghubung.kpu");
        await Expect(page.Locator(".timeline-entry").First.Locator("[data-status='siap']")).ToBeVisibleAsync();
        // Kota Mataram and Kutai Kartanegara keep WITA, Bengkulu and Bantul WIB: the time carries its zone.
        await Expect(page.Locator(".timeline-entry").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{2}\.\d{2} (WITA|WIB)"));
    }

    [Fact]
    public async Task Blocked_needs_a_note_before_it_is_saved()
    {
        var page = await fixture.SignedInPageAsync("penghubung.bawaslu", width: Width, height: Height);
        await page.GotoAsync("/tugas?status=proses");
        var card = page.Locator("[data-item]").First;

        await card.GetByRole(AriaRole.Button, new() { Name = "Kendala" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai Kendala" }).ClickAsync();

        await Expect(card).ToContainTextAsync("wajib disertai catatan");
        await card.GetByRole(AriaRole.Textbox).FillAsync("PTPS di 4 TPS belum dilantik; menunggu SK Panwascam");
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai Kendala" }).ClickAsync();

        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Kendala.");
        await Expect(card.Locator(".item-note")).ToHaveTextAsync("PTPS di 4 TPS belum dilantik; menunggu SK Panwascam");
    }

    [Fact]
    public async Task Two_people_save_the_same_item_and_the_second_sees_the_first_ones_change()
    {
        var first = await fixture.SignedInPageAsync("penghubung.polri", width: Width, height: Height);
        var second = await fixture.SignedInPageAsync("penghubung.polri", width: Width, height: Height);
        await first.GotoAsync("/tugas?status=belum");
        var itemId = await first.Locator("[data-item]").First.GetAttributeAsync("data-item");
        await second.GotoAsync($"/butir/{itemId}");
        var secondCard = second.Locator($"[data-item='{itemId}']");

        // The second person begins writing a note...
        await secondCard.GetByRole(AriaRole.Button, new() { Name = "Tambah catatan" }).ClickAsync();
        await secondCard.GetByRole(AriaRole.Textbox).FillAsync("Sudah siap semua");

        // ...while the first saves a change of the same item.
        var firstCard = first.Locator($"[data-item='{itemId}']");
        await firstCard.GetByRole(AriaRole.Button, new() { Name = "Tambah catatan" }).ClickAsync();
        await firstCard.GetByRole(AriaRole.Textbox).FillAsync("Personel Polsek sudah apel, menunggu distribusi");
        await firstCard.GetByRole(AriaRole.Button, new() { Name = "Dalam proses" }).ClickAsync();
        await Expect(firstCard.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Dalam proses.");

        // The second sees it at once, and saving brings the choice instead of an overwrite.
        await Expect(secondCard).ToContainTextAsync("Baru saja diubah oleh penghubung.polri");
        await secondCard.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai Belum mulai" }).ClickAsync();

        var conflict = secondCard.Locator(".conflict");
        await Expect(conflict).ToContainTextAsync("baru saja diubah orang lain");
        await Expect(conflict).ToContainTextAsync("penghubung.polri");
        await Expect(conflict.Locator("[data-status='proses']")).ToBeVisibleAsync();
        await Expect(conflict).ToContainTextAsync("Personel Polsek sudah apel, menunggu distribusi");
        await second.ScreenshotAsync(new() { Path = Browser.ArtifactPath("conflict-390.png") });

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Terapkan perubahan saya" }).ClickAsync();

        await Expect(secondCard.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Belum mulai.");
        await Expect(secondCard.Locator(".item-note")).ToHaveTextAsync("Sudah siap semua");
        // Created, then the first person's change, then the second's on top.
        await Expect(second.Locator(".timeline-entry")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task A_note_with_markup_is_shown_as_text()
    {
        var dialogs = 0;
        var page = await fixture.SignedInPageAsync("penghubung.pemda", width: Width, height: Height);
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync("/tugas?status=proses");
        var card = page.Locator("[data-item]").First;
        var itemId = await card.GetAttributeAsync("data-item");
        const string note = "<script>alert('x')</script><b>tebal</b> genset belum tiba";

        await card.GetByRole(AriaRole.Button, new() { Name = "Tambah catatan" }).ClickAsync();
        await card.GetByRole(AriaRole.Textbox).FillAsync(note);
        await card.GetByRole(AriaRole.Button, new() { Name = "Kendala" }).ClickAsync();

        await Expect(card.Locator(".item-note")).ToHaveTextAsync(note);
        Assert.Equal(0, await card.Locator(".item-note b").CountAsync());
        await page.GotoAsync($"/butir/{itemId}");
        await Expect(page.Locator(".timeline-entry .item-note").First).ToHaveTextAsync(note);
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Export_gives_a_liaison_their_agencys_items_as_utf8_csv_with_bom()
    {
        var page = await fixture.SignedInPageAsync("penghubung.tni");

        var response = await page.APIRequest.GetAsync("/wilayah/64.02/ekspor.csv");

        Assert.Equal(200, response.Status);
        var body = await response.BodyAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, body[..3]);
        var lines = Encoding.UTF8.GetString(body[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Kode wilayah,Wilayah,Instansi,Tahapan", lines[0]);
        Assert.True(lines.Length > 10);
        Assert.All(lines.Skip(1), line => Assert.Equal("TNI", line.Split(',')[2]));

        var viewer = await fixture.SignedInPageAsync("pemantau");
        Assert.Equal(403, (await viewer.APIRequest.GetAsync("/wilayah/64.02/ekspor.csv")).Status);
    }

    [Fact]
    public async Task Liaison_adds_an_item_of_their_own_agency()
    {
        var page = await fixture.SignedInPageAsync("penghubung.tni", width: Width, height: Height);
        await page.GotoAsync("/tugas");
        // The circuit is up once the cards' buttons are enabled; before that the page is still the prerendered one.
        await Expect(page.Locator("[data-item] .status-button").First).ToBeEnabledAsync();
        await page.GetByText("Tambah butir instansi saya").ClickAsync();
        var form = page.Locator("details.add-item");
        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "Tambah" })).ToBeEnabledAsync();

        await form.GetByLabel("Butir kesiapan").FillAsync("Perahu karet siaga di bantaran Mahakam");
        await form.GetByLabel("Wilayah").SelectOptionAsync("64.02.01");
        await form.GetByLabel("Batas waktu").FillAsync(await VotingDayAsync(page));
        await form.GetByLabel("Tingkat").SelectOptionAsync("kritis");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tambah" }).ClickAsync();

        await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("ditambahkan");
        var card = page.Locator("[data-item]", new() { HasText = "Perahu karet siaga di bantaran Mahakam" });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.Locator("[data-status='belum']")).ToBeVisibleAsync();

        await form.GetByLabel("Butir kesiapan").FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tambah" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Isi judul butir");
    }

    /// <summary>The demo's voting day (the PEMUNGUTAN stage's only day), as the date input wants it.</summary>
    private static async Task<string> VotingDayAsync(IPage page)
    {
        var text = await page.Locator("#add-stage option:checked").InnerTextAsync();
        Assert.Equal("Pemungutan suara", text.Trim());
        return DateTime.UtcNow.AddHours(7).Date.AddDays(4).ToString("yyyy-MM-dd");
    }
}
