using MudBlazor.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Web.Components.Pages.Wall;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Pages.Wall;

public class KecamatanRotationTests : BunitContext, IAsyncLifetime
{
    public KecamatanRotationTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);

        // Rendered as over a live Blazor Server circuit, as the wall is.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static KecamatanRotation.Row OneKecamatan(int number, ReadinessCounts? kpu = null)
    {
        var code = $"73.71.{number:00}";
        var counts = kpu ?? new ReadinessCounts(NotStarted: 1, InProgress: 1, Ready: 2, Blocked: 0);
        var region = new Region
        {
            Code = code, ParentCode = "73.71", Level = RegionLevel.District, Name = $"Kecamatan {number:00}", TimeZone = "Asia/Makassar",
        };
        return new KecamatanRotation.Row(region, new RegionReadiness(code, counts, new Dictionary<string, ReadinessCounts> { [Agency.Kpu] = counts }));
    }

    private static KecamatanRotation.Row[] Kecamatan(int count) => Enumerable.Range(1, count).Select(n => OneKecamatan(n)).ToArray();

    private IRenderedComponent<KecamatanRotation> RenderRotation(IReadOnlyList<KecamatanRotation.Row> rows, int pageSize = 8) =>
        Render<KecamatanRotation>(p => p.Add(x => x.Rows, rows).Add(x => x.PageSize, pageSize));

    private static List<string> Shown(IRenderedComponent<KecamatanRotation> cut) =>
        cut.FindAll("tbody tr[data-kecamatan]").Select(r => r.GetAttribute("data-kecamatan")!).ToList();

    private static List<string> Codes(int first, int last) =>
        Enumerable.Range(first, last - first + 1).Select(n => $"73.71.{n:00}").ToList();

    private static string PageText(IRenderedComponent<KecamatanRotation> cut) => cut.Find(".wall-page").TextContent.Trim();

    [Fact]
    public void Every_cell_has_its_labelled_bar_without_a_component_per_bar()
    {
        var rows = Kecamatan(8);
        rows[2] = OneKecamatan(3, new ReadinessCounts(NotStarted: 1, InProgress: 0, Ready: 1, Blocked: 2));

        var cut = RenderRotation(rows);

        // A wall holds its table for days: each component would cost the circuit about 5 KB of render tree.
        Assert.Empty(cut.FindComponents<Readiness.Web.Components.Shared.ReadinessBar>());
        Assert.Empty(cut.FindComponents<MudBlazor.MudIcon>());
        Assert.NotNull(cut.Find("tr[data-kecamatan='73.71.03'] .wall-blocked svg[aria-hidden=true]")); // Kendala's icon, drawn
        Assert.Equal(8 * Agency.All.Count(), cut.FindAll("tbody td .readiness-bar").Count);
        var bars = cut.FindAll("tbody svg.bar"); // the rows have KPU items only; the other agencies say so in words
        Assert.Equal(8, bars.Count);
        Assert.Contains(bars, b => b.GetAttribute("aria-label")!.StartsWith("KPU, Kecamatan 03", StringComparison.Ordinal));
        var patterns = cut.FindAll("tbody svg defs pattern").Select(p => p.Id).ToList();
        Assert.Equal(patterns.Count, patterns.Distinct().Count());
    }

    [Fact]
    public void First_page_shows_the_first_page_size_kecamatan_and_page_1_of_3()
    {
        var cut = RenderRotation(Kecamatan(20));

        Assert.Equal(Codes(1, 8), Shown(cut));
        Assert.Equal("Halaman 1/3", PageText(cut));
        Assert.Equal("1", cut.Find(".wall-page").GetAttribute("data-page"));
        Assert.Equal(0, cut.Instance.PageIndex);
        Assert.Equal(3, cut.Instance.PageCount);
    }

    [Fact]
    public void Rows_show_the_kecamatan_name_in_order_given()
    {
        var cut = RenderRotation(Kecamatan(3));

        Assert.Equal(["Kecamatan 01", "Kecamatan 02", "Kecamatan 03"],
            cut.FindAll("tbody tr th[scope=row]").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public void Advance_turns_to_the_second_page()
    {
        var cut = RenderRotation(Kecamatan(20));

        cut.InvokeAsync(() => cut.Instance.Advance());

        Assert.Equal(Codes(9, 16), Shown(cut));
        Assert.Equal("Halaman 2/3", PageText(cut));
        Assert.Equal("2", cut.Find(".wall-page").GetAttribute("data-page"));
    }

    [Fact]
    public void Third_page_shows_the_remaining_kecamatan()
    {
        var cut = RenderRotation(Kecamatan(20));

        cut.InvokeAsync(() => cut.Instance.Advance());
        cut.InvokeAsync(() => cut.Instance.Advance());

        Assert.Equal(Codes(17, 20), Shown(cut));
        Assert.Equal("Halaman 3/3", PageText(cut));
    }

    [Fact]
    public void Advance_after_the_last_page_wraps_back_to_the_first()
    {
        var cut = RenderRotation(Kecamatan(20));

        for (var i = 0; i < 3; i++)
        {
            cut.InvokeAsync(() => cut.Instance.Advance());
        }

        Assert.Equal(Codes(1, 8), Shown(cut));
        Assert.Equal("Halaman 1/3", PageText(cut));
        Assert.Equal(0, cut.Instance.PageIndex);
    }

    [Fact]
    public void Few_kecamatan_fit_on_one_page_without_a_page_indicator()
    {
        var cut = RenderRotation(Kecamatan(5));

        Assert.Equal(Codes(1, 5), Shown(cut));
        Assert.Empty(cut.FindAll(".wall-page"));

        // Turning a single page keeps it in place.
        cut.InvokeAsync(() => cut.Instance.Advance());
        Assert.Equal(Codes(1, 5), Shown(cut));
        Assert.Empty(cut.FindAll(".wall-page"));
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(16, 2)]
    [InlineData(17, 3)]
    public void Page_count_turns_over_at_page_size(int rows, int pages)
    {
        var cut = RenderRotation(Kecamatan(rows));

        Assert.Equal(pages, cut.Instance.PageCount);
        if (pages == 1)
        {
            Assert.Empty(cut.FindAll(".wall-page"));
        }
        else
        {
            Assert.Equal($"Halaman 1/{pages}", PageText(cut));
        }
    }

    [Fact]
    public void Page_size_parameter_sets_the_rows_per_page()
    {
        var cut = RenderRotation(Kecamatan(10), pageSize: 4);

        Assert.Equal(Codes(1, 4), Shown(cut));
        Assert.Equal("Halaman 1/3", PageText(cut));
    }

    [Fact]
    public void No_kecamatan_shows_the_empty_text_and_no_table()
    {
        var cut = RenderRotation([]);

        Assert.Equal("Tidak ada kecamatan untuk ditampilkan.", cut.Find(".wall-empty").TextContent.Trim());
        Assert.Empty(cut.FindAll("table"));
        Assert.Empty(cut.FindAll(".wall-page"));
        Assert.Equal("Kecamatan", cut.Find("h2").TextContent.Trim());
    }

    [Fact]
    public void Table_has_a_column_per_agency_between_kecamatan_and_kendala()
    {
        var cut = RenderRotation(Kecamatan(2));

        Assert.Equal(["Kecamatan", "Pemda", "KPU", "Bawaslu", "Polri", "TNI", "Kendala"],
            cut.FindAll("thead th").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public void Each_agency_cell_shows_that_agencys_counts_in_that_kecamatan()
    {
        var cut = RenderRotation([OneKecamatan(1, new ReadinessCounts(NotStarted: 1, InProgress: 2, Ready: 3, Blocked: 4))]);

        var cells = cut.FindAll("tbody tr td .readiness-bar").ToList();
        Assert.Equal(5, cells.Count);
        Assert.Equal("KPU, Kecamatan 01: 3 dari 10 butir siap, 2 dalam proses, 4 kendala, 1 belum mulai",
            cells[1].QuerySelector("svg")!.GetAttribute("aria-label"));

        // The agencies without items in this kecamatan show no bar.
        foreach (var i in new[] { 0, 2, 3, 4 })
        {
            Assert.Null(cells[i].QuerySelector("svg"));
            Assert.Contains("Tidak ada butir", cells[i].TextContent);
        }
    }

    [Fact]
    public void Kecamatan_with_blocked_items_shows_its_kendala_count()
    {
        var blocked = OneKecamatan(1, new ReadinessCounts(NotStarted: 0, InProgress: 1, Ready: 1, Blocked: 3));
        var clear = OneKecamatan(2);
        var cut = RenderRotation([blocked, clear]);

        var blockedRow = cut.Find("tr[data-kecamatan='73.71.01']");
        Assert.Equal("3", blockedRow.QuerySelector("td.num .wall-blocked")!.TextContent.Trim());
        Assert.Null(blockedRow.QuerySelector(".wall-none"));

        var clearRow = cut.Find("tr[data-kecamatan='73.71.02']");
        Assert.Null(clearRow.QuerySelector(".wall-blocked"));
        Assert.Equal("0", clearRow.QuerySelector("td.num .wall-none")!.TextContent.Trim());
    }

    [Fact]
    public void Fewer_rows_than_the_page_shown_go_back_to_the_first_page()
    {
        var cut = RenderRotation(Kecamatan(20));
        cut.InvokeAsync(() => cut.Instance.Advance());
        cut.InvokeAsync(() => cut.Instance.Advance());

        cut.Render(p => p.Add(x => x.Rows, Kecamatan(10)));

        Assert.Equal(Codes(1, 8), Shown(cut));
        Assert.Equal("Halaman 1/2", PageText(cut));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
