using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Regions;

/// <summary>
/// A server whose own locale is English (LC_ALL=en_US.UTF-8, as on most servers) must not turn an Indonesian page
/// English when a live update re-renders it: the words and the time format stay the user's.
/// </summary>
public sealed class CultureJourneyTests : IAsyncLifetime
{
    private readonly AppProcess _app = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(AppFixture.Settings)
        {
            ["LC_ALL"] = "en_US.UTF-8",
            ["LANG"] = "en_US.UTF-8",
        };
        await _app.StartAsync(settings);
        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    [Fact]
    public async Task A_live_update_from_a_server_in_en_US_keeps_the_region_page_in_indonesian()
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = _app.BaseUri.ToString() });
        var leader = await context.NewPageAsync();
        await AppFixture.SignInAsync(leader, "pimpinan", AppFixture.DemoPassword);
        await leader.GotoAsync("/wilayah/64.02");
        var changes = leader.GetByRole(AriaRole.Region, new() { Name = "Perubahan terbaru" }).GetByRole(AriaRole.Listitem);
        await Expect(changes.First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Name = "Kesiapan per instansi" })).ToBeVisibleAsync();
        // The page's circuit is up (the layout says so once it renders interactively): no change can be missed.
        await Expect(leader.Locator("main[data-interactive='true']")).ToBeAttachedAsync(new() { Timeout = 60_000 });

        var liaisonContext = await _browser.NewContextAsync(new() { BaseURL = _app.BaseUri.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var liaison = await liaisonContext.NewPageAsync();
        await AppFixture.SignInAsync(liaison, "penghubung.kpu", AppFixture.DemoPassword);
        var title = await Wall.WallJourneyTests.MarkFirstKukarItemReadyAsync(liaison);

        // The liaison's change, wherever it lands among the latest (another change may come at the same moment).
        var latest = changes.Filter(new() { HasText = title }).Filter(new() { HasText = "Siap" }).First;
        await Expect(latest).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Name = "Kesiapan per instansi" })).ToBeVisibleAsync();
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Name = "Tanda bahaya" })).ToBeVisibleAsync();
        await Expect(leader.GetByText("Readiness by agency")).ToHaveCountAsync(0);
        await Expect(leader.GetByText("Red flags")).ToHaveCountAsync(0);
        // Indonesian times: "30 Nov 2026 11.24 WITA", never "11:24".
        Assert.Matches(new Regex(@"\d{1,2} \w{3} \d{4} \d{2}\.\d{2} WITA"), await latest.Locator("time").InnerTextAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}
