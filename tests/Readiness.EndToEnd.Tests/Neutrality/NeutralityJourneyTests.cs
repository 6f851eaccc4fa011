using System.IO.Compression;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using Readiness.EndToEnd.Tests.Wall;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Neutrality;

/// <summary>
/// A neutrality case from a Bawaslu liaison's phone to the PPK's sanction: the leader sees it waiting on the region
/// page and the brief and records the sanction, and an open wall's counts follow live without ever showing the name.
/// </summary>
[Collection(NeutralityApp.Name)]
public sealed partial class NeutralityJourneyTests(AppFixture fixture)
{
    private const string Name = "ASN Contoh Perjalanan";

    [Fact]
    public async Task A_case_recorded_on_a_phone_reaches_the_PPK_is_sanctioned_by_the_leader_and_the_wall_counts_it_without_a_name()
    {
        var wall = await OpenWallAsync();
        var wallLine = wall.Locator("[data-testid=neutrality-panel]");
        await Expect(wallLine).ToContainTextAsync("kasus");
        var casesBefore = Count(await wallLine.InnerTextAsync(), CasesPattern());

        // The Bawaslu liaison records the case on a phone and sends it on to the PPK.
        var liaison = await fixture.SignedInPageAsync("penghubung.bawaslu", width: 390, height: 844);
        await liaison.GotoAsync("/wilayah/64.02/netralitas");
        await AppFixture.WaitForInteractiveAsync(liaison);
        await liaison.GetByLabel("Nama ASN").FillAsync(Name);
        await liaison.GetByLabel("NIP (18 angka)").FillAsync("198706152012031099");
        await liaison.GetByLabel("Jabatan").FillAsync("Penata Kependudukan (contoh)");
        await liaison.GetByLabel("OPD", new() { Exact = true }).FillAsync("Dinas Kependudukan dan Pencatatan Sipil");
        await liaison.GetByLabel("Kronologi singkat").FillAsync("Membagikan unggahan salah satu pasangan calon.");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "Simpan kasus" }).ClickAsync();
        var recorded = liaison.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = RecordedPattern() });
        await Expect(recorded).ToBeVisibleAsync();
        var caseId = RecordedPattern().Match(await recorded.InnerTextAsync()).Groups[1].Value;
        var card = liaison.GetByRole(AriaRole.Article, new() { Name = $"Kasus #{caseId}", Exact = true });
        await Expect(card).ToContainTextAsync(Name);
        await Expect(wallLine).ToContainTextAsync($"{casesBefore + 1} kasus");

        foreach (var (button, step) in new[] { ("Mulai kajian", "Kajian"), ("Rekomendasikan ke BKN", "Rekomendasi ke BKN"), ("Rekomendasi BKN ke PPK", "Menunggu sanksi PPK") })
        {
            await card.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await Expect(card).ToContainTextAsync(step);
        }

        // A Bawaslu liaison may not record the PPK's sanction.
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Catat sanksi" })).ToHaveCountAsync(0);

        // The leader sees it waiting at the PPK on the region page and the brief.
        var leader = await fixture.SignedInPageAsync("pimpinan");
        await leader.GotoAsync("/wilayah/64.02");
        var waiting = leader.Locator("[data-testid=neutrality-waiting]");
        await Expect(waiting).ToContainTextAsync("rekomendasi menunggu sanksi");
        var waitingBefore = Count(await waiting.InnerTextAsync(), WaitingPattern());
        var brief = await fixture.SignedInPageAsync("pimpinan");
        await brief.GotoAsync("/wilayah/64.02/ringkasan");
        await Expect(brief.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"Kasus #{caseId} ·" })).ToBeVisibleAsync();

        // The leader records the sanction; the region page and the wall follow live.
        await leader.GotoAsync("/wilayah/64.02/netralitas");
        await AppFixture.WaitForInteractiveAsync(leader);
        var leaderCard = leader.GetByRole(AriaRole.Article, new() { Name = $"Kasus #{caseId}", Exact = true });
        await leaderCard.GetByRole(AriaRole.Button, new() { Name = "Catat sanksi" }).ClickAsync();
        await Expect(leaderCard).ToContainTextAsync("Sanksi dijatuhkan");
        await Expect(leaderCard).ToContainTextAsync("Sanksi moral");

        var region = await fixture.SignedInPageAsync("pimpinan");
        await region.GotoAsync("/wilayah/64.02");
        await Expect(region.Locator("[data-testid=neutrality-panel]")).ToContainTextAsync(waitingBefore - 1 == 0 ? "kasus" : $"{waitingBefore - 1} rekomendasi menunggu sanksi");
        await Expect(wallLine).ToContainTextAsync(waitingBefore - 1 == 0 ? $"{casesBefore + 1} kasus" : $"{waitingBefore - 1} rekomendasi menunggu sanksi");
        Assert.DoesNotContain(Name, await wall.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("198706152012031099", await wall.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewers_export_has_no_names_and_a_leaders_has_them()
    {
        var leader = await fixture.SignedInPageAsync("pimpinan");
        var viewer = await fixture.SignedInPageAsync("pemantau");
        var kpu = await fixture.SignedInPageAsync("penghubung.kpu");

        var withNames = await SheetTextAsync(await (await leader.APIRequest.GetAsync("/wilayah/64.02/netralitas.xlsx")).BodyAsync());
        var viewerResponse = await viewer.APIRequest.GetAsync("/wilayah/64.02/netralitas.xlsx");
        var withoutNames = await SheetTextAsync(await viewerResponse.BodyAsync());
        var kpuText = await SheetTextAsync(await (await kpu.APIRequest.GetAsync("/wilayah/64.02/netralitas.xlsx")).BodyAsync());

        Assert.Contains("ASN Contoh", withNames, StringComparison.Ordinal);
        Assert.Equal(200, viewerResponse.Status);
        Assert.Contains("Menunggu sanksi PPK", withoutNames, StringComparison.Ordinal);
        Assert.DoesNotContain("ASN Contoh", withoutNames, StringComparison.Ordinal);
        Assert.DoesNotContain("ASN Contoh", kpuText, StringComparison.Ordinal);
        Assert.Matches(@"filename=netralitas-64\.02-\d{8}-\d{4}-WITA\.xlsx", viewerResponse.Headers["content-disposition"]);
    }

    [Theory]
    [InlineData("penghubung.bawaslu", "/wilayah/64.02/netralitas", 390, 844)]
    [InlineData("pimpinan", "/wilayah/64.02/netralitas", 1440, 900)]
    [InlineData("admin", "/admin/netralitas", 1440, 900)]
    public async Task The_case_pages_have_no_serious_or_critical_accessibility_violation(string user, string path, int width, int height)
    {
        var page = await fixture.SignedInPageAsync(user, width: width, height: height);
        await page.GotoAsync(path);
        await AppFixture.WaitForInteractiveAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{path} as {user}:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}; e.g. {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    private async Task<IPage> OpenWallAsync()
    {
        var url = await fixture.CreateScreenTokenAsync("Netralitas " + Guid.NewGuid().ToString("N")[..6], "64.02");
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        var wall = await context.NewPageAsync();
        await wall.GotoAsync(url);
        await Expect(wall.GetByRole(AriaRole.Heading, new() { Name = "Kabupaten Kutai Kartanegara", Level = 1 })).ToBeVisibleAsync();
        await WallJourneyTests.WaitForHeartbeatAsync(wall);
        return wall;
    }

    private static int Count(string text, Regex pattern) => int.Parse(pattern.Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static Task<string> SheetTextAsync(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEndAsync();
    }

    [GeneratedRegex(@"(\d+) kasus")]
    private static partial Regex CasesPattern();

    [GeneratedRegex(@"(\d+) rekomendasi menunggu sanksi")]
    private static partial Regex WaitingPattern();

    [GeneratedRegex(@"Kasus #(\d+) tercatat")]
    private static partial Regex RecordedPattern();
}
