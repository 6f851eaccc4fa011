using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Regions;

/// <summary>
/// A kecamatan's figures saved over plain HTTP (<c>POST /api/wilayah/{code}/angka</c>), as the phone's queue sends
/// them when the link returns: stored once per operation id, a stale version answered with the other change, only by
/// the agency's liaison with the page's token, bad numbers refused with a message; and a figure saved on a phone that
/// went offline waits there and arrives when the link returns. Each test has its own kecamatan of Kutai Kartanegara.
/// </summary>
public sealed class FiguresOfflineTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_tps_count_saved_over_http_is_stored_once_however_often_its_operation_id_is_sent()
    {
        const string code = "64.02.01";
        var (page, headers) = await SignedInAsync("penghubung.kpu");
        var before = await CurrentAsync(page, headers, code);
        var tps = before.GetProperty("tps").GetInt32() + 3;
        var version = before.GetProperty("version").GetInt32();
        var body = new { expectedVersion = version, operationId = Guid.NewGuid(), tps };

        var saved = await PostAsync(page, headers, code, body);
        var replayed = await PostAsync(page, headers, code, body);

        Assert.Equal(200, saved.Status);
        Assert.Equal("saved", saved.Json.GetProperty("result").GetString());
        Assert.Equal((tps, version + 1), Figures(saved.Json));
        Assert.Equal(200, replayed.Status);
        Assert.Equal("alreadyApplied", replayed.Json.GetProperty("result").GetString());
        Assert.Equal((tps, version + 1), Figures(replayed.Json));
        var after = await CurrentAsync(page, headers, code);
        Assert.Equal((tps, version + 1), (after.GetProperty("tps").GetInt32(), after.GetProperty("version").GetInt32()));
        Assert.Equal("penghubung.kpu", after.GetProperty("updatedBy").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_save_on_figures_someone_changed_meanwhile_is_a_conflict_that_carries_their_figures_and_writes_nothing()
    {
        const string code = "64.02.02";
        var (polri, polriHeaders) = await SignedInAsync("penghubung.polri");
        var (kpu, kpuHeaders) = await SignedInAsync("penghubung.kpu");
        var seen = await CurrentAsync(kpu, kpuHeaders, code);
        var version = seen.GetProperty("version").GetInt32();

        var classes = await PostAsync(polri, polriHeaders, code,
            new { expectedVersion = version, operationId = Guid.NewGuid(), kurangRawan = 30, rawan = 6, sangatRawan = 2, khusus = 1 });
        var stale = await PostAsync(kpu, kpuHeaders, code,
            new { expectedVersion = version, operationId = Guid.NewGuid(), tps = seen.GetProperty("tps").GetInt32() + 5 });

        Assert.Equal(200, classes.Status);
        Assert.Equal(409, stale.Status);
        Assert.Equal("conflict", stale.Json.GetProperty("result").GetString());
        var theirs = stale.Json.GetProperty("figures");
        Assert.Equal((version + 1, "penghubung.polri", 6), (theirs.GetProperty("version").GetInt32(), theirs.GetProperty("updatedBy").GetString(),
            theirs.GetProperty("rawan").GetInt32()));
        Assert.Equal(seen.GetProperty("tps").GetInt32(), theirs.GetProperty("tps").GetInt32());
        Assert.Equal(version + 1, (await CurrentAsync(kpu, kpuHeaders, code)).GetProperty("version").GetInt32());
        await polri.Context.CloseAsync();
        await kpu.Context.CloseAsync();
    }

    [Fact]
    public async Task Only_the_agencys_own_liaison_may_save_a_figure_and_never_without_the_pages_token()
    {
        const string code = "64.02.03";
        var (kpu, kpuHeaders) = await SignedInAsync("penghubung.kpu");
        var version = (await CurrentAsync(kpu, kpuHeaders, code)).GetProperty("version").GetInt32();
        var tps = new { expectedVersion = version, operationId = Guid.NewGuid(), tps = 50 };

        var withoutToken = await PostAsync(kpu, [], code, tps);
        var kpuSetsClasses = await PostAsync(kpu, kpuHeaders, code,
            new { expectedVersion = version, operationId = Guid.NewGuid(), kurangRawan = 1, rawan = 1, sangatRawan = 1, khusus = 1 });
        var (pemda, pemdaHeaders) = await SignedInAsync("penghubung.pemda");
        var pemdaSetsTps = await PostAsync(pemda, pemdaHeaders, code, tps);
        var (leader, leaderHeaders) = await SignedInAsync("pimpinan");
        var leaderSetsTps = await PostAsync(leader, leaderHeaders, code, tps);

        Assert.Equal(400, withoutToken.Status);
        Assert.Contains("kedaluwarsa", withoutToken.Json.GetProperty("title").GetString());
        Assert.Equal(403, kpuSetsClasses.Status);
        Assert.Equal(403, pemdaSetsTps.Status);
        Assert.Equal(403, leaderSetsTps.Status);
        Assert.False(string.IsNullOrWhiteSpace(leaderSetsTps.Json.GetProperty("title").GetString()));
        Assert.Equal(version, (await CurrentAsync(kpu, kpuHeaders, code)).GetProperty("version").GetInt32());
        foreach (var page in new[] { kpu, pemda, leader })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_word_a_negative_or_a_number_above_the_bound_is_refused_with_a_message_in_the_users_language_and_nothing_is_written()
    {
        const string code = "64.02.04";
        var (page, headers) = await SignedInAsync("penghubung.kpu");
        var version = (await CurrentAsync(page, headers, code)).GetProperty("version").GetInt32();
        object Tps(object value) => new { expectedVersion = version, operationId = Guid.NewGuid(), tps = value };

        var word = await PostAsync(page, headers, code, Tps("empat puluh"));
        var negative = await PostAsync(page, headers, code, Tps(-1));
        var tooMany = await PostAsync(page, headers, code, Tps(100_001));
        var both = await PostAsync(page, headers, code,
            new { expectedVersion = version, operationId = Guid.NewGuid(), tps = 40, kurangRawan = 40, rawan = 0, sangatRawan = 0, khusus = 0 });
        var nowhere = await PostAsync(page, headers, "64.02.99", Tps(40));
        var noElection = await PostAsync(page, headers, code, new { expectedVersion = version, operationId = Guid.NewGuid(), electionId = 999_999, tps = 40 });

        Assert.Equal(400, word.Status);
        Assert.StartsWith("Isi permintaan tidak terbaca: angka harus bilangan bulat", word.Json.GetProperty("title").GetString());
        Assert.Equal((400, "Isi angka bulat dari 0 sampai 100000."), (negative.Status, negative.Json.GetProperty("title").GetString()));
        Assert.Equal((400, "Isi angka bulat dari 0 sampai 100000."), (tooMany.Status, tooMany.Json.GetProperty("title").GetString()));
        Assert.Equal(400, both.Status);
        Assert.StartsWith("Perubahan angka tidak lengkap", both.Json.GetProperty("title").GetString());
        Assert.Equal((404, "Wilayah tidak dikenal."), (nowhere.Status, nowhere.Json.GetProperty("title").GetString()));
        Assert.Equal((404, "Pemilihan tidak dikenal."), (noElection.Status, noElection.Json.GetProperty("title").GetString()));

        // The same refusal in English for an English user.
        await page.GotoAsync("/bahasa/en-US?kembali=/");
        var english = await PostAsync(page, await TokenAsync(page), code, Tps(-1));
        Assert.Equal((400, "Enter a whole number from 0 to 100000."), (english.Status, english.Json.GetProperty("title").GetString()));
        Assert.Equal(version, (await CurrentAsync(page, headers, code)).GetProperty("version").GetInt32());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tps_count_saved_while_the_phone_is_offline_waits_on_the_phone_and_arrives_once_when_the_link_returns()
    {
        const string code = "64.02.05";
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: 390, height: 844);
        await page.GotoAsync($"/wilayah/{code}");
        await AppFixture.WaitForInteractiveAsync(page);
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Angka wilayah" });
        var field = panel.GetByLabel("Jumlah TPS");
        await Expect(field).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var before = int.Parse(await field.InputValueAsync(), CultureInfo.InvariantCulture);
        var mine = before + 4;

        await page.Context.SetOfflineAsync(true);
        await field.FillAsync(mine.ToString(CultureInfo.InvariantCulture));
        await panel.GetByRole(AriaRole.Button, new() { Name = "Simpan jumlah TPS" }).ClickAsync();

        var line = panel.Locator("[data-figures-pending]");
        await Expect(line).ToHaveTextAsync($"Menunggu sinyal · Jumlah TPS {mine}");
        // Kept on the phone, said in the slim bar of the field pages, and the reconnect notice does not cover the form.
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Luring" })).ToHaveTextAsync("Luring · 1 perubahan menunggu dikirim");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Equal(1, await QueuedAsync(page));

        await page.Context.SetOfflineAsync(false);

        await Expect(line).ToHaveTextAsync($"Tersimpan · Jumlah TPS {mine}");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Terkirim" })).ToBeVisibleAsync();
        Assert.Equal(0, await QueuedAsync(page));
        var (check, headers) = await SignedInAsync("penghubung.kpu");
        Assert.Equal(mine, (await CurrentAsync(check, headers, code)).GetProperty("tps").GetInt32());
        // Stored once: the history of the kecamatan has one change to this number.
        await check.GotoAsync($"/wilayah/{code}");
        var history = check.GetByRole(AriaRole.Region, new() { Name = "Angka wilayah" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = $"Jumlah TPS: {before} → {mine}" });
        await Expect(history).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await check.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private async Task<(IPage Page, Dictionary<string, string> Headers)> SignedInAsync(string user)
    {
        var page = await fixture.SignedInPageAsync(user, width: 390, height: 844);
        return (page, await TokenAsync(page));
    }

    /// <summary>The page's antiforgery token as the header the write endpoints read, from the page the browser is on.</summary>
    private static async Task<Dictionary<string, string>> TokenAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var token = await page.Locator("meta[name='antiforgery']").GetAttributeAsync("content");
        return new() { ["RequestVerificationToken"] = token! };
    }

    private static async Task<(int Status, JsonElement Json)> PostAsync(IPage page, Dictionary<string, string> headers, string code, object body)
    {
        var response = await page.APIRequest.PostAsync($"/api/wilayah/{code}/angka", new() { DataObject = body, Headers = headers });
        return (response.Status, (await response.JsonAsync())!.Value);
    }

    /// <summary>
    /// The kecamatan's figures as they stand, from the endpoint itself: a save against a version no figures ever have
    /// is a conflict, and a conflict carries the current figures.
    /// </summary>
    private static async Task<JsonElement> CurrentAsync(IPage page, Dictionary<string, string> headers, string code)
    {
        var (status, json) = await PostAsync(page, headers, code, new { expectedVersion = -1, operationId = Guid.NewGuid(), tps = 1 });
        Assert.Equal(409, status);
        return json.GetProperty("figures");
    }

    private static (int Tps, int Version) Figures(JsonElement answer) =>
        (answer.GetProperty("figures").GetProperty("tps").GetInt32(), answer.GetProperty("figures").GetProperty("version").GetInt32());

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
}
