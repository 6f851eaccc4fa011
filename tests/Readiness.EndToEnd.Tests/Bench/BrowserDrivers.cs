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
    /// reads per change on that server beyond its regular polls (the pump reads once per nudge, whatever is open), and
    /// the server's share of each change, by its own clock: from the save to every screen on it having rendered the
    /// change (<c>deliveredSeconds</c> of <c>/api/diagnostik/feed</c>), read once every watching page has seen it.
    /// </summary>
    public static async Task<((Percentiles Echo, Percentiles Watchers) Latency, double? QueriesPerChange, Percentiles? Delivered)> MeasureLatencyWithQueriesAsync(
        IBrowser browser, AppProcess liaisonHost, AppProcess watcherHost, int watchers, int changes, IPage? admin)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = watcherHost.BaseUri.ToString() });
        // A shared machine can be slow to serve 50 pages at once: the drivers measure, they do not time out.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var pages = new List<IPage>();
        for (var i = 0; i < watchers; i++)
        {
            var page = await context.NewPageAsync();
            if (i == 0)
            {
                await AppFixture.SignInAsync(page, "pimpinan", AppFixture.DemoPassword);
            }

            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kesiapan terendah" })).ToBeEnabledAsync(new() { Timeout = 120_000 });
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
        liaisonContext.SetDefaultTimeout(120_000);
        liaisonContext.SetDefaultNavigationTimeout(120_000);
        var liaison = await liaisonContext.NewPageAsync();
        await AppFixture.SignInAsync(liaison, "penghubung.kpu", AppFixture.DemoPassword);
        await liaison.GotoAsync("/tugas?status=belum");
        await Expect(liaison.Locator("[data-item] .status-button").First).ToBeEnabledAsync(new() { Timeout = 120_000 });

        // Every click on the liaison's page is stamped with the browser's clock as it reaches the page (capture phase,
        // before the app's own handlers).
        await liaison.EvaluateAsync("() => window.addEventListener('click', () => window.__clicked = Date.now(), true)");
        var echo = new List<double>();
        var seen = new List<double>();
        var delivered = new List<double>();
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
            await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();
            await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Siap.", new() { Timeout = 120_000 });
            // The click as the page met it, not when the driver began to look for the button (Playwright's checks that
            // it is visible, stable and not covered take tens of milliseconds on a page of hundreds of cards).
            var clicked = await liaison.EvaluateAsync<double>("() => window.__clicked");
            echo.Add(await liaison.EvaluateAsync<double>("() => window.__saved") - clicked);
            for (var p = 0; p < pages.Count; p++)
            {
                await pages[p].WaitForFunctionAsync($"() => window.__changes.length > {before[p]}", null, new() { Timeout = 120_000 });
                seen.Add(await pages[p].EvaluateAsync<double>($"() => window.__changes[{before[p]}]") - clicked);
            }

            if (admin is not null)
            {
                // Every page has the change; the server says so once its last subscriber is done (this change's batch or a later one).
                var counters = await FeedCountersAsync(admin);
                while (counters.DeliveredSeq < counters.LastSeq)
                {
                    await Task.Delay(20);
                    counters = await FeedCountersAsync(admin);
                }

                delivered.Add(counters.DeliveredSeconds!.Value * 1000);
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
        return ((Percentiles.Of(echo), Percentiles.Of(seen)), queriesPerChange, admin is null ? null : Percentiles.Of(delivered));
    }

    private static async Task<(long Queries, long Polls, long LastSeq, double? DeliveredSeconds, long DeliveredSeq)> FeedCountersAsync(IPage admin)
    {
        var json = JsonDocument.Parse(await (await admin.APIRequest.GetAsync("/api/diagnostik/feed")).TextAsync()).RootElement;
        return (json.GetProperty("queries").GetInt64(), json.GetProperty("polls").GetInt64(), json.GetProperty("lastSeq").GetInt64(),
            json.GetProperty("deliveredSeconds") is { ValueKind: JsonValueKind.Number } delivered ? delivered.GetDouble() : null,
            json.GetProperty("deliveredSeq").GetInt64());
    }

    /// <summary>
    /// Managed memory per idle wall circuit: after a full collection, with no wall open and with N open. The walls are
    /// opened one after another in small windows: each repaints its clock every second, and a hundred full-size
    /// windows painting in software keep a small machine too busy to open the next; the server's side of a circuit
    /// does not depend on the window's size.
    /// </summary>
    public static async Task<(long Before, long After, int Circuits, double PerCircuitBytes)> MeasureWallMemoryAsync(
        IBrowser browser, AppFixture fixture, int screens)
    {
        var admin = await fixture.SignedInPageAsync("admin");
        var url = await fixture.CreateScreenTokenAsync("Ukur memori", "64.02");
        await admin.GotoAsync("/masuk"); // a page without a circuit, so the admin's own circuit is not counted twice
        var baseline = await MemoryAsync(admin);
        for (var tries = 0; baseline.Circuits > 0 && tries < 60; tries++)
        {
            // The circuit of the page just left ends a moment later; the baseline is taken without it.
            await Task.Delay(500);
            baseline = await MemoryAsync(admin);
        }

        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 480, Height = 270 } });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var walls = new List<IPage>();
        for (var i = 0; i < screens; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(walls.Count == 0 ? url : walls[0].Url);
            await Expect(page.Locator("[data-staleness]")).ToBeVisibleAsync(new() { Timeout = 120_000 });
            walls.Add(page);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // let each circuit finish its first ticks: idle is what is measured
        var loaded = await MemoryAsync(admin);
        for (var tries = 0; loaded.Circuits - baseline.Circuits != screens && tries < 60; tries++)
        {
            // A wall that found the server silent for a moment reloads itself, and its circuit is new for a second.
            await Task.Delay(1000);
            loaded = await MemoryAsync(admin);
        }

        await context.CloseAsync();
        var perCircuit = (double)(loaded.Bytes - baseline.Bytes) / Math.Max(1, loaded.Circuits - baseline.Circuits);
        return (baseline.Bytes, loaded.Bytes, loaded.Circuits - baseline.Circuits, perCircuit);
    }

    /// <summary>
    /// Bytes a browser with an empty cache transfers to open <paramref name="path"/> signed in as
    /// <paramref name="userName"/>, until the page is interactive and settles: every HTTP response as Chromium counts
    /// it (headers and compressed body), the circuit's WebSocket messages as Chromium shows them (inflated, binary
    /// messages as base64, as the figures before 2026-11-30 were taken), and everything the app sent over the wire,
    /// counted by a loopback relay (<see cref="CountingProxy"/>), where WebSocket messages are still deflated.
    /// </summary>
    public static async Task<(long HttpBytes, long SocketBytes, long WireBytes, int Requests)> MeasurePageWeightAsync(
        IBrowser browser, AppProcess app, string userName, string path)
    {
        await using var proxy = new CountingProxy(app.Port);
        var signIn = await browser.NewContextAsync(new() { BaseURL = proxy.BaseUri.ToString() });
        signIn.SetDefaultTimeout(120_000);
        signIn.SetDefaultNavigationTimeout(120_000);
        var signInPage = await signIn.NewPageAsync();
        await AppFixture.SignInAsync(signInPage, userName, AppFixture.DemoPassword);
        var state = await signIn.StorageStateAsync();
        await signIn.CloseAsync();

        // A fresh context holds the cookie only: nothing cached, as on a first visit.
        var context = await browser.NewContextAsync(new() { BaseURL = proxy.BaseUri.ToString(), StorageState = state });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        long http = 0, socket = 0;
        var requests = 0;
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            Interlocked.Add(ref http, (long)e!.Value.GetProperty("encodedDataLength").GetDouble());
            Interlocked.Increment(ref requests);
        };
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
            Interlocked.Add(ref socket, e!.Value.GetProperty("response").GetProperty("payloadData").GetString()!.Length);
        cdp.Event("Network.webSocketFrameSent").OnEvent += (_, e) =>
            Interlocked.Add(ref socket, e!.Value.GetProperty("response").GetProperty("payloadData").GetString()!.Length);
        await cdp.SendAsync("Network.enable");
        proxy.Reset();
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined", null, new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the circuit's first render batches arrive after network idle
        var wire = proxy.BytesFromServer;
        await context.CloseAsync();
        return (Interlocked.Read(ref http), Interlocked.Read(ref socket), wire, requests);
    }

    private static async Task<(long Bytes, int Circuits)> MemoryAsync(IPage admin)
    {
        var response = await admin.APIRequest.GetAsync("/api/diagnostik/memori");
        var json = JsonDocument.Parse(await response.TextAsync()).RootElement;
        return (json.GetProperty("managedBytes").GetInt64(), json.GetProperty("circuits").GetInt32());
    }
}
