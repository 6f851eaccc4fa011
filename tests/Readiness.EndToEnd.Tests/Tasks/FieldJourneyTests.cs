using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Tasks;

/// <summary>
/// A liaison on a phone whose link is weak or gone: a tap made before the page's circuit is up, or while the phone is
/// offline, is kept on the phone and sent over plain HTTP, each once and in order, when the link allows.
/// </summary>
[Collection(TasksApp.Name)]
public sealed class FieldJourneyTests(AppFixture fixture)
{
    private const int Width = 390;
    private const int Height = 844;

    [Fact]
    public async Task A_tap_on_the_prerendered_page_before_the_circuit_is_up_is_saved_once()
    {
        var page = await fixture.SignedInPageAsync("penghubung.tni", width: Width, height: Height);
        await HoldTheCircuitBackAsync(page);
        await page.GotoAsync("/tugas?status=belum");
        var card = page.GetByRole(AriaRole.Article).First;
        var itemId = await card.GetAttributeAsync("data-item");
        var version = int.Parse((await card.GetAttributeAsync("data-version"))!, System.Globalization.CultureInfo.InvariantCulture);

        await card.GetByRole(AriaRole.Button, new() { Name = "Dalam proses" }).ClickAsync();

        await Expect(card.GetByText("Tersimpan", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("Dalam proses", (await ItemAsync(page, itemId!)).Status);
        Assert.Equal(version + 1, (await ItemAsync(page, itemId!)).Version);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_number_typed_before_the_circuit_is_up_travels_with_the_tap_and_a_word_in_its_place_is_refused_on_the_card()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await HoldTheCircuitBackAsync(page);
        await page.GotoAsync("/tugas?semua=1&cari=" + Uri.EscapeDataString("TPS didirikan sesuai standar"));
        var card = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "TPS didirikan sesuai standar" }).First;
        var done = card.GetByLabel("Sudah");
        await Expect(done).ToBeVisibleAsync();
        var itemId = await card.GetAttributeAsync("data-item");
        var tap = await card.GetAttributeAsync("data-item-status") == "proses" ? "Siap" : "Dalam proses";
        var before = await ItemAsync(page, itemId!);
        // Its target is the kecamatan's TPS count (one TPS each), shown on the card; a number the item does not hold
        // yet, so the history has a change to read.
        var tps = FixedTarget(await card.Locator(".item-number-text").InnerTextAsync());
        var mine = (await done.InputValueAsync() == (tps - 1).ToString() ? tps - 2 : tps - 1).ToString();

        // A word where a number belongs: said on the card in Indonesian, nothing kept on the phone, nothing sent.
        await done.FillAsync("tiga puluh delapan");
        await card.GetByRole(AriaRole.Button, new() { Name = tap }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Isi angka bulat" }))
            .ToHaveTextAsync("Isi angka bulat dari 0 sampai 100000.");
        Assert.Equal(0, await QueuedAsync(page));
        Assert.Equal(before, await ItemAsync(page, itemId!));

        await done.FillAsync(mine);
        await card.GetByRole(AriaRole.Button, new() { Name = tap }).ClickAsync();

        await Expect(card.GetByText("Tersimpan", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(card.Locator(".item-number-text")).ToHaveTextAsync($"{mine}/{tps} TPS");
        // Saved with the status in one change, and the item's history reads the number.
        Assert.Equal((tap, before.Version + 1), await ItemAsync(page, itemId!));
        var other = await page.Context.NewPageAsync();
        await other.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await other.GotoAsync($"/butir/{itemId}");
        await Expect(other.GetByRole(AriaRole.Article).First.Locator(".item-number-text")).ToHaveTextAsync($"{mine}/{tps} TPS");
        await Expect(other.GetByText($"→ {mine} dari {tps} TPS").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Simpan_angka_before_the_circuit_is_up_saves_the_number_alone_and_keeps_the_status_and_the_note()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await HoldTheCircuitBackAsync(page);
        await page.GotoAsync("/tugas?semua=1&cari=" + Uri.EscapeDataString("Kotak suara, surat suara"));
        var card = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "Kotak suara, surat suara dan formulir C" }).First;
        var done = card.GetByLabel("Sudah");
        await Expect(done).ToBeVisibleAsync();
        var itemId = await card.GetAttributeAsync("data-item");
        var before = await ItemAsync(page, itemId!);
        var note = await card.Locator(".item-state + .item-note").AllInnerTextsAsync();
        var tps = FixedTarget(await card.Locator(".item-number-text").InnerTextAsync()); // one per TPS of the kecamatan
        var mine = await done.InputValueAsync() == "12" ? "13" : "12";

        await done.FillAsync(mine);
        await card.GetByRole(AriaRole.Button, new() { Name = "Simpan angka" }).ClickAsync();

        await Expect(card.GetByText("Tersimpan", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(card.Locator(".item-number-text")).ToHaveTextAsync($"{mine}/{tps} TPS");
        Assert.Equal((before.Status, before.Version + 1), await ItemAsync(page, itemId!));
        var other = await page.Context.NewPageAsync();
        await other.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await other.GotoAsync($"/butir/{itemId}");
        var saved = other.GetByRole(AriaRole.Article).First;
        await Expect(saved.Locator(".item-number-text")).ToHaveTextAsync($"{mine}/{tps} TPS");
        Assert.Equal(note, await saved.Locator(".item-state + .item-note").AllInnerTextsAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Three_taps_made_offline_wait_on_the_phone_and_arrive_once_each_in_order_when_the_link_returns()
    {
        var page = await fixture.SignedInPageAsync("penghubung.pemda", width: Width, height: Height);
        await HoldTheCircuitBackAsync(page);
        await page.GotoAsync("/tugas?status=belum");
        var cards = page.GetByRole(AriaRole.Article);
        await Expect(cards.Nth(1)).ToBeVisibleAsync();
        var first = await cards.Nth(0).GetAttributeAsync("data-item");
        var second = await cards.Nth(1).GetAttributeAsync("data-item");
        var before = (await ItemAsync(page, first!)).Version;

        await page.Context.SetOfflineAsync(true);
        // On the same item twice (the second builds on the first) and once on another.
        await cards.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Dalam proses" }).ClickAsync();
        await cards.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();
        await cards.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();

        var bar = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Luring" });
        await Expect(bar).ToHaveTextAsync("Luring · 3 perubahan menunggu dikirim");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("tugas-luring-390.png") });

        await page.Context.SetOfflineAsync(false);

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Terkirim" })).ToBeVisibleAsync();
        var firstNow = await ItemAsync(page, first!);
        Assert.Equal(("Siap", before + 2), (firstNow.Status, firstNow.Version));
        Assert.Equal("Siap", (await ItemAsync(page, second!)).Status);
        Assert.Equal(0, await QueuedAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Three_taps_and_a_photo_made_offline_arrive_once_each_when_the_link_returns_and_the_wall_shows_the_taps()
    {
        var wall = await Wall.WallJourneyTests.OpenWallAsync(fixture, "Posko luring");
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await HoldTheCircuitBackAsync(page);
        await page.GotoAsync("/tugas?status=belum&wilayah=64.02");
        var cards = page.GetByRole(AriaRole.Article);
        await Expect(cards.Nth(3)).ToBeVisibleAsync();
        var ids = new List<string>();
        var titles = new List<string>();
        var versions = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await cards.Nth(i).GetAttributeAsync("data-item"))!);
            versions.Add(int.Parse((await cards.Nth(i).GetAttributeAsync("data-version"))!, System.Globalization.CultureInfo.InvariantCulture));
            titles.Add((await cards.Nth(i).GetByRole(AriaRole.Link).First.InnerTextAsync()).Trim());
        }

        // The photo's item on a page of its own, open before the link goes.
        var itemPage = await page.Context.NewPageAsync();
        await itemPage.GotoAsync($"/butir/{ids[3]}");
        var input = itemPage.GetByLabel("Tambah foto/dokumen");
        await Expect(input).ToBeAttachedAsync();
        var photos = itemPage.GetByRole(AriaRole.Region, new() { Name = "Bukti" }).GetByRole(AriaRole.Img);
        var photosBefore = await photos.CountAsync();

        await page.Context.SetOfflineAsync(true);
        for (var i = 0; i < 3; i++)
        {
            await cards.Nth(i).GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();
        }

        await input.SetInputFilesAsync(await CameraPhoto.PngAsync(itemPage, "gudang.png", 800, 600));
        await Expect(itemPage.Locator("#field-bar")).ToHaveTextAsync("Luring · 4 perubahan menunggu dikirim");

        await page.Context.SetOfflineAsync(false);

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Terkirim" }).Or(page.GetByText("Tersimpan").First).First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("""
            () => new Promise(resolve => {
                const open = indexedDB.open("kesiapan-lapangan", 1);
                open.onsuccess = () => {
                    const request = open.result.transaction("antrian").objectStore("antrian").count();
                    request.onsuccess = () => { open.result.close(); resolve(request.result === 0); };
                };
            })
            """, null, new() { Timeout = 60_000 });
        var ticker = wall.GetByRole(AriaRole.Region, new() { Name = "Perubahan terbaru", Exact = true });
        foreach (var title in titles.Take(3).Distinct())
        {
            await Expect(ticker.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title }).First).ToBeVisibleAsync();
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(("Siap", versions[i] + 1), await ItemAsync(page, ids[i])); // saved once each
        }

        await itemPage.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await itemPage.ReloadAsync();
        await Expect(photos).ToHaveCountAsync(photosBefore + 1);
        await wall.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_with_a_tap_that_could_not_be_sent_names_it_and_clears_the_phone()
    {
        var page = await fixture.SignedInPageAsync("penghubung.bawaslu", width: Width, height: Height);
        await HoldTheCircuitBackAsync(page);
        await page.GotoAsync("/tugas?status=belum");
        var card = page.GetByRole(AriaRole.Article).First;
        await page.Context.SetOfflineAsync(true);
        await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Luring" })).ToHaveTextAsync("Luring · 1 perubahan menunggu dikirim");
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };

        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();

        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (asked is null)
            {
                await Task.Delay(50, wait.Token);
            }
        }

        Assert.Contains("1 perubahan belum terkirim", asked);
        await page.Context.SetOfflineAsync(false);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.GotoAsync("/masuk");
                break;
            }
            catch (PlaywrightException ex) when (attempt < 5 && ex.Message.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                // The sign-out's own navigation was still under way and took this one's place: once it ends, go again.
                await page.WaitForLoadStateAsync();
            }
        }

        Assert.Equal(0, await QueuedAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_write_endpoint_refuses_a_call_without_the_pages_token_replays_harmlessly_and_answers_a_stale_version_with_the_other_change()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await page.GotoAsync("/tugas?status=belum");
        var card = page.GetByRole(AriaRole.Article).First;
        var itemId = await card.GetAttributeAsync("data-item");
        var version = int.Parse((await card.GetAttributeAsync("data-version"))!, System.Globalization.CultureInfo.InvariantCulture);
        var token = await page.Locator("meta[name='antiforgery']").GetAttributeAsync("content");
        var operation = Guid.NewGuid();
        var body = new { expectedVersion = version, status = "proses", note = (string?)null, operationId = operation };
        var url = $"/api/butir/{itemId}/status";

        var without = await page.APIRequest.PostAsync(url, new() { DataObject = body });
        Assert.Equal(400, without.Status);
        Assert.Contains("kedaluwarsa", (await without.JsonAsync())!.Value.GetProperty("title").GetString());

        var headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token! };
        var saved = await page.APIRequest.PostAsync(url, new() { DataObject = body, Headers = headers });
        var replayed = await page.APIRequest.PostAsync(url, new() { DataObject = body, Headers = headers });
        var stale = await page.APIRequest.PostAsync(url, new()
        {
            DataObject = new { expectedVersion = version, status = "siap", note = (string?)null, operationId = Guid.NewGuid() }, Headers = headers,
        });

        Assert.Equal(200, saved.Status);
        var savedItem = (await saved.JsonAsync())!.Value;
        Assert.Equal("saved", savedItem.GetProperty("result").GetString());
        Assert.Equal(version + 1, savedItem.GetProperty("item").GetProperty("version").GetInt32());
        Assert.Equal("alreadyApplied", (await replayed.JsonAsync())!.Value.GetProperty("result").GetString());
        Assert.Equal(409, stale.Status);
        var theirs = (await stale.JsonAsync())!.Value.GetProperty("item");
        Assert.Equal(("proses", version + 1), (theirs.GetProperty("status").GetString(), theirs.GetProperty("version").GetInt32()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_number_sent_as_a_word_or_out_of_bounds_over_http_is_refused_with_a_message_and_nothing_is_written()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await page.GotoAsync("/tugas?semua=1&cari=" + Uri.EscapeDataString("Bimtek KPPS"));
        var card = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "Bimtek KPPS" }).First;
        await Expect(card.GetByLabel("Sudah")).ToBeVisibleAsync();
        var itemId = await card.GetAttributeAsync("data-item");
        var version = int.Parse((await card.GetAttributeAsync("data-version"))!, System.Globalization.CultureInfo.InvariantCulture);
        var token = await page.Locator("meta[name='antiforgery']").GetAttributeAsync("content");
        var headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token! };
        var url = $"/api/butir/{itemId}/status";
        var before = await ItemAsync(page, itemId!);

        var word = await page.APIRequest.PostAsync(url, new()
        {
            DataObject = new { expectedVersion = version, status = "proses", operationId = Guid.NewGuid(), done = "tiga puluh delapan" }, Headers = headers,
        });
        var tooMany = await page.APIRequest.PostAsync(url, new()
        {
            DataObject = new { expectedVersion = version, status = "proses", operationId = Guid.NewGuid(), done = 1_000_000 }, Headers = headers,
        });
        var negative = await page.APIRequest.PostAsync(url, new()
        {
            DataObject = new { expectedVersion = version, status = "proses", operationId = Guid.NewGuid(), done = -1 }, Headers = headers,
        });

        Assert.Equal(400, word.Status);
        Assert.StartsWith("Isi permintaan tidak terbaca: angka harus bilangan bulat", (await word.JsonAsync())!.Value.GetProperty("title").GetString());
        Assert.Equal(400, tooMany.Status);
        Assert.Equal("Isi angka bulat dari 0 sampai 100000.", (await tooMany.JsonAsync())!.Value.GetProperty("title").GetString());
        Assert.Equal(400, negative.Status);
        Assert.Equal("Isi angka bulat dari 0 sampai 100000.", (await negative.JsonAsync())!.Value.GetProperty("title").GetString());
        Assert.Equal(before, await ItemAsync(page, itemId!));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_api_is_described_at_openapi_v1_json_for_signed_in_users_only()
    {
        var page = await fixture.SignedInPageAsync("pimpinan", width: Width, height: Height);
        var document = await page.APIRequest.GetAsync("/openapi/v1.json");
        Assert.Equal(200, document.Status);
        var paths = (await document.JsonAsync())!.Value.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/butir/{id}/status", out _), paths.ToString());
        Assert.True(paths.TryGetProperty("/api/wilayah/{code}/kesiapan", out _), paths.ToString());

        var anonymous = await fixture.NewPageAsync();
        var refused = await anonymous.APIRequest.GetAsync("/openapi/v1.json", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, refused.Status);
        await page.Context.CloseAsync();
        await anonymous.Context.CloseAsync();
    }

    [Fact]
    public async Task The_task_list_installs_as_a_phone_app_and_keeps_only_its_users_last_list_until_sign_out()
    {
        // An installable app is judged in a normal profile: Chromium refuses installation in an off-the-record one.
        var profile = Directory.CreateTempSubdirectory("readiness-profile-");
        await using var context = await fixture.Playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new()
        {
            ExecutablePath = Browser.ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
            BaseURL = fixture.App.BaseUri.ToString(), ViewportSize = new() { Width = Width, Height = Height },
        });
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        await AppFixture.SignInAsync(page, "penghubung.kpu", AppFixture.DemoPassword);
        await page.GotoAsync("/tugas");
        await AppFixture.WaitForInteractiveAsync(page);
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        // Controlled from the next load on: that load's list is the one kept.
        await page.ReloadAsync();
        await AppFixture.WaitForInteractiveAsync(page);

        var cdp = await context.NewCDPSessionAsync(page);
        var errors = (await cdp.SendAsync("Page.getInstallabilityErrors"))!.Value.GetProperty("installabilityErrors");
        Assert.True(errors.GetArrayLength() == 0, errors.ToString());
        Assert.Equal("penghubung.kpu", await KeptListUserAsync(page));

        await page.GotoAsync("/admin/pengguna");
        await page.GotoAsync("/tugas");
        await AppFixture.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/masuk", StringComparison.Ordinal));

        Assert.Null(await KeptListUserAsync(page));
        Assert.Empty(await page.EvaluateAsync<string[]>("""
            async () => (await Promise.all((await caches.keys()).map(async n => (await (await caches.open(n)).keys()).map(r => r.url))))
                .flat().filter(u => u.includes("/admin") || u.includes("/api/"))
            """));
        // Chromium writes into the profile until it has closed.
        await context.CloseAsync();
        profile.Delete(recursive: true);
    }

    /// <summary>Whose task list the service worker keeps for a start without a signal; null when none is kept.</summary>
    private static Task<string?> KeptListUserAsync(IPage page) => page.EvaluateAsync<string?>("""
        async () => {
            const kept = await (await caches.open("kesiapan-tugas-v1")).match("/tugas");
            if (!kept) return null;
            return /<meta name="readiness-user" content="([^"]+)"/.exec(await kept.text())?.[1] ?? "";
        }
        """);

    [Fact]
    public async Task A_search_typed_before_the_circuit_is_up_is_kept_and_applied_once_it_is()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        var release = new TaskCompletionSource();
        await page.RouteAsync(new Regex("/_blazor/negotiate"), async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/tugas");
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Cari butir, catatan atau wilayah" });

        await search.PressSequentiallyAsync("logistik");
        release.SetResult();
        await AppFixture.WaitForInteractiveAsync(page);

        await Expect(search).ToHaveValueAsync("logistik");
        await page.WaitForURLAsync(url => url.Contains("cari=logistik", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Enter_in_the_task_search_before_the_circuit_is_up_opens_the_searched_list()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await HoldTheCircuitBackAsync(page);
        await page.GotoAsync("/tugas");
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Cari butir, catatan atau wilayah" });

        await search.FillAsync("tps");
        await search.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("cari=tps", StringComparison.Ordinal));
        var cards = await page.GetByRole(AriaRole.Article).AllInnerTextsAsync();
        Assert.NotEmpty(cards);
        Assert.All(cards, card => Assert.Contains("tps", card, StringComparison.OrdinalIgnoreCase));
        await page.Context.CloseAsync();
    }

    // The circuit's negotiation waits, as on a link where the first render takes many seconds: the page stays the
    // prerendered one, and every tap is the phone's to send.
    private static Task HoldTheCircuitBackAsync(IPage page) =>
        page.RouteAsync(new Regex("/_blazor/negotiate"), async route =>
        {
            await Task.Delay(TimeSpan.FromMinutes(2));
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // The page has gone.
            }
        });

    /// <summary>The item as its own page shows it: the status word of its card and its version.</summary>
    private static async Task<(string Status, int Version)> ItemAsync(IPage page, string itemId)
    {
        var other = await page.Context.NewPageAsync();
        await other.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await other.GotoAsync($"/butir/{itemId}");
        var card = other.GetByRole(AriaRole.Article).First;
        await Expect(card).ToBeVisibleAsync();
        var status = (await card.Locator(".item-state").InnerTextAsync()).Split('\n', StringSplitOptions.TrimEntries)[0];
        var version = int.Parse((await card.GetAttributeAsync("data-version"))!, System.Globalization.CultureInfo.InvariantCulture);
        await other.CloseAsync();
        return (status, version);
    }

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

    /// <summary>The target a card shows and does not let anyone type: "12/45 TPS" or "-/45 TPS" gives 45.</summary>
    private static int FixedTarget(string numberText) =>
        int.Parse(Regex.Match(numberText, @"/(\d+) TPS").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
