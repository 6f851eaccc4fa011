using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Web.Components.Shared;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Shared;

/// <summary>The map over the real boundaries of Kutai Kartanegara (20 kecamatan) and Morowali (one without a boundary).</summary>
public class RegionMapTests : BunitContext
{
    private static readonly RegionBoundaries Boundaries = new();

    private static readonly string[] KukarNames =
    [
        "Muara Muntai", "Loa Kulu", "Loa Janan", "Anggana", "Muara Badak", "Tenggarong", "Sebulu", "Kota Bangun", "Kenohan",
        "Kembang Janggut", "Muara Kaman", "Tabang", "Samboja", "Muara Jawa", "Sanga Sanga", "Tenggarong Seberang",
        "Marang Kayu", "Muara Wis", "Kota Bangun Darat", "Samboja Barat",
    ];

    public RegionMapTests()
    {
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private static List<RegionMapFigure> Kukar(Func<int, RegionMapFigure, RegionMapFigure>? change = null) =>
        KukarNames.Select((name, i) =>
        {
            var figure = new RegionMapFigure($"64.02.{i + 1:00}", name, new ReadinessCounts(2, 1, 1, 0), 0, null);
            return change?.Invoke(i, figure) ?? figure;
        }).ToList();

    private IRenderedComponent<RegionMap> RenderMap(RegionMapGeometry geometry, IReadOnlyList<RegionMapFigure> figures) =>
        Render<RegionMap>(p => p
            .Add(x => x.Geometry, geometry)
            .Add(x => x.Regions, figures)
            .Add(x => x.Title, "Peta kecamatan"));

    [Fact]
    public async Task A_regencys_map_has_one_named_link_per_kecamatan()
    {
        var figures = Kukar((i, f) => f.Name == "Tenggarong" ? f with { Counts = new ReadinessCounts(8, 0, 4, 4) } : f);

        var cut = RenderMap(await Boundaries.ChildrenOfAsync("64.02"), figures);

        var links = cut.FindAll("svg a.region-map-region");
        Assert.Equal(20, links.Count);
        Assert.Equal(figures.Select(f => $"/wilayah/{f.Code}"), links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.NotNull(a.QuerySelector("path.region-map-shape[d^='M']")));
        var tenggarong = cut.Find("a[data-region='64.02.06']");
        Assert.Equal("Tenggarong: 25% siap, 4 kendala, 0 terlambat", tenggarong.GetAttribute("aria-label"));
        Assert.Equal("Tenggarong: 25% siap, 4 kendala, 0 terlambat", tenggarong.QuerySelector("title")!.TextContent);
        Assert.Equal("Muara Muntai: 25% siap, 0 kendala, 0 terlambat", cut.Find("a[data-region='64.02.01']").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_kecamatan_without_a_boundary_is_named_as_not_drawn()
    {
        var figures = new[] { "05", "06", "07", "08", "09", "10", "12", "15", "18", "20" }
            .Select(c => new RegionMapFigure($"72.06.{c}", c == "20" ? "Sombori Kepulauan" : $"Kecamatan {c}", ReadinessCounts.Empty, 0, null))
            .ToList();

        var cut = RenderMap(await Boundaries.ChildrenOfAsync("72.06"), figures);

        Assert.Equal(9, cut.FindAll("a.region-map-region").Count);
        Assert.Empty(cut.FindAll("a[data-region='72.06.20']"));
        Assert.Contains("1 wilayah tidak tergambar", cut.Find(".region-map-missing").TextContent);
        Assert.Contains("Sombori Kepulauan", cut.Find(".region-map-missing").TextContent);
        Assert.Equal("Kecamatan 05: belum ada butir", cut.Find("a[data-region='72.06.05']").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData(0, 4, "region-map-ready-0")]
    [InlineData(1, 4, "region-map-ready-0")] // 20%: red, not the first green
    [InlineData(1, 3, "region-map-ready-1")] // 25%
    [InlineData(3, 2, "region-map-ready-2")] // 60%
    [InlineData(3, 1, "region-map-ready-3")] // 75%
    [InlineData(4, 0, "region-map-ready-4")]
    [InlineData(999, 1, "region-map-ready-3")] // 99.9%: not yet every item
    public async Task The_fill_follows_the_share_siap(int ready, int notStarted, string expected)
    {
        var figures = Kukar((i, f) => i == 5 ? f with { Counts = new ReadinessCounts(notStarted, 0, ready, 0) } : f);

        var cut = RenderMap(await Boundaries.ChildrenOfAsync("64.02"), figures);

        Assert.Contains(expected, cut.Find("a[data-region='64.02.06'] path.region-map-shape").ClassList);
    }

    [Fact]
    public async Task New_figures_from_the_page_recolour_the_shape_and_rename_it()
    {
        var geometry = await Boundaries.ChildrenOfAsync("64.02");
        var cut = RenderMap(geometry, Kukar());
        Assert.Contains("region-map-ready-1", cut.Find("a[data-region='64.02.06'] path.region-map-shape").ClassList);

        cut.Render(p => p.Add(x => x.Regions, Kukar((i, f) => i == 5 ? f with { Counts = new ReadinessCounts(0, 0, 4, 0) } : f)));

        var tenggarong = cut.Find("a[data-region='64.02.06']");
        Assert.Contains("region-map-ready-4", tenggarong.QuerySelector("path.region-map-shape")!.ClassList);
        Assert.Equal("Tenggarong: 100% siap, 0 kendala, 0 terlambat", tenggarong.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_region_without_items_is_not_drawn_as_zero_percent()
    {
        var cut = RenderMap(await Boundaries.ChildrenOfAsync("64.02"),
            Kukar((i, f) => i == 5 ? f with { Counts = ReadinessCounts.Empty } : f));

        Assert.Contains("region-map-none", cut.Find("a[data-region='64.02.06'] path.region-map-shape").ClassList);
    }

    [Fact]
    public async Task High_risk_regions_are_hatched_and_others_not()
    {
        var east = await Boundaries.ChildrenOfAsync("64");
        var figures = east.Shapes.Select(s => new RegionMapFigure(s.Code, s.Code, new ReadinessCounts(1, 0, 1, 0), 0,
            s.Code == "64.02" ? RiskLevel.High : s.Code == "64.01" ? RiskLevel.Medium : null)).ToList();

        var cut = RenderMap(east, figures);

        var hatched = cut.FindAll("path.region-map-hatch").Select(p => p.ParentElement!.GetAttribute("data-region")).ToList();
        Assert.Equal(["64.02"], hatched);
        var patternId = cut.Find("pattern").Id;
        Assert.Equal($"url(#{patternId})", cut.Find("a[data-region='64.02'] path.region-map-hatch").GetAttribute("fill"));
        Assert.EndsWith(", risiko tinggi", cut.Find("a[data-region='64.02']").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_region_with_a_kendala_carries_a_marker()
    {
        var cut = RenderMap(await Boundaries.ChildrenOfAsync("64.02"),
            Kukar((i, f) => i == 5 ? f with { Counts = new ReadinessCounts(1, 0, 1, 2) } : f));

        var marked = cut.FindAll("svg.region-map-svg .region-map-marker").Select(m => m.ParentElement!.GetAttribute("data-region")).ToList();
        Assert.Equal(["64.02.06"], marked);
    }

    [Fact]
    public async Task The_switch_recolours_by_kendala_count_and_by_overdue_count()
    {
        var cut = RenderMap(await Boundaries.ChildrenOfAsync("64.02"),
            Kukar((i, f) => i == 5 ? f with { Counts = new ReadinessCounts(0, 0, 1, 5), Overdue = 1 } : f));

        cut.Find("button[data-measure='Blocked']").Click();
        Assert.Contains("region-map-count-3", cut.Find("a[data-region='64.02.06'] path.region-map-shape").ClassList);
        Assert.Contains("region-map-count-0", cut.Find("a[data-region='64.02.01'] path.region-map-shape").ClassList);
        Assert.Equal("true", cut.Find("button[data-measure='Blocked']").GetAttribute("aria-pressed"));

        cut.Find("button[data-measure='Overdue']").Click();
        Assert.Contains("region-map-count-1", cut.Find("a[data-region='64.02.06'] path.region-map-shape").ClassList);
        Assert.Equal("Terlambat:", cut.Find(".region-map-legend-title").TextContent);
    }

    [Fact]
    public async Task Focusing_a_region_names_it_with_its_figures_above_the_map()
    {
        var cut = RenderMap(await Boundaries.ChildrenOfAsync("64.02"), Kukar());

        cut.Find("a[data-region='64.02.06']").Focus();

        Assert.Equal("Tenggarong: 25% siap, 0 kendala, 0 terlambat", cut.Find(".region-map-focus").TextContent);
    }

    [Fact]
    public async Task On_the_wall_regions_are_named_images_not_links()
    {
        var cut = Render<RegionMap>(p => p
            .Add(x => x.Geometry, Boundaries.ChildrenOfAsync("64.02").Result)
            .Add(x => x.Regions, Kukar())
            .Add(x => x.Title, "Peta kecamatan")
            .Add(x => x.Linked, false)
            .Add(x => x.ShowSwitch, false));
        await Task.CompletedTask;

        Assert.Empty(cut.FindAll("a"));
        Assert.Empty(cut.FindAll("button"));
        Assert.Equal(20, cut.FindAll("g.region-map-region[role='img'][aria-label]").Count);
    }

    [Fact]
    public async Task Each_label_carries_the_figure_of_the_measure_shown_so_no_reading_needs_a_pointer()
    {
        var cut = RenderMap(await Boundaries.ChildrenOfAsync("64.02"),
            Kukar((i, f) => i == 5 ? f with { Counts = new ReadinessCounts(1, 0, 1, 2), Overdue = 3 } : f));

        string Value() => cut.FindAll(".region-map-labels text").Single(t => t.TextContent.StartsWith("Tenggarong", StringComparison.Ordinal)
            && !t.TextContent.StartsWith("Tenggarong Seberang", StringComparison.Ordinal)).QuerySelector("tspan.region-map-value")!.TextContent;
        Assert.Equal("25%", Value());

        cut.Find("button[data-measure='Blocked']").Click();
        Assert.Equal("2", Value());

        cut.Find("button[data-measure='Overdue']").Click();
        Assert.Equal("3", Value());
    }

    [Fact]
    public async Task Labels_never_overlap_each_other()
    {
        var cut = RenderMap(await Boundaries.ChildrenOfAsync("64.02"), Kukar());

        var boxes = cut.FindAll(".region-map-labels text").Select(t =>
        {
            var x = double.Parse(t.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture);
            var y = double.Parse(t.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture);
            var half = t.ChildNodes[0].TextContent.Length * 14 / 2.0;
            return (Left: x - half, Top: y - 22, Right: x + half, Bottom: y + 30);
        }).ToList();

        Assert.True(boxes.Count >= 8, $"Only {boxes.Count} labels placed.");
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                Assert.False(a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom, $"Labels {i} and {j} overlap.");
            }
        }
    }
}
