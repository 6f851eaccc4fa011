using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Regions;

/// <summary>The map of Kutai Kartanegara's 20 kecamatan: drawn, clickable, live, and on the printed brief.</summary>
[Collection(RegionsApp.Name)]
public sealed partial class RegionMapJourneyTests(AppFixture fixture)
{
    [Fact]
    public async Task The_map_of_kutai_kartanegara_shows_its_20_kecamatan_and_a_click_opens_tenggarong()
    {
        var page = await fixture.SignedInPageAsync("pimpinan", width: 1440, height: 900);
        await page.GotoAsync("/wilayah/64.02");
        var map = page.GetByRole(AriaRole.Group, new() { Name = "Peta kecamatan" });

        await Expect(map.Locator("a.region-map-region")).ToHaveCountAsync(20);
        var tenggarong = map.GetByRole(AriaRole.Link, new() { NameRegex = TenggarongName() });
        await Expect(tenggarong).ToHaveAttributeAsync("href", "/wilayah/64.02.06");
        await Expect(SwitchButton(page, "Kendala")).ToBeEnabledAsync(); // the circuit is up
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("map-64.02-1440.png"), FullPage = true });

        await ClickInsideAsync(page, tenggarong);

        await Expect(page).ToHaveURLAsync(new Regex("/wilayah/64\\.02\\.06$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tenggarong", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_liaisons_change_to_a_tenggarong_item_recolours_and_renames_its_shape_without_a_reload()
    {
        var leader = await fixture.SignedInPageAsync("pimpinan", width: 390, height: 844);
        await leader.GotoAsync("/wilayah/64.02");
        await Expect(SwitchButton(leader, "Kendala")).ToBeEnabledAsync();
        var shape = leader.Locator("svg.region-map-svg a[data-region='64.02.06']");
        var before = (await shape.GetAttributeAsync("aria-label"))!;
        await leader.ScreenshotAsync(new() { Path = Browser.ArtifactPath("map-64.02-390.png"), FullPage = true });
        await leader.EvaluateAsync("() => window.__notReloaded = true");

        var liaison = await fixture.SignedInPageAsync("penghubung.kpu", width: 390, height: 844);
        // Every not-started item of Tenggarong, once the page answers taps.
        await liaison.GotoAsync("/tugas?semua=1&status=belum&wilayah=64.02.06");
        await Expect(liaison.GetByRole(AriaRole.Button, new() { Name = "Tambah butir instansi saya" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var itemId = await liaison.Locator("[data-item]").Filter(new() { HasTextRegex = TenggarongCard() }).First.GetAttributeAsync("data-item");
        var card = liaison.Locator($"[data-item='{itemId}']");
        await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Siap.");

        await Expect(shape).Not.ToHaveAttributeAsync("aria-label", before);
        var after = (await shape.GetAttributeAsync("aria-label"))!;
        Assert.True(SharePercent(after) > SharePercent(before), $"{before} -> {after}");
        Assert.True(await leader.EvaluateAsync<bool>("() => window.__notReloaded === true"));
    }

    [Fact]
    public async Task The_brief_carries_the_map_at_the_top_and_stays_one_page()
    {
        var page = await fixture.SignedInPageAsync("pimpinan");
        await page.GotoAsync("/wilayah/64.02/ringkasan");
        await Expect(page.Locator(".brief-map svg.region-map-svg g.region-map-region")).ToHaveCountAsync(20);

        var pdf = Browser.ArtifactPath("ringkasan-peta-64.02.pdf");
        await page.PdfAsync(new() { Path = pdf, Format = "A4", PrintBackground = true });

        var text = await PdfTextAsync(pdf);
        Assert.Contains("Peta kecamatan", text);
        Assert.Contains("Risiko tinggi", text); // the legend
        Assert.Contains("Muara Badak", text); // a label drawn on the map
        Assert.Equal(1, text.Count(c => c == '\f')); // pdftotext ends each page with a form feed
    }

    /// <summary>Clicks a point inside the region (its label point, where a marker may sit), as a person would.</summary>
    private static async Task ClickInsideAsync(IPage page, ILocator link)
    {
        await link.ScrollIntoViewIfNeededAsync();
        var point = await link.EvaluateAsync<double[]>("""
            a => {
                const svg = a.ownerSVGElement;
                // A label is the name with the figure on a line below it; one that would overlap another is left out.
                const label = [...svg.querySelectorAll('.region-map-labels text')].find(t => t.firstChild && t.firstChild.textContent === 'Tenggarong');
                const marker = a.querySelector('.region-map-marker');
                const p = svg.createSVGPoint();
                if (marker) {
                    p.x = marker.transform.baseVal[0].matrix.e;
                    p.y = marker.transform.baseVal[0].matrix.f;
                } else if (label) {
                    p.x = label.x.baseVal[0].value;
                    p.y = label.y.baseVal[0].value - 8;
                } else {
                    const box = a.querySelector('path').getBBox();
                    p.x = box.x + box.width / 2;
                    p.y = box.y + box.height / 2;
                }
                const s = p.matrixTransform(svg.getScreenCTM());
                return [s.x, s.y];
            }
            """);
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
    }

    private static ILocator SwitchButton(IPage page, string name) =>
        page.GetByRole(AriaRole.Group, new() { Name = "Warnai menurut" }).GetByRole(AriaRole.Button, new() { Name = name });

    private static int SharePercent(string name) => int.Parse(SharePattern().Match(name).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> PdfTextAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", path, "-"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("pdftotext (poppler-utils) is missing: ./test.sh installs it.");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }

    [GeneratedRegex(@"^Tenggarong: \d+% siap, \d+ kendala, \d+ terlambat")]
    private static partial Regex TenggarongName();

    [GeneratedRegex(@"\bTenggarong\s+·")]
    private static partial Regex TenggarongCard();

    [GeneratedRegex(@": (\d+)% siap")]
    private static partial Regex SharePattern();
}
