using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Tasks;

/// <summary>A liaison's unsaved note outlives a server restart: the browser keeps it and the card offers it back.</summary>
public sealed class DraftJourneyTests : IAsyncLifetime
{
    private readonly AppProcess _app = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync(AppFixture.Settings);
        (_playwright, _browser) = await Hosting.Browser.LaunchAsync();
    }

    [Fact]
    public async Task An_unsaved_kendala_note_is_offered_back_after_a_server_restart_and_then_saved()
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = _app.BaseUri.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await AppFixture.SignInAsync(page, "penghubung.kpu", AppFixture.DemoPassword);
        await page.GotoAsync("/tugas?semua=1&status=proses");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tambah butir instansi saya" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var itemId = await page.GetByRole(AriaRole.Article).First.GetAttributeAsync("data-item");
        var card = page.Locator($"[data-item='{itemId}']");
        var note = string.Concat(Enumerable.Repeat("Gudang PPK bocor saat hujan; kotak suara dipindah ke aula kecamatan. ", 4)).Trim();
        Assert.True(note.Length > 250);

        await card.GetByRole(AriaRole.Button, new() { Name = "Kendala" }).ClickAsync();
        // At a quick thumb's pace (30 ms a key), as a liaison types on a phone.
        await card.GetByRole(AriaRole.Textbox).PressSequentiallyAsync(note, new() { Delay = 30 });
        await _app.StopAsync();
        await Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await _app.StartAsync(AppFixture.Settings);

        // The new server does not know the old circuit: the page reloads itself, and the card offers the note back.
        var offer = card.GetByRole(AriaRole.Status).Filter(new() { HasText = "belum tersimpan" });
        await Expect(offer).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(offer).ToContainTextAsync(note);
        await offer.GetByRole(AriaRole.Button, new() { Name = "Lanjutkan catatan ini" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Textbox)).ToHaveValueAsync(note);
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai Kendala" }).ClickAsync();

        await Expect(card.GetByRole(AriaRole.Status).Filter(new() { HasText = "Tersimpan" })).ToHaveTextAsync("Tersimpan: Kendala.");
        // Saved, so nothing is kept any more: the next visit offers nothing.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('readiness:draft:')).length"));
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
