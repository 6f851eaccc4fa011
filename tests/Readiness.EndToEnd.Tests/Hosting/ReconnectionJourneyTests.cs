using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Hosting;

/// <summary>With the Blazor script served here, the page must tell the user and recover by itself after a restart.</summary>
public sealed class ReconnectionJourneyTests : IAsyncLifetime
{
    private readonly AppProcess _app = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync(AppFixture.Settings);
        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    [Fact]
    public async Task Server_restart_shows_the_reconnect_notice_then_the_page_recovers_on_its_own()
    {
        var page = await _browser.NewPageAsync(new() { BaseURL = _app.BaseUri.ToString() });
        await AppFixture.SignInAsync(page, "pimpinan", AppFixture.DemoPassword);
        await page.GotoAsync("/");
        var sortLowest = page.GetByRole(AriaRole.Button, new() { Name = "Kesiapan terendah" });
        await Expect(sortLowest).ToBeEnabledAsync();
        var modal = page.Locator("#components-reconnect-modal");

        await _app.StopAsync();

        await Expect(modal).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(modal).ToContainTextAsync("Koneksi ke server terputus");

        await _app.StartAsync(AppFixture.Settings);

        // The new server does not know the old circuit: the page reloads itself and is interactive again.
        await Expect(modal).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Expect(sortLowest).ToBeEnabledAsync(new() { Timeout = 60_000 });
        await sortLowest.ClickAsync();
        await Expect(sortLowest).ToHaveAttributeAsync("aria-pressed", "true");
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
