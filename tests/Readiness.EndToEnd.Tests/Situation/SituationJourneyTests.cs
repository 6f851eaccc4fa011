using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Situation;

/// <summary>
/// A Polri liaison on a phone records a clash in Ampenan (Kota Mataram), marks it significant and raises the
/// kecamatan to AG; an open wall shows the level and the significant event live, the region map's Kamtibmas colours
/// change without a reload, and the leader's brief lists the clash.
/// </summary>
[Collection(SituationApp.Name)]
public sealed partial class SituationJourneyTests(AppFixture fixture)
{
    [Fact]
    public async Task A_clash_recorded_on_a_phone_and_a_move_to_AG_reach_the_wall_the_map_and_the_brief()
    {
        var wall = await fixture.SignedInPageAsync("pimpinan", width: 1440, height: 900);
        await wall.GotoAsync("/layar/52.71");
        await Expect(wall.Locator("[data-staleness='fresh']")).ToBeVisibleAsync(new() { Timeout = 60_000 }); // the wall's circuit is up
        await Expect(wall.Locator("[data-wall-situation]")).ToBeVisibleAsync();
        await Expect(wall.Locator(".wall-situation")).Not.ToContainTextAsync("Ampenan");

        var leader = await fixture.SignedInPageAsync("pimpinan", width: 1440, height: 900);
        await leader.GotoAsync("/wilayah/52.71");
        await AppFixture.WaitForInteractiveAsync(leader);
        await leader.Locator("button[data-measure='Situation']").ClickAsync();
        var ampenan = leader.Locator("svg.region-map-svg a[data-region='52.71.01'] path.region-map-shape");
        await Expect(ampenan).ToHaveClassAsync(new Regex("region-map-situation-none"));
        await Expect(leader.Locator(".region-map-legend")).ToContainTextAsync("AG · ambang gangguan");

        // The liaison on a phone: the form, then the incident's page.
        var phone = await fixture.SignedInPageAsync("penghubung.polri", width: 390, height: 844);
        await phone.GotoAsync("/kejadian/baru?wilayah=52.71.01");
        await AppFixture.WaitForInteractiveAsync(phone);
        await phone.GetByLabel("Desa/kelurahan atau TPS").FillAsync("Kel. Ampenan Selatan, TPS 09");
        await phone.GetByRole(AriaRole.Radio, new() { Name = "Bentrok" }).CheckAsync();
        await phone.GetByRole(AriaRole.Radio, new() { Name = "Berat" }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Simpan kejadian" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex(@"/kejadian/\d+$"));
        var incidentId = phone.Url.Split('/')[^1];
        await AppFixture.WaitForInteractiveAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Tandai penting" }).ClickAsync();
        await Expect(phone.Locator(".incident-penting").First).ToBeVisibleAsync();

        // The kecamatan's level: AG, from its own page.
        await phone.GotoAsync("/wilayah/52.71.01");
        await AppFixture.WaitForInteractiveAsync(phone);
        await AppFixture.SelectAsync(phone, "Tingkat Kamtibmas", "AG · ambang gangguan");
        await phone.GetByLabel("Alasan singkat").FillAsync("Bentrok antarpendukung, massa masih berkumpul");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Simpan tingkat" }).ClickAsync();
        await Expect(phone.Locator(".situation-current [data-situation='ag']")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Browser.ArtifactPath("kamtibmas-phone-390.png"), FullPage = true });

        // Live on the wall: the raised kecamatan and the significant clash on top of the ticker.
        await Expect(wall.Locator(".wall-situation")).ToContainTextAsync("Ampenan");
        var headline = wall.Locator($"[data-wall-headline='{incidentId}']");
        await Expect(headline).ToContainTextAsync("Bentrok");
        await Expect(headline).ToContainTextAsync("TPS 09");
        await wall.ScreenshotAsync(new() { Path = Browser.ArtifactPath("kamtibmas-wall.png") });

        // Live on the map, without a reload.
        await Expect(ampenan).ToHaveClassAsync(new Regex("region-map-situation-ag"));

        // The brief lists it.
        var brief = await fixture.SignedInPageAsync("pimpinan");
        await brief.GotoAsync("/wilayah/52.71/ringkasan");
        await Expect(brief.Locator($"[data-incident='{incidentId}']")).ToContainTextAsync("Kel. Ampenan Selatan, TPS 09");
        await Expect(brief.Locator($"[data-incident='{incidentId}']")).ToContainTextAsync("Penting");
    }
}
