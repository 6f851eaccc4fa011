using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Checklists;
using Readiness.Web.Components.Shared;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Shared;

public class ReadinessBarTests : BunitContext, IAsyncLifetime
{
    public ReadinessBarTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);
    }

    private IRenderedComponent<ReadinessBar> RenderBar(ReadinessCounts counts, string label = "Kota Bandung") =>
        Render<ReadinessBar>(p => p
            .Add(x => x.Counts, counts)
            .Add(x => x.Label, label));

    [Fact]
    public void Segments_are_as_wide_as_their_share_and_stacked_ready_in_progress_blocked_not_started()
    {
        // 10 items: 5 siap, 2 proses, 2 kendala, 1 belum.
        var cut = RenderBar(new ReadinessCounts(NotStarted: 1, InProgress: 2, Ready: 5, Blocked: 2));

        var segments = cut.FindAll("svg rect.seg")
            .Select(r => (Class: r.ClassList.Single(c => c.StartsWith("seg-", StringComparison.Ordinal)),
                          X: r.GetAttribute("x"), Width: r.GetAttribute("width")))
            .ToList();

        Assert.Equal(
            [("seg-siap", "0", "50"), ("seg-proses", "50", "20"), ("seg-kendala", "70", "20"), ("seg-belum", "90", "10")],
            segments);
    }

    [Fact]
    public void Statuses_without_items_get_no_segment()
    {
        var cut = RenderBar(new ReadinessCounts(NotStarted: 1, InProgress: 0, Ready: 3, Blocked: 0));

        var segments = cut.FindAll("svg rect.seg")
            .Select(r => (Class: r.ClassList.Single(c => c.StartsWith("seg-", StringComparison.Ordinal)),
                          X: r.GetAttribute("x"), Width: r.GetAttribute("width")))
            .ToList();

        Assert.Equal([("seg-siap", "0", "75"), ("seg-belum", "75", "25")], segments);
    }

    [Fact]
    public void Segment_widths_use_a_dot_decimal_whatever_the_culture()
    {
        // Indonesian writes 33,33; an SVG attribute needs 33.33.
        var cut = RenderBar(new ReadinessCounts(NotStarted: 2, InProgress: 0, Ready: 1, Blocked: 0));

        var ready = cut.Find("svg rect.seg-siap");
        var notStarted = cut.Find("svg rect.seg-belum");
        Assert.Equal("33.33", ready.GetAttribute("width"));
        Assert.Equal("33.33", notStarted.GetAttribute("x"));
        Assert.Equal("66.67", notStarted.GetAttribute("width"));
    }

    [Fact]
    public void Blocked_segment_is_hatched_with_the_pattern_defined_in_its_own_bar()
    {
        var cut = RenderBar(new ReadinessCounts(NotStarted: 0, InProgress: 0, Ready: 1, Blocked: 1));

        var patternId = cut.Find("svg defs pattern").Id;
        Assert.False(string.IsNullOrEmpty(patternId));
        Assert.Equal($"url(#{patternId})", cut.Find("svg rect.seg-kendala").GetAttribute("fill"));
        Assert.Null(cut.Find("svg rect.seg-siap").GetAttribute("fill"));
    }

    [Fact]
    public void Two_bars_on_one_page_do_not_share_a_pattern_id()
    {
        var counts = new ReadinessCounts(NotStarted: 0, InProgress: 0, Ready: 1, Blocked: 1);

        var first = RenderBar(counts).Find("svg defs pattern").Id;
        var second = RenderBar(counts).Find("svg defs pattern").Id;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Drawn_without_a_component_the_bar_is_the_expected_markup()
    {
        var counts = new ReadinessCounts(NotStarted: 1, InProgress: 0, Ready: 2, Blocked: 1);
        var localizer = Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Readiness.Web.Resources.SharedResource>>();

        var drawn = Render(ReadinessBar.Draw(localizer, counts, "KPU, Tenggarong", compact: true, hatchId: "hatch-t1"));

        drawn.MarkupMatches("""
            <div class="readiness-bar compact">
              <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img"
                   aria-label="KPU, Tenggarong: 2 dari 4 butir siap, 0 dalam proses, 1 kendala, 1 belum mulai">
                <defs>
                  <pattern id="hatch-t1" width="3" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="3" height="10" fill="#f1aeb5"></rect><rect width="1.5" height="10" fill="#dc3545"></rect>
                  </pattern>
                </defs>
                <rect class="seg seg-siap" x="0" y="0" width="50" height="10"></rect>
                <rect class="seg seg-kendala" x="50" y="0" width="25" height="10" fill="url(#hatch-t1)"></rect>
                <rect class="seg seg-belum" x="75" y="0" width="25" height="10"></rect>
              </svg>
              <span class="share" aria-hidden="true">50%</span>
            </div>
            """);
    }

    [Fact]
    public void A_hatch_id_that_is_not_a_plain_name_is_replaced_not_written_into_the_markup()
    {
        var localizer = Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Readiness.Web.Resources.SharedResource>>();

        var drawn = Render(ReadinessBar.Draw(localizer, new ReadinessCounts(0, 0, 1, 1), "KPU", hatchId: "x\"><script>"));

        Assert.Empty(drawn.FindAll("script"));
        var id = drawn.Find("svg defs pattern").Id!;
        Assert.Matches("^hatch-[0-9a-f]{8}$", id);
        Assert.Equal($"url(#{id})", drawn.Find("rect.seg-kendala").GetAttribute("fill"));
    }

    [Fact]
    public void Drawn_bars_of_different_labels_do_not_share_a_pattern_id_and_keep_theirs_across_renders()
    {
        var counts = new ReadinessCounts(NotStarted: 0, InProgress: 0, Ready: 1, Blocked: 1);
        var localizer = Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Readiness.Web.Resources.SharedResource>>();

        var first = Render(ReadinessBar.Draw(localizer, counts, "KPU, Tenggarong", compact: true)).Find("svg defs pattern").Id;
        var again = Render(ReadinessBar.Draw(localizer, counts, "KPU, Tenggarong", compact: true)).Find("svg defs pattern").Id;
        var other = Render(ReadinessBar.Draw(localizer, counts, "Bawaslu, Tenggarong", compact: true)).Find("svg defs pattern").Id;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_label_with_markup_and_quotes_is_text_in_the_bar_s_label_never_markup()
    {
        var label = "Kota \"Baru\" <b>&</b> 'Lama'";

        var cut = RenderBar(new ReadinessCounts(NotStarted: 1, InProgress: 0, Ready: 1, Blocked: 0), label);

        Assert.StartsWith(label + ":", cut.Find("svg").GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("b"));
        Assert.Single(cut.FindAll("svg"));
    }

    [Fact]
    public void Share_of_ready_items_is_printed_as_a_percentage()
    {
        var cut = RenderBar(new ReadinessCounts(NotStarted: 1, InProgress: 0, Ready: 3, Blocked: 0));

        var share = cut.Find(".share");
        Assert.Equal("75%", share.TextContent.Trim());
        Assert.Equal("true", share.GetAttribute("aria-hidden"));
    }

    [Fact]
    public void Share_is_rounded_to_a_whole_percent()
    {
        var cut = RenderBar(new ReadinessCounts(NotStarted: 2, InProgress: 0, Ready: 1, Blocked: 0));

        Assert.Equal("33%", cut.Find(".share").TextContent.Trim());
    }

    [Fact]
    public void Bar_is_an_image_whose_accessible_label_names_the_subject_and_every_count()
    {
        var cut = RenderBar(new ReadinessCounts(NotStarted: 4, InProgress: 2, Ready: 3, Blocked: 1), "KPU, Kota Bandung");

        var svg = cut.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(
            "KPU, Kota Bandung: 3 dari 10 butir siap, 2 dalam proses, 1 kendala, 4 belum mulai",
            svg.GetAttribute("aria-label"));
    }

    [Fact]
    public void Empty_counts_show_no_items_text_instead_of_a_bar()
    {
        var cut = RenderBar(ReadinessCounts.Empty);

        Assert.Equal("Tidak ada butir", cut.Find(".readiness-bar").TextContent.Trim());
        Assert.Empty(cut.FindAll("svg"));
        Assert.Empty(cut.FindAll(".share"));
    }

    [Fact]
    public void Compact_bar_gets_the_compact_class()
    {
        var counts = new ReadinessCounts(NotStarted: 0, InProgress: 0, Ready: 1, Blocked: 0);

        var compact = Render<ReadinessBar>(p => p.Add(x => x.Counts, counts).Add(x => x.Label, "KPU").Add(x => x.Compact, true));
        var normal = RenderBar(counts);

        Assert.Contains("compact", compact.Find(".readiness-bar").ClassList);
        Assert.DoesNotContain("compact", normal.Find(".readiness-bar").ClassList);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
