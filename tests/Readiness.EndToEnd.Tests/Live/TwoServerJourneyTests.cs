using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Live;

/// <summary>Two app processes on two ports over one SQLite file: how the app scales out, with no bus of its own.</summary>
public sealed class TwoServerJourneyTests : IAsyncLifetime
{
    private readonly AppProcess _first = new();
    private AppProcess _second = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [Fact]
    public async Task A_change_on_server_a_appears_on_a_page_of_server_b()
    {
        var watcher = await NewPageAsync(_second);
        await AppFixture.SignInAsync(watcher, "pimpinan", AppFixture.DemoPassword);
        await Expect(watcher.GetByRole(AriaRole.Button, new() { Name = "Kesiapan terendah" })).ToBeEnabledAsync();
        var count = LiveUpdateJourneyTests.ReadyCount(watcher, "Kabupaten Kutai Kartanegara");
        var before = int.Parse((await count.InnerTextAsync()).Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);

        var liaison = await NewPageAsync(_first);
        await AppFixture.SignInAsync(liaison, "penghubung.kpu", AppFixture.DemoPassword);
        await LiveUpdateJourneyTests.MarkFirstKukarItemReadyAsync(liaison);

        await Expect(count).ToHaveTextAsync((before + 1).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID")));
    }

    private async Task<IPage> NewPageAsync(AppProcess app)
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = app.BaseUri.ToString() });
        return await context.NewPageAsync();
    }

    public async Task InitializeAsync()
    {
        await _first.StartAsync(AppFixture.Settings);
        _second = new AppProcess(_first.DataDirectory);
        await _second.StartAsync(AppFixture.Settings);
        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _second.StopAsync();
        await _first.DisposeAsync();
    }
}
