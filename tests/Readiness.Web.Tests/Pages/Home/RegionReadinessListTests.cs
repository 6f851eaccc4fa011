using MudBlazor.Services;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Web.Components.Pages.Home;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Pages.Home;

public class RegionReadinessListTests : BunitContext, IAsyncLifetime
{
    public RegionReadinessListTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);

        // The sort buttons read RendererInfo: rendered as over a live Blazor Server circuit unless a test says otherwise.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    // Ready shares: Bandung 90%, Jayapura 50%, Makassar 10%. By name: Bandung, Jayapura, Makassar.
    private static readonly RegionReadinessList.Row Bandung = Row(
        "32.04", "Kabupaten Bandung", "Jawa Barat", "Asia/Jakarta",
        new ReadinessCounts(NotStarted: 0, InProgress: 1, Ready: 9, Blocked: 0));

    private static readonly RegionReadinessList.Row Makassar = Row(
        "73.71", "Kota Makassar", "Sulawesi Selatan", "Asia/Makassar",
        new ReadinessCounts(NotStarted: 6, InProgress: 1, Ready: 1, Blocked: 2),
        (Agency.Kpu, new ReadinessCounts(NotStarted: 0, InProgress: 0, Ready: 1, Blocked: 2)),
        (Agency.Polri, new ReadinessCounts(NotStarted: 6, InProgress: 1, Ready: 0, Blocked: 0)));

    private static readonly RegionReadinessList.Row Jayapura = Row(
        "91.03", "Kabupaten Jayapura", "Papua", "Asia/Jayapura",
        new ReadinessCounts(NotStarted: 5, InProgress: 0, Ready: 5, Blocked: 0));

    private static RegionReadinessList.Row Row(
        string code, string name, string province, string timeZone, ReadinessCounts overall,
        params (string Agency, ReadinessCounts Counts)[] byAgency)
    {
        var region = new Region { Code = code, Level = RegionLevel.Regency, Name = name, TimeZone = timeZone };
        var agencies = byAgency.Length > 0
            ? byAgency.ToDictionary(a => a.Agency, a => a.Counts)
            : new Dictionary<string, ReadinessCounts> { [Agency.Pemda] = overall };
        return new RegionReadinessList.Row(region, province, new RegionReadiness(code, overall, agencies));
    }

    private IRenderedComponent<RegionReadinessList> RenderList(params RegionReadinessList.Row[] rows) =>
        Render<RegionReadinessList>(p => p.Add(x => x.Regions, rows));

    private static List<string> CardNames(IRenderedComponent<RegionReadinessList> cut) =>
        cut.FindAll("section.region-card h2").Select(h => h.TextContent.Trim()).ToList();

    private static IElement Card(IRenderedComponent<RegionReadinessList> cut, string regionName) =>
        cut.FindAll("section.region-card").Single(c => c.QuerySelector("h2")!.TextContent.Trim() == regionName);

    private static IElement Button(IRenderedComponent<RegionReadinessList> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public void Renders_a_card_per_region_with_its_name_code_province_and_time_zone()
    {
        var cut = RenderList(Bandung, Makassar, Jayapura);

        Assert.Equal(3, cut.FindAll("section.region-card").Count);
        var makassar = Card(cut, "Kota Makassar");
        Assert.Equal("73.71", makassar.QuerySelector(".region-code")!.TextContent.Trim());
        var summary = makassar.QuerySelector("p")!.TextContent;
        Assert.Contains("Sulawesi Selatan", summary);
        Assert.Contains("WITA", summary);
        Assert.Contains("10 butir", summary);
    }

    [Fact]
    public void Card_is_labelled_by_its_region_heading()
    {
        var cut = RenderList(Makassar);

        var card = cut.Find("section.region-card");
        var headingId = card.GetAttribute("aria-labelledby");
        Assert.Equal("Kota Makassar", cut.Find($"[id='{headingId}']").TextContent.Trim());
    }

    [Fact]
    public void Each_card_has_a_row_per_agency_for_all_five_agencies_in_order()
    {
        var cut = RenderList(Bandung, Makassar);

        foreach (var card in cut.FindAll("section.region-card"))
        {
            var agencies = card.QuerySelectorAll("tbody tr th").Select(th => th.TextContent.Trim());
            Assert.Equal(["Pemda", "KPU", "Bawaslu", "Polri", "TNI"], agencies);
        }
    }

    [Fact]
    public void Agency_without_items_shows_no_items_instead_of_a_bar()
    {
        var cut = RenderList(Makassar);

        var rows = Card(cut, "Kota Makassar").QuerySelectorAll("tbody tr").ToList();
        var pemda = rows.Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Pemda");
        var kpu = rows.Single(r => r.QuerySelector("th")!.TextContent.Trim() == "KPU");
        Assert.Contains("Tidak ada butir", pemda.TextContent);
        Assert.Null(pemda.QuerySelector("svg"));
        Assert.Equal("KPU, Kota Makassar: 1 dari 3 butir siap, 0 dalam proses, 2 kendala, 0 belum mulai",
            kpu.QuerySelector("svg")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void Region_with_blocked_items_shows_the_kendala_count_on_the_agency_with_them()
    {
        var cut = RenderList(Makassar);

        var rows = Card(cut, "Kota Makassar").QuerySelectorAll("tbody tr").ToList();
        var kpu = rows.Single(r => r.QuerySelector("th")!.TextContent.Trim() == "KPU");
        var badge = kpu.QuerySelector(".status-chip[data-status='kendala']");
        Assert.NotNull(badge);
        Assert.Contains("Kendala", badge.TextContent);
        Assert.Equal("2", badge.QuerySelector("strong")!.TextContent.Trim());

        // The other agencies have nothing blocked: a plain 0, no badge.
        foreach (var other in rows.Where(r => r != kpu))
        {
            Assert.Null(other.QuerySelector(".status-chip"));
            Assert.Equal("0", other.QuerySelector("td.num")!.TextContent.Trim());
        }
    }

    [Fact]
    public void Overall_section_shows_a_badge_with_the_count_of_every_status()
    {
        var cut = RenderList(Makassar);

        var overall = Card(cut, "Kota Makassar").QuerySelectorAll(".mb-3 .status-chip")
            .ToDictionary(b => b.GetAttribute("data-status")!, b => b.QuerySelector("strong")!.TextContent.Trim());
        Assert.Equal(
            new Dictionary<string, string> { ["belum"] = "6", ["proses"] = "1", ["siap"] = "1", ["kendala"] = "2" },
            overall);
    }

    [Fact]
    public void Empty_list_shows_the_empty_state_and_no_cards_or_sort_buttons()
    {
        var cut = RenderList();

        Assert.Equal(
            "Belum ada wilayah dengan daftar periksa untuk pemilihan ini.",
            cut.Find("[role=status]").TextContent.Trim());
        Assert.Empty(cut.FindAll("section.region-card"));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Cards_are_sorted_by_name_at_first()
    {
        var cut = RenderList(Makassar, Jayapura, Bandung);

        Assert.Equal(["Kabupaten Bandung", "Kabupaten Jayapura", "Kota Makassar"], CardNames(cut));
        Assert.Equal("true", Button(cut, "Nama").GetAttribute("aria-pressed"));
        Assert.Equal("false", Button(cut, "Kesiapan terendah").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Lowest_readiness_button_puts_the_lowest_ready_share_first()
    {
        var cut = RenderList(Bandung, Makassar, Jayapura);

        Button(cut, "Kesiapan terendah").Click();

        Assert.Equal(["Kota Makassar", "Kabupaten Jayapura", "Kabupaten Bandung"], CardNames(cut));
        Assert.Equal("true", Button(cut, "Kesiapan terendah").GetAttribute("aria-pressed"));
        Assert.Equal("false", Button(cut, "Nama").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Name_button_sorts_back_by_name()
    {
        var cut = RenderList(Bandung, Makassar, Jayapura);
        Button(cut, "Kesiapan terendah").Click();

        Button(cut, "Nama").Click();

        Assert.Equal(["Kabupaten Bandung", "Kabupaten Jayapura", "Kota Makassar"], CardNames(cut));
        Assert.Equal("true", Button(cut, "Nama").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Region_without_items_is_not_ranked_as_lowest_readiness()
    {
        var empty = Row("11.01", "Kabupaten Aceh Selatan", "Aceh", "Asia/Jakarta", ReadinessCounts.Empty);
        var cut = RenderList(empty, Bandung, Makassar);

        Button(cut, "Kesiapan terendah").Click();

        Assert.Equal(["Kota Makassar", "Kabupaten Bandung", "Kabupaten Aceh Selatan"], CardNames(cut));
    }

    [Fact]
    public void Sort_buttons_are_enabled_once_the_circuit_is_interactive()
    {
        var cut = RenderList(Bandung, Makassar);

        Assert.Equal("true", cut.Find("[role=group]").GetAttribute("data-interactive"));
        Assert.All(cut.FindAll("button"), b => Assert.False(b.HasAttribute("disabled")));
    }

    [Fact]
    public void Sort_buttons_are_disabled_while_only_prerendered()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderList(Bandung, Makassar);

        Assert.Equal("false", cut.Find("[role=group]").GetAttribute("data-interactive"));
        Assert.Equal(2, cut.FindAll("button[disabled]").Count);
        Assert.Equal(["Kabupaten Bandung", "Kota Makassar"], CardNames(cut));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
