using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Templates;

[Collection(TemplatesApp.Name)]
public sealed partial class ProvinceTemplatesJourneyTests(AppFixture fixture)
{
    [Fact]
    public async Task Admin_applies_the_governor_election_templates_to_bengkulu_and_its_page_lists_them_beside_its_regencies()
    {
        var page = await fixture.SignedInPageAsync("admin");
        await page.GotoAsync("/admin/templat");
        await AppFixture.WaitForInteractiveAsync(page);

        // A kecamatan is refused, in words a person can act on.
        await page.GetByLabel("Kode provinsi atau kabupaten/kota").FillAsync("64.02.01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terapkan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("64.02.01 bukan kode provinsi atau kabupaten/kota. Contoh: 64 atau 64.02.");

        // Bengkulu: the demo holds no governor's election there (it does in NTB and Kalimantan Timur).
        await page.GetByLabel("Kode provinsi atau kabupaten/kota").FillAsync("17");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terapkan" }).ClickAsync();
        var status = page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = Added() });
        await Expect(status).ToBeVisibleAsync();
        var added = int.Parse(Added().Match(await status.InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(added > 10, $"only {added} province items");

        await page.GotoAsync("/wilayah/17");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bengkulu", Level = 1 })).ToBeVisibleAsync();
        var own = page.GetByRole(AriaRole.Region, new() { Name = $"Butir provinsi sendiri untuk pemilihan gubernur ({added})" });
        await Expect(own).ToBeVisibleAsync();
        await Expect(own.GetByRole(AriaRole.Link, new() { Name = "Rencana operasi Mantap Praja tingkat Polda diterbitkan" })).ToBeVisibleAsync();
        await Expect(own.Locator("tr[data-item]")).ToHaveCountAsync(added);
        await Expect(page.Locator("[data-child]").GetByRole(AriaRole.Link, new() { Name = "Kota Bengkulu", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("province-17.png"), FullPage = true });
    }

    [Fact]
    public async Task The_demo_governor_of_ntb_opens_the_province_and_finds_its_own_pilgub_items_worked_on()
    {
        var page = await fixture.SignedInPageAsync("pimpinan.ntb");
        await page.GotoAsync("/wilayah/52");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nusa Tenggara Barat", Level = 1 })).ToBeVisibleAsync();
        var own = page.GetByRole(AriaRole.Region, new() { NameRegex = OwnItems() });
        await Expect(own).ToBeVisibleAsync();
        await Expect(own.GetByRole(AriaRole.Link, new() { Name = "Pasangan calon gubernur ditetapkan dalam rapat pleno KPU Provinsi" })).ToBeVisibleAsync();
        // The demo's voting week: the province's items are not all untouched.
        await Expect(own.GetByText("Siap").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-child]").GetByRole(AriaRole.Link, new() { Name = "Kota Mataram", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("province-52-demo.png"), FullPage = true });
    }

    [GeneratedRegex(@"(\d+) butir ditambahkan untuk Bengkulu\.")]
    private static partial Regex Added();

    [GeneratedRegex(@"^Butir provinsi sendiri untuk pemilihan gubernur \(\d+\)$")]
    private static partial Regex OwnItems();
}
