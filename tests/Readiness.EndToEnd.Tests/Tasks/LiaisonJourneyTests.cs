using System.Text;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Tasks;

/// <summary>A liaison officer on a phone (390 x 844).</summary>
[Collection(TasksApp.Name)]
public sealed class LiaisonJourneyTests(AppFixture fixture)
{
    private const int Width = 390;
    private const int Height = 844;

    [Fact]
    public async Task Liaison_marks_an_item_siap_and_sees_it_saved_and_in_its_history()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await GoToTasksAsync(page, "/tugas?status=belum");
        var card = page.GetByRole(AriaRole.Article).First;
        var itemId = await card.GetAttributeAsync("data-item");

        await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();

        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Siap.");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Siap" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("tugas-390.png") });

        await page.GotoAsync($"/butir/{itemId}");
        // Who changed it, by name and unit (the demo's KPU liaison), not by login name.
        await Expect(page.Locator(".timeline-entry").First).ToContainTextAsync("Siti Rahmawati");
        await Expect(page.Locator(".timeline-entry").First.Locator("[data-status='siap']")).ToBeVisibleAsync();
        // Kota Mataram and Kutai Kartanegara keep WITA, Bengkulu and Bantul WIB: the time carries its zone.
        await Expect(page.Locator(".timeline-entry").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{2}\.\d{2} (WITA|WIB)"));
    }

    [Fact]
    public async Task Blocked_needs_a_note_before_it_is_saved()
    {
        var page = await fixture.SignedInPageAsync("penghubung.bawaslu", width: Width, height: Height);
        await GoToTasksAsync(page, "/tugas?status=proses");
        var card = page.GetByRole(AriaRole.Article).First;

        await card.GetByRole(AriaRole.Button, new() { Name = "Kendala" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai Kendala" }).ClickAsync();

        await Expect(card).ToContainTextAsync("wajib disertai catatan");
        await card.GetByRole(AriaRole.Textbox).FillAsync("PTPS di 4 TPS belum dilantik; menunggu SK Panwascam");
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai Kendala" }).ClickAsync();

        // "Tersimpan: Kendala." or, on an item that counts, "Tersimpan: Kendala, 9/11 desa."
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Tersimpan: Kendala(, .+)?\.\s*$"));
        await Expect(card.GetByText("PTPS di 4 TPS belum dilantik; menunggu SK Panwascam", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Two_people_save_the_same_item_and_the_second_sees_the_first_ones_change()
    {
        var first = await fixture.SignedInPageAsync("penghubung.polri", width: Width, height: Height);
        var second = await fixture.SignedInPageAsync("penghubung.polri", width: Width, height: Height);
        await GoToTasksAsync(first, "/tugas?status=belum");
        var itemId = await first.GetByRole(AriaRole.Article).First.GetAttributeAsync("data-item");
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
        await firstCard.GetByRole(AriaRole.Button, new() { Name = "Simpan dengan catatan" }).ClickAsync();
        await Expect(firstCard.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Dalam proses.");

        // The second sees it at once, and saving brings the choice instead of an overwrite.
        await Expect(secondCard).ToContainTextAsync("Baru saja diubah oleh penghubung.polri");
        await secondCard.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai Belum mulai" }).ClickAsync();

        var conflict = secondCard.GetByRole(AriaRole.Alert).Filter(new() { HasText = "baru saja diubah orang lain" });
        await Expect(conflict).ToContainTextAsync("baru saja diubah orang lain");
        await Expect(conflict).ToContainTextAsync("penghubung.polri");
        await Expect(conflict.Locator("[data-status='proses']")).ToBeVisibleAsync();
        await Expect(conflict).ToContainTextAsync("Personel Polsek sudah apel, menunggu distribusi");
        await second.ScreenshotAsync(new() { Path = Browser.ArtifactPath("conflict-390.png") });

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Terapkan perubahan saya" }).ClickAsync();

        await Expect(secondCard.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Belum mulai.");
        await Expect(secondCard.GetByText("Sudah siap semua", new() { Exact = true })).ToBeVisibleAsync();
        // Created, then the first person's change, then the second's on top.
        await Expect(second.Locator(".timeline-entry")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task A_note_with_markup_is_shown_as_text()
    {
        var dialogs = 0;
        var page = await fixture.SignedInPageAsync("penghubung.pemda", width: Width, height: Height);
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await GoToTasksAsync(page, "/tugas?status=proses");
        var card = page.GetByRole(AriaRole.Article).First;
        var itemId = await card.GetAttributeAsync("data-item");
        const string note = "<script>alert('x')</script><b>tebal</b> genset belum tiba";

        await card.GetByRole(AriaRole.Button, new() { Name = "Tambah catatan" }).ClickAsync();
        await card.GetByRole(AriaRole.Textbox).FillAsync(note);
        await card.GetByRole(AriaRole.Button, new() { Name = "Kendala" }).ClickAsync();
        // The note typed is not saved with a status tap unasked.
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan dengan catatan" }).ClickAsync();

        await Expect(card.GetByText(note, new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(0, await card.Locator("b").CountAsync());
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
        await GoToTasksAsync(page, "/tugas");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah butir instansi saya" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Tambah butir instansi saya" });
        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "Tambah" })).ToBeEnabledAsync();

        await form.GetByLabel("Butir kesiapan").FillAsync("Perahu karet siaga di bantaran Mahakam");
        // No region is chosen for the liaison; one is found by what they type.
        var region = form.GetByLabel("Wilayah", new() { Exact = true });
        await Expect(region).ToHaveValueAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tambah" }).ClickAsync();
        await Expect(form.GetByText("Pilih wilayah butir ini.")).ToBeVisibleAsync();
        await region.FillAsync("64.02.01");
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "(64.02.01)" }).ClickAsync();
        await Expect(region).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\(64\.02\.01\)$"));
        await form.GetByLabel("Batas waktu").FillAsync(await VotingDayAsync(form));
        await PickAsync(page, form.GetByLabel("Tingkat", new() { Exact = true }), "Kritis");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tambah" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ditambahkan" })).ToBeVisibleAsync();
        // Found at once by its words, wherever it sits in the list.
        await page.GetByLabel("Cari butir, catatan atau wilayah").FillAsync("perahu karet mahakam");
        var card = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "Perahu karet siaga di bantaran Mahakam" });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.Locator("[data-status='belum']")).ToBeVisibleAsync();

        await form.GetByLabel("Butir kesiapan").FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tambah" }).ClickAsync();
        await Expect(form.GetByText("Isi judul butir.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ditambahkan" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Liaison_finds_logistics_in_a_kecamatan_by_two_words_taps_siap_and_sees_it_saved()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await GoToTasksAsync(page, "/tugas");

        await page.GetByLabel("Cari butir, catatan atau wilayah").FillAsync("logistik loa kulu");

        var cards = page.GetByRole(AriaRole.Article);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"cari=logistik(\+|%20)loa(\+|%20)kulu"));
        await Expect(cards.First).ToContainTextAsync("Loa Kulu");
        foreach (var text in await cards.AllInnerTextsAsync())
        {
            Assert.Contains("Loa Kulu", text, StringComparison.Ordinal);
            // Logistics in the items' own words too: ballot boxes, ballots, forms, seals.
            Assert.Matches(new System.Text.RegularExpressions.Regex("logistik|kotak suara|surat suara|bilik|tinta|formulir|segel",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase), text);
        }

        // Found by "formulir", a word "logistik" stands for, not by "logistik" itself.
        await Expect(cards.Filter(new() { HasText = "Formulir C-Pemberitahuan diterima seluruh pemilih" })).ToHaveCountAsync(1);
        // The search stayed in "Perlu sekarang", as the liaison left it.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Perlu sekarang" })).ToHaveAttributeAsync("aria-pressed", "true");

        var card = cards.Filter(new() { HasText = "PPK menerima logistik dari gudang KPU" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Siap.");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("tugas-cari-390.png") });
    }

    [Fact]
    public async Task A_double_tap_on_siap_still_says_it_was_saved()
    {
        var page = await fixture.SignedInPageAsync("penghubung.bawaslu", width: Width, height: Height);
        await GoToTasksAsync(page, "/tugas?status=belum");
        var card = page.GetByRole(AriaRole.Article).First;

        await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).DblClickAsync();
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Siap.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();

        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Siap.");
    }

    [Fact]
    public async Task A_shared_address_opens_the_same_view_and_one_outside_the_scope_shows_nothing()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await GoToTasksAsync(page, "/tugas?semua=1&wilayah=64.02.06&status=belum");

        var filters = page.GetByLabel("Saringan aktif");
        await Expect(filters).ToContainTextAsync("Tenggarong");
        await Expect(filters).ToContainTextAsync("Belum mulai");
        var cards = page.GetByRole(AriaRole.Article);
        await Expect(cards.First).ToBeVisibleAsync();
        foreach (var text in await cards.AllInnerTextsAsync())
        {
            Assert.Contains("Tenggarong", text, StringComparison.Ordinal);
            Assert.Contains("Belum mulai", text, StringComparison.Ordinal);
        }

        // Aceh Besar lies outside every demo liaison's scope; the address asks for it all the same.
        await GoToTasksAsync(page, "/tugas?semua=1&wilayah=11.06");
        await Expect(page.GetByText("Tidak ada butir yang cocok")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Article)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hapus semua saringan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/tugas$"));
        await Expect(page.GetByRole(AriaRole.Article).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Grouped_by_item_a_liaison_sets_several_kecamatan_at_once()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await GoToTasksAsync(page, "/tugas?semua=1&wilayah=52.71&tampilan=butir");

        var group = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Distribusi logistik ke PPS selesai" });
        await Expect(group).ToContainTextAsync("wilayah Siap");
        await group.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Distribusi logistik ke PPS selesai" })).ToBeVisibleAsync();
        await page.GetByLabel("Pilih semua di halaman ini").CheckAsync();
        var selected = await page.GetByRole(AriaRole.Article).CountAsync();
        // The count and the buttons stay at the foot of the screen however far down the liaison scrolls.
        var bar = page.GetByRole(AriaRole.Region, new() { Name = "Tindakan untuk butir terpilih" });
        await Expect(bar).ToContainTextAsync($"Setel {selected} butir terpilih");
        await page.Mouse.WheelAsync(0, 20_000);
        var box = (await bar.BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Y + box.Height <= Height + 0.5, $"the bar sits at {box.Y:0}-{box.Y + box.Height:0} px of a {Height} px screen");
        await bar.GetByRole(AriaRole.Button, new() { Name = "butir terpilih: Dalam proses" }).ClickAsync();

        // Only what happened: no "Konflik: 0. Ditolak: 0."
        await Expect(page.Locator("[data-bulk-result]")).ToHaveTextAsync($"{selected} butir tersimpan: Dalam proses.");
        foreach (var text in await page.GetByRole(AriaRole.Article).AllInnerTextsAsync())
        {
            Assert.Contains("Dalam proses", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Opens the task list and waits for the circuit: a tap before it is up is lost.</summary>
    private static async Task GoToTasksAsync(IPage page, string address)
    {
        await page.GotoAsync(address);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tambah butir instansi saya" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Opens a select's list and picks the option whose text contains <paramref name="option"/>.</summary>
    private static async Task PickAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = option }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
    }

    /// <summary>The demo's voting day (the PEMUNGUTAN stage's only day), as the date input wants it.</summary>
    private static async Task<string> VotingDayAsync(ILocator form)
    {
        var text = await form.GetByLabel("Tahapan", new() { Exact = true }).InnerTextAsync();
        Assert.Equal("Pemungutan suara", text.Trim());
        return DateTime.UtcNow.AddHours(7).Date.AddDays(4).ToString("yyyy-MM-dd");
    }
}
