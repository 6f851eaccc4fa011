using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Coordination;

/// <summary>
/// A leader records a visit with two instructions, the TNI liaison sees one on a phone; a KPU liaison asks Pemda for
/// help from a Kendala item, the Pemda liaison accepts and delivers; the wall follows the open requests and the declarations live.
/// </summary>
[Collection(CoordinationApp.Name)]
public sealed class CoordinationJourneyTests(AppFixture fixture)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [Fact]
    public async Task A_leader_finds_the_open_instructions_on_the_home_page_and_first_in_the_brief()
    {
        var leader = await fixture.SignedInPageAsync("pimpinan");
        await leader.GotoAsync("/");
        var card = leader.Locator("section.region-card").Filter(new() { Has = leader.GetByRole(AriaRole.Heading, new() { Name = "Kabupaten Kutai Kartanegara" }) });
        await Expect(card.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Arahan terbuka: [1-9]\d*$") })).ToBeVisibleAsync();

        await leader.GotoAsync("/wilayah/64.02/ringkasan");
        var instructions = leader.GetByRole(AriaRole.List, new() { Name = "Arahan terbuka" });
        await Expect(instructions.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Arahan ·");
        await leader.Context.CloseAsync();
    }

    [Fact]
    public async Task Instructions_reach_the_agency_and_a_request_for_help_is_answered_while_the_wall_follows()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var wall = await fixture.NewPageAsync(1920, 1080);
        await wall.GotoAsync(await fixture.CreateScreenTokenAsync("Koordinasi " + suffix, "64.02"));
        var wallRequests = wall.Locator("[data-coordination] [data-coord-requests]");
        await Expect(wallRequests).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var openBefore = int.Parse((await wallRequests.GetAttributeAsync("data-coord-requests"))!, System.Globalization.CultureInfo.InvariantCulture);

        // A leader records a visit with two instructions.
        var leader = await fixture.SignedInPageAsync("pimpinan");
        await leader.GotoAsync("/kunjungan/baru?wilayah=64.02");
        await AppFixture.WaitForInteractiveAsync(leader);
        await leader.GetByLabel("Tempat").FillAsync("Pendopo Tenggarong");
        await leader.GetByLabel("Yang hadir").FillAsync("Pjs Bupati, Dandim 0906, Kapolres");
        await leader.GetByLabel("Instansi 1").SelectOptionAsync("TNI");
        await leader.GetByLabel("Arahan 1", new() { Exact = true }).FillAsync($"Perahu karet siaga di Muara Kaman {suffix}");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Tambah arahan" }).ClickAsync();
        await leader.GetByLabel("Instansi 2").SelectOptionAsync("POLRI");
        await leader.GetByLabel("Arahan 2", new() { Exact = true }).FillAsync($"Patroli gudang logistik {suffix}");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Simpan kunjungan dan arahan" }).ClickAsync();
        await Expect(leader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/kunjungan/\d+$"));
        await Expect(leader.Locator("tr[data-instruction]")).ToHaveCountAsync(2);

        // The TNI liaison's task list on a phone shows the instruction, marked as one.
        var tni = await fixture.SignedInPageAsync("penghubung.tni", width: PhoneWidth, height: PhoneHeight);
        await tni.GotoAsync($"/tugas?semua=1&cari={suffix}");
        var instruction = tni.GetByRole(AriaRole.Article).Filter(new() { HasText = $"Perahu karet siaga di Muara Kaman {suffix}" });
        await Expect(instruction.Locator("[data-origin='arahan']")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // A KPU liaison asks Pemda for help from a Kendala item.
        var kpu = await fixture.SignedInPageAsync("penghubung.kpu", width: PhoneWidth, height: PhoneHeight);
        await kpu.GotoAsync("/tugas?semua=1&status=kendala&wilayah=64.02");
        await AppFixture.WaitForInteractiveAsync(kpu);
        var asking = kpu.GetByRole(AriaRole.Article).Filter(new() { Has = kpu.GetByRole(AriaRole.Button, new() { Name = "Minta bantuan instansi lain" }) }).First;
        var askingId = await asking.GetAttributeAsync("data-item");
        asking = kpu.Locator($"article[data-item='{askingId}']");
        await asking.GetByRole(AriaRole.Button, new() { Name = "Minta bantuan instansi lain" }).ClickAsync();
        await asking.GetByLabel("Instansi yang diminta").SelectOptionAsync("PEMDA");
        await asking.GetByLabel("Apa yang diminta").FillAsync($"Genset untuk gudang {suffix}");
        await asking.GetByLabel("Jumlah (bila ada)").FillAsync("2");
        await asking.GetByLabel("Satuan").FillAsync("genset");
        await asking.GetByRole(AriaRole.Button, new() { Name = "Kirim permintaan" }).ClickAsync();
        await Expect(asking).ToContainTextAsync("Menunggu Pemda: 2 genset");
        await Expect(wallRequests).ToHaveAttributeAsync("data-coord-requests", (openBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            new() { Timeout = 30_000 });

        // The Pemda liaison accepts, then delivers.
        var pemda = await fixture.SignedInPageAsync("penghubung.pemda", width: PhoneWidth, height: PhoneHeight);
        await pemda.GotoAsync($"/tugas?semua=1&cari={suffix}");
        await AppFixture.WaitForInteractiveAsync(pemda);
        var asked = pemda.GetByRole(AriaRole.Article).Filter(new() { HasText = $"Genset untuk gudang {suffix}" });
        await Expect(asked).ToContainTextAsync("Permintaan dari KPU");
        await asked.GetByRole(AriaRole.Button, new() { Name = "Terima" }).ClickAsync();
        await Expect(asked.Locator("[data-request-state]")).ToHaveAttributeAsync("data-request-state", "diterima");
        await asked.GetByRole(AriaRole.Button, new() { Name = "Sudah dipenuhi" }).ClickAsync();
        await Expect(asked.Locator("[data-request-state]")).ToHaveAttributeAsync("data-request-state", "dipenuhi");

        // The asking card and the wall take the answer without a reload.
        await Expect(asking.Locator("[data-request-state]")).ToHaveAttributeAsync("data-request-state", "dipenuhi", new() { Timeout = 30_000 });
        await Expect(wallRequests).ToHaveAttributeAsync("data-coord-requests", openBefore.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new() { Timeout = 30_000 });
        await kpu.ScreenshotAsync(new() { Path = Browser.ArtifactPath("koordinasi-390.png") });

        // Bawaslu's head declares readiness, recorded by its liaison: the wall's count goes up by one.
        var wallDeclared = wall.Locator("[data-coordination] [data-coord-declared]");
        var declaredBefore = int.Parse((await wallDeclared.GetAttributeAsync("data-coord-declared"))!, System.Globalization.CultureInfo.InvariantCulture);
        var bawaslu = await fixture.SignedInPageAsync("penghubung.bawaslu");
        await bawaslu.GotoAsync("/wilayah/64.02");
        await AppFixture.WaitForInteractiveAsync(bawaslu);
        await bawaslu.GetByRole(AriaRole.Button, new() { Name = "Nyatakan siap (Bawaslu)" }).ClickAsync();
        await bawaslu.GetByLabel("Nama pimpinan instansi").FillAsync("Ketua Bawaslu Kutai Kartanegara");
        await bawaslu.GetByLabel("Jabatan").FillAsync("Ketua");
        await bawaslu.GetByRole(AriaRole.Button, new() { Name = "Simpan pernyataan" }).ClickAsync();
        await Expect(bawaslu.Locator("li[data-declaration='BAWASLU']")).ToBeVisibleAsync();
        await Expect(wallDeclared).ToHaveAttributeAsync("data-coord-declared", (declaredBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            new() { Timeout = 30_000 });
    }
}
