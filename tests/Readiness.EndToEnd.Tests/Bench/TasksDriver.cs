using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Bench;

/// <summary>What the tasks driver measured; times in milliseconds, sizes in bytes.</summary>
public sealed record TasksFigures(
    double FirstButtonMs, long HtmlBytes, long WebSocketBytes, long OtherBytes, long WireBytes, int Cards,
    Percentiles Filter, Percentiles Search, Percentiles Picker, Percentiles OpenPanel, Percentiles Bulk, int BulkItems);

/// <summary>
/// The liaison on a weak phone link: Chromium at 390x844 with the network throttled through CDP
/// (Network.emulateNetworkConditions), timing navigation to the first status button that can be tapped and counting
/// the bytes before it (HTML as transferred, WebSocket messages as received); then, unthrottled, a filter or search to
/// the narrowed list and a bulk set confirmed on screen, by the browser's clock.
/// </summary>
public static class TasksDriver
{
    /// <summary>A weak 4G or good 3G link: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip.</summary>
    public const double DownloadBytesPerSecond = 1_600_000 / 8.0;
    public const double UploadBytesPerSecond = 750_000 / 8.0;
    public const double LatencyMs = 150;

    public static async Task<TasksFigures> MeasureAsync(IBrowser browser, AppProcess app, int filterRuns, int bulkRuns, bool warmCache)
    {
        // Through a relay that counts what the app sends as it goes over the wire (compressed HTML, deflated frames).
        await using var proxy = new CountingProxy(app.Port);
        var context = await browser.NewContextAsync(new() { BaseURL = proxy.BaseUri.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await AppFixture.SignInAsync(page, "penghubung.kpu", AppFixture.DemoPassword);
        if (warmCache)
        {
            // A liaison who used the app before has its scripts, styles and fonts cached; the page itself is fresh.
            await page.GotoAsync("/tugas");
            await Expect(FirstStatusButton(page)).ToBeEnabledAsync(new() { Timeout = 60_000 });
            await page.GotoAsync("/masuk");
        }

        var (firstButton, html, webSocket, other, wire, cards) = await FirstUsableAsync(page, proxy);
        // A tap is taken before the circuit is up now; the filters and the bulk panel are the circuit's.
        await Readiness.EndToEnd.Tests.Hosting.AppFixture.WaitForInteractiveAsync(page);
        var (filter, search, picker, panel) = await FilterAsync(page, filterRuns);
        var (bulk, bulkItems) = await BulkAsync(page, bulkRuns);
        await context.CloseAsync();
        return new TasksFigures(firstButton, html, webSocket, other, wire, cards, filter, search, picker, panel, bulk, bulkItems);
    }

    private static ILocator FirstStatusButton(IPage page) =>
        page.GetByRole(AriaRole.Article).First.GetByRole(AriaRole.Button, new() { Name = "Siap" });

    private static async Task<(double Ms, long Html, long WebSocket, long Other, long Wire, int Cards)> FirstUsableAsync(IPage page, CountingProxy proxy)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = LatencyMs,
            ["downloadThroughput"] = DownloadBytesPerSecond,
            ["uploadThroughput"] = UploadBytesPerSecond,
        });

        var types = new Dictionary<string, string>();
        long html = 0, other = 0, webSocket = 0;
        var gate = new object();
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            lock (gate)
            {
                types[e!.Value.GetProperty("requestId").GetString()!] = e.Value.GetProperty("type").GetString()!;
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            lock (gate)
            {
                var id = e!.Value.GetProperty("requestId").GetString()!;
                var bytes = (long)e.Value.GetProperty("encodedDataLength").GetDouble();
                if (types.GetValueOrDefault(id) == "Document")
                {
                    html += bytes;
                }
                else
                {
                    other += bytes;
                }
            }
        };
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
        {
            var response = e!.Value.GetProperty("response");
            var payload = response.GetProperty("payloadData").GetString() ?? "";
            // Binary frames (the circuit's MessagePack) come base64-encoded: count their decoded size.
            var size = response.GetProperty("opcode").GetInt32() == 2 ? payload.Length / 4 * 3 : System.Text.Encoding.UTF8.GetByteCount(payload);
            lock (gate)
            {
                webSocket += size;
            }
        };

