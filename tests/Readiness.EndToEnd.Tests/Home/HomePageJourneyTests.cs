using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Home;

[Collection(HomeApp.Name)]
public sealed class HomePageJourneyTests(AppFixture fixture)
{
    [Fact]
    public async Task Home_page_lists_the_demo_regions_and_sorting_works_over_the_circuit()
    {
        var page = await fixture.SignedInPageAsync("pimpinan");
        await page.GotoAsync("/");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kesiapan wilayah" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kabupaten Kutai Kartanegara" })).ToBeVisibleAsync();
        await Expect(page.Locator(".region-card")).ToHaveCountAsync(4);
        await Expect(page.GetByText("Mode demo")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("home.png"), FullPage = true });

        // The buttons are enabled only once the circuit is up; the click is handled on the server.
        await page.GetByRole(AriaRole.Button, new() { Name = "Kesiapan terendah" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kesiapan terendah" })).ToHaveAttributeAsync("aria-pressed", "true");
        var shares = await ReadySharesAsync(page);
        Assert.Equal(shares.Order().ToList(), shares);

        await page.GetByRole(AriaRole.Button, new() { Name = "Nama" }).ClickAsync();
        await Expect(page.Locator(".region-card h2").First).ToHaveTextAsync("Kabupaten Bantul");
    }

    [Fact]
    public async Task Language_switch_shows_english_and_back_to_indonesian()
    {
        var page = await fixture.SignedInPageAsync("pemantau");
        await page.GotoAsync("/");
        // A link followed while the circuit starts can be undone by the circuit's first render (a known fault, open);
        // this journey is about the language, so it follows the link once the page is interactive.
        await AppFixture.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Regional readiness" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kesiapan wilayah" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Phone_width_shows_the_regions_without_sideways_scrolling()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: 390, height: 844);
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kota Mataram" })).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px phone screen");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("home-390.png"), FullPage = true });
    }

    [Fact]
    public async Task Health_endpoint_answers_200_when_the_database_is_migrated()
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseUri };

        var response = await http.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_address_shows_the_not_found_page_in_indonesian()
    {
        var page = await fixture.SignedInPageAsync("pemantau");

        var response = await page.GotoAsync("/tidak-ada-halaman-ini");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Halaman tidak ditemukan" })).ToBeVisibleAsync();
    }

    private static async Task<List<double>> ReadySharesAsync(IPage page)
    {
        var texts = await page.Locator(".region-card .region-overall .share").AllInnerTextsAsync();
        return texts.Select(t => double.Parse(t.Replace("%", "").Trim(), CultureInfo.InvariantCulture)).ToList();
    }
}
