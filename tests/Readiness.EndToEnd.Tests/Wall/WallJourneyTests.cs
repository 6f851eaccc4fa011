using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Wall;

/// <summary>The operations-room wall on a 1080p television, opened with a screen token, left alone.</summary>
[Collection(WallApp.Name)]
public sealed class WallJourneyTests(AppFixture fixture)
{

    [Fact]
    public async Task Wall_fills_a_1080p_screen_without_scrollbars_and_shows_a_change_made_elsewhere()
    {
        var wall = await OpenWallAsync("Posko Polres Kukar");
        foreach (var tile in new[] { "Keseluruhan", "Pemda", "KPU", "Bawaslu", "Polri", "TNI" })
        {
            await Expect(wall.GetByRole(AriaRole.Region, new() { Name = tile, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(wall.Locator("[data-kecamatan]")).ToHaveCountAsync(8);
        await Expect(wall.Locator("[data-staleness='fresh']")).ToBeVisibleAsync();
        await Expect(wall.GetByText(new System.Text.RegularExpressions.Regex(@"^\d{2}[.:]\d{2}[.:]\d{2}\s*WITA$"))).ToBeVisibleAsync();
        await wall.ScreenshotAsync(new() { Path = Browser.ArtifactPath("wall-1920x1080.png") });
        var overflow = await wall.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]");
        Assert.True(overflow[0] <= 0 && overflow[1] <= 0, $"the wall scrolls by {overflow[0]} x {overflow[1]} px");

        var liaison = await fixture.SignedInPageAsync("penghubung.kpu", width: 390, height: 844);
        var title = await MarkFirstKukarItemReadyAsync(liaison);

        await Expect(LatestChange(wall)).ToContainTextAsync(title);
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    public async Task Every_ticker_entry_and_kecamatan_row_is_whole_inside_its_panel_and_the_demo_mark_covers_none(int width, int height)
    {
        var wall = await OpenWallAsync($"Posko {width}", width, height);
        var ticker = wall.GetByRole(AriaRole.Region, new() { Name = "Perubahan terbaru", Exact = true });
        var entries = ticker.GetByRole(AriaRole.Listitem);
        await Expect(entries).ToHaveCountAsync(5); // the demo has more than five changes in Kutai Kartanegara
        var rotation = wall.GetByRole(AriaRole.Region, new() { Name = "Kecamatan", Exact = true });
        var rows = rotation.Locator("[data-kecamatan]");
        await Expect(rows).ToHaveCountAsync(8);

        // The panels clip what does not fit: a cut entry is in the page but not whole on the screen.
        foreach (var (panel, items, what) in new[] { (ticker, entries, "ticker entry"), (rotation, rows, "kecamatan row") })
        {
            var box = (await panel.BoundingBoxAsync())!;
            for (var i = 0; i < await items.CountAsync(); i++)
            {
                var item = (await items.Nth(i).BoundingBoxAsync())!;
                Assert.True(item.Y + item.Height <= box.Y + box.Height + 0.5,
                    $"{what} {i + 1} ends at {item.Y + item.Height:0} px, its panel at {box.Y + box.Height:0} px ({width}x{height})");
            }
        }

        // Read from 3 m, the place and agency of each change are whole: its first line is never cut to "Muara …", also
        // when the entry shows the status before and after.
        for (var i = 0; i < await entries.CountAsync(); i++)
        {
            var cut = await entries.Nth(i).EvaluateAsync<int>("li => li.firstElementChild.scrollWidth - li.firstElementChild.clientWidth");
            Assert.True(cut <= 0, $"the place line of ticker entry {i + 1} ('{await entries.Nth(i).InnerTextAsync()}') is cut by {cut} px ({width}x{height})");
        }

        // Beside a narrower table every agency and the Kendala count stay inside the panel.
        var rotationBox = (await rotation.BoundingBoxAsync())!;
        var kendala = (await rotation.GetByRole(AriaRole.Columnheader, new() { Name = "Kendala", Exact = true }).BoundingBoxAsync())!;
        Assert.True(kendala.X + kendala.Width <= rotationBox.X + rotationBox.Width + 0.5,
            $"the Kendala column ends at {kendala.X + kendala.Width:0} px, its panel at {rotationBox.X + rotationBox.Width:0} px ({width}x{height})");

        // The demo mark runs along the top and covers no panel.
        var mark = (await wall.GetByText("Data contoh untuk mencoba aplikasi, bukan data resmi").BoundingBoxAsync())!;
        foreach (var panel in new[] { ticker, rotation })
        {
            var box = (await panel.BoundingBoxAsync())!;
            Assert.True(mark.Y + mark.Height <= box.Y || box.X + box.Width <= mark.X || mark.X + mark.Width <= box.X,
                $"the demo mark ({mark.X:0},{mark.Y:0} {mark.Width:0}x{mark.Height:0}) covers a panel at ({box.X:0},{box.Y:0}) ({width}x{height})");
        }

        await wall.ScreenshotAsync(new() { Path = Browser.ArtifactPath($"wall-{width}x{height}-panels.png") });
    }

    private Task<IPage> OpenWallAsync(string name, int width = 1920, int height = 1080) => OpenWallAsync(fixture, name, width, height);

    /// <summary>Opens the wall of Kutai Kartanegara with a new screen token named <paramref name="name"/>, once it is live.</summary>
    internal static async Task<IPage> OpenWallAsync(AppFixture fixture, string name, int width = 1920, int height = 1080)
    {
        var url = await fixture.CreateScreenTokenAsync(name, "64.02");
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var wall = await context.NewPageAsync();
        await wall.GotoAsync(url);
        await Expect(wall.GetByRole(AriaRole.Heading, new() { Name = "Kabupaten Kutai Kartanegara", Level = 1 })).ToBeVisibleAsync();
        await WaitForHeartbeatAsync(wall);
        return wall;
    }

    /// <summary>The circuit is live once the server changes the heartbeat the prerendered page came with.</summary>
    /// <summary>The newest entry of the ticker.</summary>
    internal static ILocator LatestChange(IPage wall) =>
        wall.GetByRole(AriaRole.Region, new() { Name = "Perubahan terbaru", Exact = true }).GetByRole(AriaRole.Listitem).First;

    internal static async Task WaitForHeartbeatAsync(IPage wall)
    {
        var first = await wall.Locator("[data-wall-heartbeat]").GetAttributeAsync("data-wall-heartbeat");
        await wall.WaitForFunctionAsync(
            "first => document.querySelector('[data-wall-heartbeat]')?.getAttribute('data-wall-heartbeat') !== first", first,
            new() { Timeout = 60_000 });
    }

    /// <summary>Marks the first not-started KPU or Polri item of Kutai Kartanegara Siap; returns its title.</summary>
    internal static async Task<string> MarkFirstKukarItemReadyAsync(IPage liaison)
    {
        // Every not-started item of the regency and its kecamatan, once the page answers taps.
        await liaison.GotoAsync("/tugas?semua=1&status=belum&wilayah=64.02");
        await Expect(liaison.GetByRole(AriaRole.Button, new() { Name = "Tambah butir instansi saya" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var card = liaison.Locator("[data-item]").First;
        var id = await card.GetAttributeAsync("data-item");
        var title = (await liaison.Locator($"#item-{id}-title").InnerTextAsync()).Trim();
        await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Siap.");
        return title;
    }
}