        proxy.Reset();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync("/tugas", new() { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
        // Usable: enabled, and the script that takes a tap before the circuit is up has run (js/field.js).
        await Expect(FirstStatusButton(page)).ToBeEnabledAsync(new() { Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => window.readinessField?.ready === true", null, new() { Timeout = 120_000 });
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var wire = proxy.BytesFromServer;
        long h, w, o;
        lock (gate)
        {
            (h, w, o) = (html, webSocket, other);
        }

        var cards = await page.GetByRole(AriaRole.Article).CountAsync();
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = -1,
        });
        await cdp.DetachAsync();
        return (elapsed, h, w, o, wire, cards);
    }

    /// <summary>
    /// From a filter's change to the list showing its answer (the summary names the new address and is not busy): all
    /// samples, then the searches (typed words, through the box's debounce) and the region picker's alone; and, apart,
    /// the tap that opens the panel of pickers, from the tap to the panel on screen.
    /// </summary>
    private static async Task<(Percentiles All, Percentiles Search, Percentiles Picker, Percentiles Panel)> FilterAsync(IPage page, int runs)
    {
        string[] searches = ["logistik tenggarong", "ppk gudang", "tps", "kpps bimbingan", "logistik mataram", "sirekap", "dpt bantul", "loa kulu"];
        string[] regions = ["64.02.06", "52.71.03", "17.71.02", "34.02.01", "64.02"];
        var samples = new List<double>();
        var searched = new List<double>();
        var picked = new List<double>();
        var panel = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            string expected;
            double started;
            if (i % 2 == 0)
            {
                var words = searches[i / 2 % searches.Length];
                expected = "cari=" + Uri.EscapeDataString(words);
                var box = page.GetByLabel("Cari butir, catatan atau wilayah");
                await Expect(box).ToBeEditableAsync();
                started = await page.EvaluateAsync<double>("() => performance.now()");
                await box.FillAsync(words);
            }
            else
            {
                var region = regions[i / 2 % regions.Length];
                expected = "wilayah=" + region;
                var picker = page.GetByLabel("Kecamatan / wilayah");
                if (!await picker.IsVisibleAsync())
                {
                    // Opening the panel of pickers is a tap of its own, before the filter: timed on its own.
                    var opening = await page.EvaluateAsync<double>("() => performance.now()");
                    await page.GetByRole(AriaRole.Button, new() { Name = "Saring", Exact = true }).ClickAsync();
                    var opened = await page.WaitForFunctionAsync("""
                        () => {
                            const p = document.getElementById("task-filter-panel");
                            return p && p.querySelector("select") ? performance.now() : false;
                        }
                        """, null, new() { PollingInterval = 5, Timeout = 30_000 });
                    panel.Add((await opened.JsonValueAsync<double>()) - opening);
                    await Expect(picker).ToBeEnabledAsync();
                }

                started = await page.EvaluateAsync<double>("() => performance.now()");
                await picker.SelectOptionAsync(region);
            }

            var done = await page.WaitForFunctionAsync("""
                expected => {
                    const s = document.querySelector("[data-view]");
                    return s && s.getAttribute("aria-busy") === "false" && s.getAttribute("data-view").includes(expected) ? performance.now() : false;
                }
                """, expected, new() { PollingInterval = 5, Timeout = 30_000 });
            samples.Add((await done.JsonValueAsync<double>()) - started);
            (i % 2 == 0 ? searched : picked).Add(samples[^1]);
            await page.GotoAsync("/tugas?semua=1");
            // The status buttons work before the circuit (js/field.js); the filters are the circuit's.
            await AppFixture.WaitForInteractiveAsync(page);
        }

        return (Percentiles.Of(samples), Percentiles.Of(searched), Percentiles.Of(picked), Percentiles.Of(panel));
    }

    /// <summary>Selects the 20 items of one checklist item's page and sets a status: from the tap to the result on screen.</summary>
    private static async Task<(Percentiles Times, int Items)> BulkAsync(IPage page, int runs)
    {
        string[] statuses = ["Dalam proses", "Siap"];
        var samples = new List<double>();
        var items = 0;
        await page.GotoAsync("/tugas?semua=1&tampilan=butir");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tambah butir instansi saya" })).ToBeEnabledAsync(new() { Timeout = 60_000 });
        var group = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "PPK menerima logistik dari gudang KPU" });
        var href = await group.GetByRole(AriaRole.Link).GetAttributeAsync("href");
        for (var i = 0; i < runs; i++)
        {
            await page.GotoAsync(href!);
            await AppFixture.WaitForInteractiveAsync(page); // the bulk panel is the circuit's
            await page.GetByLabel("Pilih semua di halaman ini").CheckAsync();
            var status = statuses[i % statuses.Length];
            var button = page.GetByRole(AriaRole.Button, new() { Name = $"butir terpilih: {status}" });
            await Expect(button).ToBeEnabledAsync(new() { Timeout = 30_000 });
            var started = await page.EvaluateAsync<double>("() => performance.now()");
            await button.ClickAsync();
            var done = await page.WaitForFunctionAsync("""
                () => {
                    const r = document.querySelector("[data-bulk-result]");
                    return r && r.textContent.includes("tersimpan") ? performance.now() : false;
                }
                """, null, new() { PollingInterval = 5, Timeout = 30_000 });
            samples.Add((await done.JsonValueAsync<double>()) - started);
            var result = await page.Locator("[data-bulk-result]").InnerTextAsync();
            items = int.Parse(System.Text.RegularExpressions.Regex.Match(result, @"(\d+) butir tersimpan").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return (Percentiles.Of(samples), items);
    }

    /// <summary>One line for bench/out.</summary>
    public static string Describe(TasksFigures f, string label) =>
        $"{label}: first status button {f.FirstButtonMs:0} ms; HTML {f.HtmlBytes / 1024.0:0.0} KB + WebSocket {f.WebSocketBytes / 1024.0:0.0} KB = " +
        $"{(f.HtmlBytes + f.WebSocketBytes) / 1024.0:0.0} KB as the browser counts (WebSocket inflated; other files {f.OtherBytes / 1024.0:0.0} KB); " +
        $"{f.WireBytes / 1024.0:0.0} KB over the wire in all; {f.Cards} cards; " +
        $"filter/search to list {f.Filter} (searches {f.Search}; region picker {f.Picker}); opening the pickers' panel {f.OpenPanel}; bulk set of {f.BulkItems} items {f.Bulk}";

    internal static string Json(TasksFigures f) => JsonSerializer.Serialize(f);
}
