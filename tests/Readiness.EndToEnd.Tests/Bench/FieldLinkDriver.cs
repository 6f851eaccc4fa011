using System.Diagnostics;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Bench;

/// <summary>What the field-link driver measured, in milliseconds.</summary>
/// <param name="CardsShown">From navigation to the first task card on screen, on the EDGE link.</param>
/// <param name="Accepted">From a tap made as soon as the cards show to the card saying it took it (sent or kept on the phone).</param>
/// <param name="Saved">From that tap to the card saying the server saved it.</param>
/// <param name="Taps">How many taps were made while the link was down.</param>
/// <param name="Drained">From the link's return to every one of those taps saved and the queue empty.</param>
/// <param name="Photos">How many photos were added while the link was down.</param>
public sealed record FieldLinkFigures(Percentiles CardsShown, Percentiles Accepted, Percentiles Saved, int Taps, int Photos, double Drained);

/// <summary>
/// The liaison on a river in Kutai Kartanegara: Chromium at 390x844 on an EDGE-class link (40 KB/s down, 20 KB/s up,
/// 600 ms round trip, through CDP Network.emulateNetworkConditions) taps a status as soon as the cards show, before the
/// page's circuit is up; then, with the link down (Playwright's offline context), taps several cards and times the
/// queue's drain once the link returns. Service workers are blocked, so every page comes over the throttled link.
/// Figures go to bench/RESULTS.md; nothing here asserts a time.
/// </summary>
public static class FieldLinkDriver
{
    /// <summary>EDGE: 40 KB/s down, 20 KB/s up, 600 ms round trip.</summary>
    public const double DownloadBytesPerSecond = 40 * 1024;
    public const double UploadBytesPerSecond = 20 * 1024;
    public const double LatencyMs = 600;

    /// <summary>Runs <paramref name="runs"/> EDGE taps, then one outage of <paramref name="outageTaps"/> taps and <paramref name="outagePhotos"/> photos.</summary>
    public static async Task<FieldLinkFigures> MeasureAsync(IBrowser browser, AppProcess app, int runs, int outageTaps, int outagePhotos)
    {
        // Without the service worker: CDP throttles the page's own requests, not the worker's, so a page the worker
        // fetched would come over an unthrottled link. The figures are the link's, with nothing from the phone's cache
        // but the browser's own (scripts, styles, fonts).
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUri.ToString(),
            ViewportSize = new() { Width = 390, Height = 844 },
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var page = await context.NewPageAsync();
        await AppFixture.SignInAsync(page, "penghubung.polri", AppFixture.DemoPassword);
        // A returning liaison: scripts, styles and fonts are cached; each page itself comes over the link.
        await page.GotoAsync("/tugas");
        await Expect(FirstCard(page)).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var shown = new List<double>();
        var accepted = new List<double>();
        var saved = new List<double>();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        for (var i = 0; i < runs; i++)
        {
            await ThrottleAsync(cdp, edge: true);
            var clock = Stopwatch.StartNew();
            await page.GotoAsync("/tugas?status=belum", new() { WaitUntil = WaitUntilState.Commit, Timeout = 180_000 });
            var card = FirstCard(page);
            await Expect(card).ToBeVisibleAsync(new() { Timeout = 180_000 });
            shown.Add(clock.Elapsed.TotalMilliseconds);

            // The circuit may take the page over at any moment and render the cards anew: find the card by its item.
            var item = await card.GetAttributeAsync("data-item");
            card = page.Locator($"article[data-item='{item}']");
            var button = card.GetByRole(AriaRole.Button, new() { Name = "Dalam proses" });
            await Expect(button).ToBeEnabledAsync(new() { Timeout = 180_000 });
            // Saved: the server answered the phone's HTTP post, or (when the circuit took the tap) the card says so.
            var posted = page.WaitForResponseAsync(r => r.Url.Contains($"/api/butir/{item}/status") && r.Status == 200, new() { Timeout = 180_000 });
            var said = Expect(card).ToContainTextAsync("Tersimpan", new() { Timeout = 180_000 });
            var tap = Stopwatch.StartNew();
            await button.ClickAsync(new() { Timeout = 180_000 });
            // Taken: the phone's line under the buttons (kept or sent), the tapped button pressed, or the circuit's "Tersimpan".
            await Expect(card.Locator(".field-state").Or(button.And(page.Locator("[aria-pressed='true']"))).Or(card.GetByText("Tersimpan")).First)
                .ToBeVisibleAsync(new() { Timeout = 180_000 });
            accepted.Add(tap.Elapsed.TotalMilliseconds);
            while (!posted.IsCompletedSuccessfully && !said.IsCompletedSuccessfully)
            {
                if (posted.IsFaulted && said.IsFaulted)
                {
                    await posted; // throws: neither came
                }

                await Task.Delay(10);
            }

            saved.Add(tap.Elapsed.TotalMilliseconds);
            _ = posted.ContinueWith(t => t.Exception, TaskScheduler.Default);
            _ = said.ContinueWith(t => t.Exception, TaskScheduler.Default);
            await ThrottleAsync(cdp, edge: false);
        }

        var drained = await OutageAsync(page, outageTaps, outagePhotos);
        await context.CloseAsync();
        return new FieldLinkFigures(Percentiles.Of(shown), Percentiles.Of(accepted), Percentiles.Of(saved), outageTaps, outagePhotos, drained);
    }

