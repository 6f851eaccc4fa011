using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Notifications;

/// <summary>
/// An admin makes a Kendala escalate at once; a KPU liaison blocks an item in Kutai Kartanegara on a phone; the rules
/// run (every two seconds here) and both the liaison's card and the regency's wall say "Dieskalasi" without a
/// reload, until the liaison sets the item Siap.
/// </summary>
public sealed class EscalationMarkJourneyTests : IAsyncLifetime
{
    private readonly AppFixture _fixture = new() { ExtraSettings = { ["Readiness__Notifications__EvaluateInterval"] = "00:00:02" } };

    [Fact]
    public async Task An_escalated_item_is_marked_on_the_liaisons_card_and_on_the_wall_until_it_changes()
    {
        var wall = await OpenWallAsync();
        await EscalateKendalaAtOnceAsync();

        var liaison = await _fixture.SignedInPageAsync("penghubung.kpu", width: 390, height: 844);
        await liaison.GotoAsync("/tugas?semua=1&status=belum&wilayah=64.02");
        await Expect(liaison.GetByRole(AriaRole.Button, new() { Name = "Tambah butir instansi saya" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        // The demo's critical items past due escalated when the app started, and are marked already: one that is not.
        var card = liaison.Locator("[data-item]").Filter(new() { HasNot = liaison.Locator(".escalated-marker") }).First;
        var id = await card.GetAttributeAsync("data-item");
        card = liaison.Locator($"[data-item='{id}']");
        var title = (await liaison.Locator($"#item-{id}-title").InnerTextAsync()).Trim();
        await Expect(card.GetByText("Dieskalasi", new() { Exact = true })).ToHaveCountAsync(0);

        await card.GetByRole(AriaRole.Button, new() { Name = "Kendala" }).ClickAsync();
        await card.GetByRole(AriaRole.Textbox).FillAsync("Kotak suara rusak terendam banjir, menunggu pengganti");
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai Kendala" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Kendala.");

        await Expect(card.GetByText("Dieskalasi", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var ticker = wall.GetByRole(AriaRole.Region, new() { Name = "Perubahan terbaru", Exact = true }).GetByRole(AriaRole.Listitem);
        var entry = ticker.Filter(new() { HasText = title }).First;
        await Expect(entry.GetByText("Dieskalasi", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The tile says how many of KPU's items are escalated when more than one is ("3 dieskalasi").
        await Expect(wall.GetByRole(AriaRole.Region, new() { Name = "KPU", Exact = true })
            .GetByText(new System.Text.RegularExpressions.Regex(@"^(Dieskalasi|\d+ dieskalasi)$"))).ToBeVisibleAsync();
        await liaison.ScreenshotAsync(new() { Path = Browser.ArtifactPath("escalated-card-390.png") });
        await wall.ScreenshotAsync(new() { Path = Browser.ArtifactPath("escalated-wall.png") });

        await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Siap.");

        await Expect(card.GetByText("Dieskalasi", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(ticker.First).ToContainTextAsync(title, new() { Timeout = 30_000 });
        await Expect(ticker.Filter(new() { HasText = title }).GetByText("Dieskalasi", new() { Exact = true })).ToHaveCountAsync(0);
    }

    /// <summary>The admin sets the Kendala rule to escalate after 0 hours, on the notification settings page.</summary>
    private async Task EscalateKendalaAtOnceAsync()
    {
        var admin = await _fixture.SignedInPageAsync("admin");
        await admin.GotoAsync("/admin/notifikasi");
        var rule = admin.Locator("[data-rule='kendala-24-jam']");
        await Expect(rule.GetByRole(AriaRole.Button, new() { Name = "Simpan" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await rule.GetByLabel("Setelah berapa jam tanpa perubahan").FillAsync("0");
        await rule.GetByLabel("Setelah berapa jam tanpa perubahan").PressAsync("Tab");
        await rule.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "disimpan" })).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
    }

    /// <summary>Kutai Kartanegara's wall through a screen token, as the operations room opens it, once its circuit is live.</summary>
    private async Task<IPage> OpenWallAsync()
    {
        var url = await _fixture.CreateScreenTokenAsync("Ruang operasi Kukar", "64.02");
        var context = await _fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        var wall = await context.NewPageAsync();
        await wall.GotoAsync(url);
        await Expect(wall.GetByRole(AriaRole.Heading, new() { Name = "Kabupaten Kutai Kartanegara", Level = 1 })).ToBeVisibleAsync();
        var first = await wall.Locator("[data-wall-heartbeat]").GetAttributeAsync("data-wall-heartbeat");
        await wall.WaitForFunctionAsync(
            "first => document.querySelector('[data-wall-heartbeat]')?.getAttribute('data-wall-heartbeat') !== first", first,
            new() { Timeout = 60_000 });
        return wall;
    }

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();
}
