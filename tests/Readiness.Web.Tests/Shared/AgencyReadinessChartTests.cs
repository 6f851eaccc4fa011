using MudBlazor.Services;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Checklists;
using Readiness.Web.Components.Shared;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Shared;

public class AgencyReadinessChartTests : BunitContext, IAsyncLifetime
{
    public AgencyReadinessChartTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);

        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    // Pemda: 10 items, 5 siap, 2 proses, 2 kendala, 1 belum. KPU: 4 items, all siap. Bawaslu: 4 items, 1 siap, 3 belum.
    private static readonly ReadinessCounts Pemda = new(NotStarted: 1, InProgress: 2, Ready: 5, Blocked: 2);
    private static readonly ReadinessCounts Kpu = new(NotStarted: 0, InProgress: 0, Ready: 4, Blocked: 0);
    private static readonly ReadinessCounts Bawaslu = new(NotStarted: 3, InProgress: 0, Ready: 1, Blocked: 0);

    private IRenderedComponent<AgencyReadinessChart> RenderChart(params (string Label, ReadinessCounts Counts)[] rows) =>
        Render<AgencyReadinessChart>(p => p
            .Add(x => x.Rows, rows)
            .Add(x => x.Title, "Kesiapan per instansi"));

    private static double Number(string? attribute) => double.Parse(attribute!, CultureInfo.InvariantCulture);

    private static List<(string Status, double X, double Width)> Segments(IRenderedComponent<AgencyReadinessChart> cut, string label) =>
        cut.Find($"svg g.row[data-label='{label}']").QuerySelectorAll("rect.seg")
            .Select(r => (r.ClassList.Single(c => c.StartsWith("seg-", StringComparison.Ordinal))[4..],
                          Number(r.GetAttribute("x")), Number(r.GetAttribute("width"))))
            .ToList();

    [Fact]
    public void Each_row_is_a_bar_whose_segments_are_as_wide_as_their_share_stacked_ready_in_progress_blocked_not_started()
    {
        var cut = RenderChart(("Pemda", Pemda));

        const double x0 = AgencyReadinessChart.BarX;
        const double full = AgencyReadinessChart.BarWidth;
        Assert.Equal(
            [
                ("siap", x0, full * 5 / 10), ("proses", x0 + full * 5 / 10, full * 2 / 10),
                ("kendala", x0 + full * 7 / 10, full * 2 / 10), ("belum", x0 + full * 9 / 10, full * 1 / 10),
            ],
            Segments(cut, "Pemda"));
    }

    [Fact]
    public void Bars_of_different_rows_share_one_scale_so_a_full_bar_is_the_whole_width()
    {
        var cut = RenderChart(("Pemda", Pemda), ("KPU", Kpu), ("Bawaslu", Bawaslu));

        Assert.Equal([("siap", AgencyReadinessChart.BarX, AgencyReadinessChart.BarWidth)], Segments(cut, "KPU"));
        var bawaslu = Segments(cut, "Bawaslu");
        Assert.Equal(["siap", "belum"], bawaslu.Select(s => s.Status));
        Assert.Equal(AgencyReadinessChart.BarWidth * 0.25, bawaslu[0].Width, 2);
        Assert.Equal(AgencyReadinessChart.BarWidth * 0.75, bawaslu[1].Width, 2);
    }

    [Fact]
    public void Rows_are_drawn_in_the_given_order_one_below_the_other()
    {
        var cut = RenderChart(("Pemda", Pemda), ("KPU", Kpu), ("Bawaslu", Bawaslu));

        var labels = cut.FindAll("svg text.label").ToList();
        Assert.Equal(["Pemda", "KPU", "Bawaslu"], labels.Select(t => t.TextContent.Trim()));
        var ys = labels.Select(t => Number(t.GetAttribute("y"))).ToList();
        Assert.True(ys[0] < ys[1] && ys[1] < ys[2], $"Rows overlap or are out of order: {string.Join(", ", ys)}");
    }

    [Fact]
    public void Name_is_written_at_the_left_and_the_ready_percentage_at_the_right_inside_the_svg()
    {
        var cut = RenderChart(("Pemda", Pemda), ("KPU", Kpu), ("Bawaslu", Bawaslu));

        var pemda = cut.Find("svg g.row[data-label='Pemda']");
        var label = pemda.QuerySelector("text.label")!;
        var share = pemda.QuerySelector("text.share")!;
        Assert.Equal("Pemda", label.TextContent.Trim());
        Assert.Equal("50%", share.TextContent.Trim());
        Assert.True(Number(label.GetAttribute("x")) < AgencyReadinessChart.BarX);
        Assert.True(Number(share.GetAttribute("x")) > AgencyReadinessChart.BarX + AgencyReadinessChart.BarWidth);
        Assert.Equal(["50%", "100%", "25%"], cut.FindAll("svg text.share").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public void A_row_without_items_gets_a_dash_and_no_segment_while_the_others_are_drawn()
    {
        var cut = RenderChart(("Pemda", Pemda), ("TNI", ReadinessCounts.Empty));

        var tni = cut.Find("svg g.row[data-label='TNI']");
        Assert.Empty(tni.QuerySelectorAll("rect.seg"));
        Assert.Equal("—", tni.QuerySelector("text.share")!.TextContent.Trim());
        Assert.Equal(4, Segments(cut, "Pemda").Count);
    }

    [Fact]
    public void Blocked_segment_is_hatched_with_a_pattern_defined_in_the_chart()
    {
        var cut = RenderChart(("Pemda", Pemda));

        var patternId = cut.Find("svg defs pattern").Id;
        Assert.False(string.IsNullOrEmpty(patternId));
        Assert.Equal($"url(#{patternId})", cut.Find("svg rect.seg-kendala").GetAttribute("fill"));
        Assert.Null(cut.Find("svg rect.seg-siap").GetAttribute("fill"));
    }

    [Fact]
    public void Chart_is_an_image_whose_accessible_label_gives_the_title_and_every_count_of_every_row()
    {
        var cut = RenderChart(("Pemda", Pemda), ("KPU", Kpu), ("TNI", ReadinessCounts.Empty));

        var svg = cut.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(
            "Kesiapan per instansi. " +
            "Pemda: 5 dari 10 butir siap, 2 dalam proses, 2 kendala, 1 belum mulai; " +
            "KPU: 4 dari 4 butir siap, 0 dalam proses, 0 kendala, 0 belum mulai; " +
            "TNI: Tidak ada butir",
            svg.GetAttribute("aria-label"));
    }

    [Fact]
    public void Counts_in_the_accessible_label_are_formatted_with_the_current_culture()
    {
        var cut = RenderChart(("KPU", new ReadinessCounts(NotStarted: 0, InProgress: 0, Ready: 1234, Blocked: 0)));

        Assert.Contains("KPU: 1.234 dari 1.234 butir siap", cut.Find("svg").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void Accessible_label_and_legend_follow_the_english_culture()
    {
        TestCulture.Use(TestCulture.English);

        var cut = RenderChart(("Pemda", Pemda));

        Assert.Contains("Pemda: 5 of 10 items ready, 2 in progress, 2 blocked, 1 not started",
            cut.Find("svg").GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(["Ready", "In progress", "Blocked", "Not started"],
            cut.FindAll(".legend li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void Legend_names_each_status_by_word_and_icon_in_the_bar_order()
    {
        var cut = RenderChart(("Pemda", Pemda));

        var items = cut.FindAll(".legend li").ToList();
        Assert.Equal(["Siap", "Dalam proses", "Kendala", "Belum mulai"], items.Select(li => li.TextContent.Trim()));
        // Each word has its own drawn icon, hidden from screen readers.
        Assert.All(items, li => Assert.Equal("true", li.QuerySelector("svg")!.GetAttribute("aria-hidden")));
        Assert.Equal(4, items.Select(li => li.QuerySelector("svg")!.InnerHtml).Distinct().Count());
    }

    [Fact]
    public void No_rows_show_the_no_items_text_instead_of_a_chart()
    {
        var cut = RenderChart();

        Assert.Equal("Tidak ada butir", cut.Find(".agency-chart").TextContent.Trim());
        Assert.Empty(cut.FindAll("svg"));
        Assert.Empty(cut.FindAll(".legend"));
    }

    [Fact]
    public void Rows_that_all_have_no_items_show_the_no_items_text_instead_of_a_chart()
    {
        var cut = RenderChart(("Pemda", ReadinessCounts.Empty), ("KPU", ReadinessCounts.Empty));

        Assert.Equal("Tidak ada butir", cut.Find(".agency-chart").TextContent.Trim());
        Assert.Empty(cut.FindAll("svg"));
    }

    [Fact]
    public void Chart_scales_to_its_container_through_a_view_box()
    {
        var cut = RenderChart(("Pemda", Pemda), ("KPU", Kpu));

        var svg = cut.Find("svg");
        Assert.StartsWith($"0 0 {AgencyReadinessChart.Width} ", svg.GetAttribute("viewBox"), StringComparison.Ordinal);
        Assert.Null(svg.GetAttribute("width"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
