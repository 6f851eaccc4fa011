using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Regions;

public sealed partial class NumbersJourneyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_kpu_liaison_sets_38_of_45_tps_on_a_phone_the_regency_page_adds_it_live_and_the_leader_sees_whom_to_call()
    {
        var leader = await fixture.SignedInPageAsync("pimpinan");
        await leader.GotoAsync("/wilayah/64.02");
        await AppFixture.WaitForInteractiveAsync(leader);
        var kpuTps = leader.GetByRole(AriaRole.Region, new() { Name = "Angka capaian" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { HasTextRegex = KpuTpsSum() });
        await Expect(kpuTps).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var (doneBefore, targetBefore) = Parse(await kpuTps.InnerTextAsync());

        var liaison = await fixture.SignedInPageAsync("penghubung.kpu", width: 390, height: 844);
        await liaison.GotoAsync("/tugas?semua=1&cari=" + Uri.EscapeDataString("KPPS dilantik tenggarong"));
        await AppFixture.WaitForInteractiveAsync(liaison);
        var card = liaison.GetByRole(AriaRole.Article).Filter(new() { HasText = "Anggota KPPS untuk seluruh TPS dilantik" })
            .Filter(new() { HasText = "Tenggarong" }).First;
        var done = card.GetByLabel("Sudah");
        var target = card.GetByLabel("dari");
        await Expect(done).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var itemId = await card.GetAttributeAsync("data-item");
        var (oldDone, oldTarget) = (Number(await done.InputValueAsync()), Number(await target.InputValueAsync()));

        await done.FillAsync("tiga puluh delapan");
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan angka" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Isi angka bulat dari 0 sampai 100000.");
        await done.FillAsync("38");
        await target.FillAsync("45");
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan angka" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Status).Filter(new() { HasText = "Tersimpan" })).ToContainTextAsync("38/45 TPS");

        // The regency page moves by what the item moved, without a reload.
        await Expect(kpuTps).ToHaveTextAsync(new Regex($@"{doneBefore - oldDone + 38}/{targetBefore - oldTarget + 45} TPS"), new() { Timeout = 5_000 });

        // Whoever changed it is someone to call: name, position, unit and a WhatsApp link.
        await leader.GotoAsync($"/butir/{itemId}");
        await Expect(leader.GetByText("Siti Rahmawati, Kasubbag Teknis Penyelenggaraan, KPU Kabupaten Kutai Kartanegara").First)
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        var whatsApp = leader.GetByRole(AriaRole.Link, new() { Name = "Kirim WhatsApp ke Siti Rahmawati" }).First;
        await Expect(whatsApp).ToHaveAttributeAsync("href", "https://wa.me/6281234560002");
        await Expect(leader.GetByText(new Regex(@"→ 38 dari 45 TPS")).First).ToBeVisibleAsync();
    }

    private static int Number(string text) => int.TryParse(text.Trim(), out var n) ? n : 0;

    private static (int Done, int Target) Parse(string text)
    {
        var m = KpuTpsSum().Match(text);
        return (int.Parse(m.Groups["done"].Value), int.Parse(m.Groups["target"].Value));
    }

    [GeneratedRegex(@"KPU\s*(?<done>\d+)/(?<target>\d+) TPS")]
    private static partial Regex KpuTpsSum();
}
