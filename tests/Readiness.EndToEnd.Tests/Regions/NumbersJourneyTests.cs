using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Regions;

public sealed partial class NumbersJourneyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_kpu_liaison_sets_38_tps_of_the_kecamatan_count_on_a_phone_the_regency_page_adds_it_live_and_the_leader_sees_whom_to_call()
    {
        var leader = await fixture.SignedInPageAsync("pimpinan");
        await leader.GotoAsync("/wilayah/64.02");
        await AppFixture.WaitForInteractiveAsync(leader);
        // The KPPS item summed over the regency's kecamatan, in the table per item.
        var kpuTps = leader.GetByRole(AriaRole.Region, new() { Name = "Angka capaian" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "Anggota KPPS untuk seluruh TPS dilantik" });
        await Expect(kpuTps).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var (doneBefore, targetBefore) = Parse(await kpuTps.InnerTextAsync());

        var liaison = await fixture.SignedInPageAsync("penghubung.kpu", width: 390, height: 844);
        await liaison.GotoAsync("/tugas?semua=1&cari=" + Uri.EscapeDataString("KPPS dilantik tenggarong"));
        await AppFixture.WaitForInteractiveAsync(liaison);
        var card = liaison.GetByRole(AriaRole.Article).Filter(new() { HasText = "Anggota KPPS untuk seluruh TPS dilantik" })
            .Filter(new() { HasText = "Tenggarong" }).First;
        var done = card.GetByLabel("Sudah");
        await Expect(done).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var itemId = await card.GetAttributeAsync("data-item");
        // One KPPS per TPS: the target is Tenggarong's TPS count (the region's figures), shown on the card, not typed.
        var oldDone = Number(await done.InputValueAsync());
        var tps = int.Parse(TargetOf().Match(await card.Locator(".item-number-text").InnerTextAsync()).Groups[1].Value);
        var mine = Math.Min(38, tps);

        await done.FillAsync("tiga puluh delapan");
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan angka" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Isi angka bulat dari 0 sampai 100000.");
        await done.FillAsync(mine.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan angka" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Status).Filter(new() { HasText = "Tersimpan" })).ToContainTextAsync($"{mine}/{tps} TPS");

        // The regency page moves by what the item moved, without a reload.
        await Expect(kpuTps).ToHaveTextAsync(new Regex($@"{doneBefore - oldDone + mine}/{targetBefore} TPS"), new() { Timeout = 5_000 });

        // Whoever changed it is someone to call: name, position, unit and a WhatsApp link.
        await leader.GotoAsync($"/butir/{itemId}");
        await Expect(leader.GetByText("Siti Rahmawati, Kasubbag Teknis Penyelenggaraan, KPU Kabupaten Kutai Kartanegara").First)
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        var whatsApp = leader.GetByRole(AriaRole.Link, new() { Name = "Kirim WhatsApp ke Siti Rahmawati" }).First;
        await Expect(whatsApp).ToHaveAttributeAsync("href", "https://wa.me/6281234560002");
        await Expect(leader.GetByText(new Regex($@"→ {mine} dari {tps} TPS")).First).ToBeVisibleAsync();
    }

    private static int Number(string text) => int.TryParse(text.Trim(), out var n) ? n : 0;

    private static (int Done, int Target) Parse(string text)
    {
        var m = KpuTpsSum().Match(text);
        return (int.Parse(m.Groups["done"].Value), int.Parse(m.Groups["target"].Value));
    }

    [GeneratedRegex(@"/(\d+) TPS")]
    private static partial Regex TargetOf();

    [GeneratedRegex(@"(?<done>\d+)/(?<target>\d+) TPS")]
    private static partial Regex KpuTpsSum();
}
