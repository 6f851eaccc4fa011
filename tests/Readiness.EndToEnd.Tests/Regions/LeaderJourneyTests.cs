using System.Diagnostics;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Regions;

[Collection(RegionsApp.Name)]
public sealed class LeaderJourneyTests(AppFixture fixture)
{
    [Fact]
    public async Task Leader_opens_kutai_kartanegara_sees_its_red_flags_drills_into_a_kecamatan_and_switches_language()
    {
        var page = await fixture.SignedInPageAsync("pimpinan");
        // Once the circuit is up (the sort buttons are enabled) a click is not lost in the hand-over from prerendering.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kesiapan terendah" })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Kabupaten Kutai Kartanegara" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kabupaten Kutai Kartanegara", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tanda bahaya" })).ToBeVisibleAsync();
        var firstFlag = page.Locator("[data-flag]").First;
        await Expect(firstFlag).ToBeVisibleAsync();
        await Expect(firstFlag).ToContainTextAsync("risiko tinggi"); // Kukar is the demo's high-risk regency: its flags lead
        await Expect(page.Locator("[data-risk='tinggi']").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Tahapan pemilihan" })).ToBeVisibleAsync();
        // The totals are the filters: one tap lists only the Kendala, another lists every kind again.
        var counts = page.GetByRole(AriaRole.Group, new() { Name = "Saring tanda bahaya menurut jenis" });
        var overdue = counts.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^\d+ terlambat$") });
        await overdue.ClickAsync();
        await Expect(overdue).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("[data-flag][data-kind='Overdue']").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-flag][data-kind='Blocked'], [data-flag][data-kind='DueSoon']")).ToHaveCountAsync(0);
        await overdue.ClickAsync();
        await Expect(overdue).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(page.Locator("[data-flag]").First).ToHaveAttributeAsync("data-kind", "Blocked"); // every kind again, Kendala first
        // One coloured chip a flag: its kind. Criticality and the regency's risk are words.
        await Expect(firstFlag.Locator(".mud-chip")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("region-64.02.png"), FullPage = true });

        await page.Locator("[data-child]").GetByRole(AriaRole.Link, new() { Name = "Tenggarong", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/wilayah/64\\.02\\.\\d{2}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tenggarong", Level = 1 })).ToBeVisibleAsync();
        const string kecamatan = "Tenggarong";
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Jenjang wilayah" })).ToContainTextAsync("Kabupaten Kutai Kartanegara");
        await Expect(page.GetByText("Kecamatan").First).ToBeVisibleAsync();
        // Nothing lies under a kecamatan: its page lists its own items, each opening its page.
        var items = page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Butir di kecamatan ini \(\d+\)$") });
        await Expect(items).ToBeVisibleAsync();
        await Expect(page.GetByText("Tidak ada wilayah di bawahnya")).ToHaveCountAsync(0);
        var boxes = items.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kotak suara, surat suara dan formulir C tiba di seluruh TPS" });
        await Expect(boxes).ToHaveCountAsync(1);
        await Expect(boxes).ToContainTextAsync("KPU");
        await Expect(boxes.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/butir/\d+$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Red flags" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = kecamatan, Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tanda bahaya" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Visit_brief_saved_as_pdf_holds_the_region_and_its_red_flags_on_one_page()
    {
        var page = await fixture.SignedInPageAsync("pimpinan");
        await page.GotoAsync("/wilayah/64.02/ringkasan");
        var flagTitle = (await page.Locator("[data-flag] strong").Nth(1).InnerTextAsync()).Trim();
        // The worst distinct items: one checklist item flagged in several kecamatan is one line.
        var titles = new List<string>();
        foreach (var flag in await page.Locator("[data-flag]").AllAsync())
        {
            titles.Add((await flag.Locator(".compact-line").First.Locator("strong").Last.InnerTextAsync()).Trim());
        }

        Assert.True(titles.Count >= 2, $"{titles.Count} flags on the brief");
        Assert.Equal(titles.Distinct().Count(), titles.Count);

        var pdf = Browser.ArtifactPath("ringkasan-64.02.pdf");
        await page.PdfAsync(new() { Path = pdf, Format = "A4", PrintBackground = true });

        var text = await PdfTextAsync(pdf);
        Assert.Contains("Kabupaten Kutai Kartanegara", text);
        Assert.Contains("Tanda bahaya", text);
        Assert.Contains(Collapse(flagTitle), Collapse(text));
        Assert.Contains("WITA", text);
        Assert.Equal(1, text.Count(c => c == '\f')); // pdftotext ends each page with a form feed
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

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
}