    private static ILocator FirstCard(IPage page) => page.GetByRole(AriaRole.Article).First;

    /// <summary>
    /// The link goes down with two pages open (the task list, and an item's page for its photos); the liaison taps
    /// <paramref name="taps"/> cards and adds <paramref name="photos"/> photos; the link returns. Timed from the return
    /// until the phone's queue is empty (both pages send; operation ids make a second send of one entry harmless).
    /// </summary>
    private static async Task<double> OutageAsync(IPage page, int taps, int photos)
    {
        // Before the circuit is up, as on a link that has just dropped: the taps go to the phone's queue.
        await page.Context.RouteAsync(new System.Text.RegularExpressions.Regex("/_blazor/negotiate"), route => route.AbortAsync());
        await page.GotoAsync("/tugas?status=belum");
        var cards = page.GetByRole(AriaRole.Article);
        await Expect(cards.Nth(taps)).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.readinessField?.ready === true", null, new() { Timeout = 60_000 });
        var photoItem = await cards.Nth(taps).GetAttributeAsync("data-item");
        var itemPage = await page.Context.NewPageAsync();
        await itemPage.GotoAsync($"/butir/{photoItem}");
        var input = itemPage.GetByLabel("Tambah foto/dokumen");
        await Expect(input).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await itemPage.WaitForFunctionAsync("() => window.readinessField?.ready === true", null, new() { Timeout = 60_000 });
        var before = await itemPage.GetByRole(AriaRole.Region, new() { Name = "Bukti" }).GetByRole(AriaRole.Img).CountAsync();

        await page.Context.SetOfflineAsync(true);
        for (var i = 0; i < taps; i++)
        {
            await cards.Nth(i).GetByRole(AriaRole.Button, new() { Name = "Dalam proses" }).ClickAsync();
        }

        for (var i = 0; i < photos; i++)
        {
            await input.SetInputFilesAsync(await CameraPhoto.PngAsync(itemPage, $"bukti-{i + 1}.png"));
            await Expect(itemPage.Locator("#field-bar")).ToHaveTextAsync($"Luring · {taps + i + 1} perubahan menunggu dikirim", new() { Timeout = 60_000 });
        }

        var started = Stopwatch.StartNew();
        await page.Context.SetOfflineAsync(false);
        // Both pages hear "online" and send; done when nothing waits on the phone.
        while (await QueuedAsync(page) > 0)
        {
            if (started.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"{await QueuedAsync(page)} changes still wait 3 minutes after the link returned");
            }

            await Task.Delay(20);
        }

        var drained = started.Elapsed.TotalMilliseconds;
        await page.Context.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await itemPage.ReloadAsync();
        await Expect(itemPage.GetByRole(AriaRole.Region, new() { Name = "Bukti" }).GetByRole(AriaRole.Img)).ToHaveCountAsync(before + photos);
        await itemPage.CloseAsync();
        return drained;
    }

    /// <summary>What waits in the phone's queue (js/field.js's IndexedDB store), every kind.</summary>
    private static async Task<int> QueuedAsync(IPage page) => await page.EvaluateAsync<int>("""
        () => new Promise(resolve => {
            const open = indexedDB.open("kesiapan-lapangan", 1);
            open.onupgradeneeded = () => open.result.createObjectStore("antrian", { keyPath: "seq", autoIncrement: true });
            open.onsuccess = () => {
                const request = open.result.transaction("antrian").objectStore("antrian").count();
                request.onsuccess = () => { open.result.close(); resolve(request.result); };
            };
        })
        """);

    private static Task ThrottleAsync(ICDPSession cdp, bool edge) => cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
    {
        ["offline"] = false,
        ["latency"] = edge ? LatencyMs : 0,
        ["downloadThroughput"] = edge ? DownloadBytesPerSecond : -1,
        ["uploadThroughput"] = edge ? UploadBytesPerSecond : -1,
    });

    /// <summary>One line for bench/out.</summary>
    public static string Describe(FieldLinkFigures f) =>
        $"EDGE (40 KB/s down, 20 KB/s up, 600 ms): cards shown {f.CardsShown}; tap accepted on the card {f.Accepted}; " +
        $"saved on the server {f.Saved}; link down: {f.Taps} taps and {f.Photos} photos queued, all sent {f.Drained:0} ms after it returned";
}
