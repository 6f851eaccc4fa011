using System.Text.Json;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Bench;

public sealed record Percentiles(int Samples, double P50, double P95, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new(sorted.Length, At(0.5), At(0.95), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    public override string ToString() => $"n={Samples} p50={P50:0} ms p95={P95:0} ms max={Max:0} ms";
}

/// <summary>
/// Latency and memory drivers in Chromium: a liaison's change timed from the click to its own "saved" and to the
/// moment each watching page's numbers change (both clocks are the browser's), and the server's managed memory with
/// wall screens open. Run small in the tests; bench/run.sh runs them at full size.
/// </summary>
public static class BrowserDrivers
{
    public static async Task<(Percentiles Echo, Percentiles Watchers)> MeasureLatencyAsync(
        IBrowser browser, AppProcess liaisonHost, AppProcess watcherHost, int watchers, int changes) =>
        (await MeasureLatencyWithQueriesAsync(browser, liaisonHost, watcherHost, watchers, changes, admin: null)).Latency;

    /// <summary>
    /// As <see cref="MeasureLatencyAsync"/>; with an admin page of the liaison's server, also the feed's database
    /// reads per change on that server beyond its regular polls (the pump reads once per nudge, whatever is open).
    /// </summary>
    public static async Task<((Percentiles Echo, Percentiles Watchers) Latency, double? QueriesPerChange)> MeasureLatencyWithQueriesAsync(
        IBrowser browser, AppProcess liaisonHost, AppProcess watcherHost, int watchers, int changes, IPage? admin)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = watcherHost.BaseUri.ToString() });
        var pages = new List<IPage>();
        for (var i = 0; i < watchers; i++)
        {
            var page = await context.NewPageAsync();
            if (i == 0)
            {
                await AppFixture.SignInAsync(page, "pimpinan", AppFixture.DemoPassword);
            }

            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kesiapan terendah" })).ToBeEnabledAsync(new() { Timeout = 60_000 });
            // Every change of a ready count anywhere on the page is stamped with the browser's clock.
            await page.EvaluateAsync("""
                () => {
                    window.__changes = [];
                    new MutationObserver(() => window.__changes.push(Date.now()))
                        .observe(document.querySelector("main"), { subtree: true, characterData: true, childList: true });
                }
                """);
            pages.Add(page);
        }

        var liaisonContext = await browser.NewContextAsync(new() { BaseURL = liaisonHost.BaseUri.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var liaison = await liaisonContext.NewPageAsync();
        await AppFixture.SignInAsync(liaison, "penghubung.kpu", AppFixture.DemoPassword);
        await liaison.GotoAsync("/tugas?status=belum");
        await Expect(liaison.Locator("[data-item] .status-button").First).ToBeEnabledAsync();

        var echo = new List<double>();
        var seen = new List<double>();
        var countersBefore = admin is null ? default : await FeedCountersAsync(admin);
        for (var i = 0; i < changes; i++)
        {
            var before = new List<int>();
            foreach (var page in pages)
            {
                before.Add(await page.EvaluateAsync<int>("() => window.__changes.length"));
            }

            var card = liaison.Locator("[data-item]").Nth(i);
            var itemId = await card.GetAttributeAsync("data-item");
            // The moment "saved" appears on the liaison's own card, by the browser's clock.
            await liaison.EvaluateAsync("""
                id => {
                    window.__saved = null;
                    const observer = new MutationObserver(() => {
                        const status = document.querySelector(`[data-item="${id}"] [role=status]`);
                        if (!window.__saved && status && status.textContent.includes("Tersimpan")) {
                            window.__saved = Date.now();
                            observer.disconnect();
                        }
                    });
                    observer.observe(document.querySelector("main"), { subtree: true, characterData: true, childList: true });
                }
                """, itemId);
            var clicked = await liaison.EvaluateAsync<double>("() => Date.now()");
            await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();
            await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Siap.");
            echo.Add(await liaison.EvaluateAsync<double>("() => window.__saved") - clicked);
            for (var p = 0; p < pages.Count; p++)
            {
                await pages[p].WaitForFunctionAsync($"() => window.__changes.length > {before[p]}", null, new() { Timeout = 30_000 });
                seen.Add(await pages[p].EvaluateAsync<double>($"() => window.__changes[{before[p]}]") - clicked);
            }
        }

        double? queriesPerChange = null;
        if (admin is not null)
        {
            var after = await FeedCountersAsync(admin);
            queriesPerChange = (double)(after.Queries - countersBefore.Queries - (after.Polls - countersBefore.Polls)) / changes;
        }

        await context.CloseAsync();
        await liaisonContext.CloseAsync();
        return ((Percentiles.Of(echo), Percentiles.Of(seen)), queriesPerChange);
    }

    private static async Task<(long Queries, long Polls)> FeedCountersAsync(IPage admin)
    {
        var json = JsonDocument.Parse(await (await admin.APIRequest.GetAsync("/api/diagnostik/feed")).TextAsync()).RootElement;
        return (json.GetProperty("queries").GetInt64(), json.GetProperty("polls").GetInt64());
    }

    /// <summary>Managed memory per idle wall circuit: after a full collection, with no wall open and with N open.</summary>
    public static async Task<(long Before, long After, int Circuits, double PerCircuitBytes)> MeasureWallMemoryAsync(
        IBrowser browser, AppFixture fixture, int screens)
    {
        var admin = await fixture.SignedInPageAsync("admin");
        var url = await fixture.CreateScreenTokenAsync("Ukur memori", "64.02");
        await admin.GotoAsync("/masuk"); // a page without a circuit, so the admin's own circuit is not counted twice
        var baseline = await MemoryAsync(admin);

        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var first = await context.NewPageAsync();
        await first.GotoAsync(url);
        var walls = new List<IPage> { first };
        for (var i = 1; i < screens; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(first.Url);
            walls.Add(page);
        }

        foreach (var wall in walls)
        {
            await Expect(wall.Locator("[data-staleness]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // let each circuit finish its first ticks: idle is what is measured
        var loaded = await MemoryAsync(admin);
        await context.CloseAsync();
        var perCircuit = (double)(loaded.Bytes - baseline.Bytes) / Math.Max(1, loaded.Circuits - baseline.Circuits);
        return (baseline.Bytes, loaded.Bytes, loaded.Circuits - baseline.Circuits, perCircuit);
    }

    private static async Task<(long Bytes, int Circuits)> MemoryAsync(IPage admin)
    {
        var response = await admin.APIRequest.GetAsync("/api/diagnostik/memori");
        var json = JsonDocument.Parse(await response.TextAsync()).RootElement;
        return (json.GetProperty("managedBytes").GetInt64(), json.GetProperty("circuits").GetInt32());
    }
}
