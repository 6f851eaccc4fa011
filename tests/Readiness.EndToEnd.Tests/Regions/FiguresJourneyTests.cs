using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Regions;

public sealed partial class FiguresJourneyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_kpu_liaison_changes_tenggarongs_tps_count_on_a_phone_and_the_kpps_target_on_an_open_regency_page_follows_live()
    {
        var leader = await fixture.SignedInPageAsync("pimpinan");
        await leader.GotoAsync("/wilayah/64.02");
        await AppFixture.WaitForInteractiveAsync(leader);
        var kpps = leader.GetByRole(AriaRole.Region, new() { Name = "Angka capaian" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "Anggota KPPS untuk seluruh TPS dilantik" });
        await Expect(kpps).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var (done, target) = Parse(await kpps.InnerTextAsync());

        var liaison = await fixture.SignedInPageAsync("penghubung.kpu", width: 390, height: 844);
        await liaison.GotoAsync("/wilayah/64.02.06");
        await AppFixture.WaitForInteractiveAsync(liaison);
        var panel = liaison.GetByRole(AriaRole.Region, new() { Name = "Angka wilayah" });
        var tps = panel.GetByLabel("Jumlah TPS");
        await Expect(tps).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var before = int.Parse(await tps.InputValueAsync(), CultureInfo.InvariantCulture);

        // A word is refused on the phone with a message, and nothing moves.
        await tps.FillAsync("empat puluh tujuh");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Simpan jumlah TPS" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Isi angka bulat dari 0 sampai 100000.");

        await tps.FillAsync((before + 2).ToString(CultureInfo.InvariantCulture));
        await panel.GetByRole(AriaRole.Button, new() { Name = "Simpan jumlah TPS" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Listitem).First).ToContainTextAsync($"Jumlah TPS: {before} → {before + 2}");
        await Expect(panel.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("penghubung.kpu");

        // Tenggarong's KPPS item counts one per TPS: the regency's sum of its targets moves by two, done stays.
        await Expect(kpps).ToContainTextAsync($"{done}/{target + 2} TPS", new() { Timeout = 10_000 });
        // And the change is Tenggarong's, said under the regency's figures too.
        await Expect(leader.GetByRole(AriaRole.Region, new() { Name = "Angka wilayah" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = $"Jumlah TPS: {before} → {before + 2}" }).First).ToContainTextAsync("Tenggarong");
    }

    private static (int Done, int Target) Parse(string text)
    {
        var m = Sum().Match(text);
        return (int.Parse(m.Groups["done"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["target"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"(?<done>\d+)/(?<target>\d+) TPS")]
    private static partial Regex Sum();
}
