using System.Text.Json;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Live;

[Collection(LiveApp.Name)]
public sealed class LiveUpdateJourneyTests(AppFixture fixture)
{
    private const string Kukar = "Kabupaten Kutai Kartanegara";

    [Fact]
    public async Task A_change_on_page_a_appears_on_page_b()
    {
        var watcher = await fixture.SignedInPageAsync("pimpinan");
        await Expect(watcher.GetByRole(AriaRole.Button, new() { Name = "Kesiapan terendah" })).ToBeEnabledAsync();
        var before = await ReadyCountAsync(watcher, Kukar);

        var liaison = await fixture.SignedInPageAsync("penghubung.kpu", width: 390, height: 844);
        await MarkFirstKukarItemReadyAsync(liaison);

        await Expect(ReadyCount(watcher, Kukar)).ToHaveTextAsync((before + 1).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID")));
    }

    [Fact]
    public async Task Javascript_client_receives_item_changed_and_a_join_outside_scope_is_refused()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUri.ToString(), BypassCSP = true });
        var listener = await context.NewPageAsync();
        await AppFixture.SignInAsync(listener, "pimpinan", AppFixture.DemoPassword);
        await listener.GotoAsync("/healthz");
        await listener.AddScriptTagAsync(new() { Url = "/lib/signalr/signalr.min.js" });
        await listener.EvaluateAsync("""
            async () => {
                window.received = [];
                const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/readiness").build();
                connection.on("itemChanged", change => window.received.push(change));
                await connection.start();
                await connection.invoke("JoinRegion", "64.02");
                window.connection = connection;
            }
            """);

        var refused = await listener.EvaluateAsync<string>("""
            async () => { try { await window.connection.invoke("JoinRegion", "11.01"); return "joined"; } catch (e) { return e.message; } }
            """);
        Assert.Contains("di luar wilayah tugas", refused);

        var liaison = await fixture.SignedInPageAsync("penghubung.kpu", width: 390, height: 844);
        var itemId = await MarkFirstKukarItemReadyAsync(liaison);

        await listener.WaitForFunctionAsync("() => window.received.length > 0", null, new() { Timeout = 5_000 });
        var change = await listener.EvaluateAsync<JsonElement>("() => window.received[0]");
        Assert.Equal(itemId, change.GetProperty("itemId").GetInt64().ToString());
        Assert.StartsWith("64.02", change.GetProperty("regionCode").GetString());
        Assert.Equal("siap", change.GetProperty("statusAfter").GetString());
        Assert.Equal("penghubung.kpu", change.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Json_api_gives_readiness_by_agency_and_stage_within_scope_only()
    {
        var page = await fixture.SignedInPageAsync("pimpinan");

        var response = await page.APIRequest.GetAsync("/api/wilayah/64.02/kesiapan");
        var outside = await page.APIRequest.GetAsync("/api/wilayah/11.01/kesiapan");

        Assert.Equal(200, response.Status);
        var json = JsonDocument.Parse(await response.TextAsync()).RootElement;
        Assert.Equal(Kukar, json.GetProperty("name").GetString());
        Assert.Equal(5, json.GetProperty("agencies").GetArrayLength());
        var total = json.GetProperty("overall").GetProperty("total").GetInt32();
        Assert.Equal(total, json.GetProperty("agencies").EnumerateArray().Sum(a => a.GetProperty("counts").GetProperty("total").GetInt32()));
        Assert.Equal(9, json.GetProperty("agencies")[0].GetProperty("stages").GetArrayLength());
        Assert.Equal(403, outside.Status);

        foreach (var hostile in new[] { "64.02'--", "%25", "..%2F..%2Fetc", "%3Cscript%3E", "99.99", "64.02.99.9999", new string('6', 3000), "64.02%00" })
        {
            var answer = await page.APIRequest.GetAsync($"/api/wilayah/{hostile}/kesiapan");
            Assert.True(answer.Status is 400 or 403 or 404, $"{hostile[..Math.Min(20, hostile.Length)]}: {answer.Status}");
        }
    }

    [Fact]
    public async Task Feed_counters_are_for_admins_only()
    {
        var admin = await fixture.SignedInPageAsync("admin");
        var leader = await fixture.SignedInPageAsync("pimpinan");

        var counters = await admin.APIRequest.GetAsync("/api/diagnostik/feed");
        var refused = await leader.APIRequest.GetAsync("/api/diagnostik/feed");

        Assert.Equal(200, counters.Status);
        var json = JsonDocument.Parse(await counters.TextAsync()).RootElement;
        Assert.True(json.GetProperty("queries").GetInt64() > 0);
        Assert.True(json.TryGetProperty("eventsApplied", out _));
        Assert.True(json.TryGetProperty("subscribers", out _));
        Assert.Equal(403, refused.Status);
    }

    internal static ILocator ReadyCount(IPage page, string region) =>
        page.GetByRole(AriaRole.Region, new() { Name = region, Exact = true }).Locator("[data-status='siap'] strong").First;

    private static async Task<int> ReadyCountAsync(IPage page, string region) =>
        int.Parse((await ReadyCount(page, region).InnerTextAsync()).Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Marks the first not-started KPU item of Kutai Kartanegara Siap; returns its id.</summary>
    internal static async Task<string> MarkFirstKukarItemReadyAsync(IPage liaison)
    {
        // Every not-started item of the regency and its kecamatan, once the page answers taps.
        await liaison.GotoAsync("/tugas?semua=1&status=belum&wilayah=64.02");
        await Expect(liaison.GetByRole(AriaRole.Button, new() { Name = "Tambah butir instansi saya" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var card = liaison.Locator("[data-item]").First;
        var itemId = (await card.GetAttributeAsync("data-item"))!;
        await card.GetByRole(AriaRole.Button, new() { Name = "Siap" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan: Siap.");
        return itemId;
    }
}
