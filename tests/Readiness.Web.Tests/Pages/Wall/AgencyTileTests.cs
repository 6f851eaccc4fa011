using MudBlazor.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Checklists;
using Readiness.Web.Components.Pages.Wall;
using Readiness.Web.Components.Shared;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Pages.Wall;

public class AgencyTileTests : BunitContext, IAsyncLifetime
{
    public AgencyTileTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);

        // Rendered as over a live Blazor Server circuit, as the wall is.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<AgencyTile> RenderTile(string title, ReadinessCounts counts, bool overall = false) =>
        Render<AgencyTile>(p => p
            .Add(x => x.Title, title)
            .Add(x => x.Counts, counts)
            .Add(x => x.Overall, overall));

    [Fact]
    public void A_status_icon_drawn_without_a_component_is_MudIcon_s_own_markup_in_the_text_s_colour()
    {
        var icon = ReadinessTheme.IconOf(ItemStatus.Blocked);

        var drawn = Render(ReadinessTheme.SmallIcon(icon));
        var mud = Render<MudBlazor.MudIcon>(p => p
            .Add(x => x.Icon, icon).Add(x => x.Size, MudBlazor.Size.Small).AddUnmatched("aria-hidden", "true"));

        drawn.MarkupMatches(mud.Markup);
        Assert.DoesNotContain("mud-icon-default", drawn.Markup, StringComparison.Ordinal); // coloured as "Kendala" is
    }

    [Fact]
    public void Shows_its_title_as_the_heading_and_the_label_of_the_tile()
    {
        var cut = RenderTile("KPU", new ReadinessCounts(NotStarted: 1, InProgress: 0, Ready: 3, Blocked: 0));

        Assert.Equal("KPU", cut.Find("h2.wall-tile-name").TextContent.Trim());
        Assert.Equal("KPU", cut.Find("section.wall-tile").GetAttribute("aria-label"));
    }

    [Fact]
    public void Shows_the_agencys_summed_number_in_its_name_row_and_nothing_when_it_counts_nothing()
    {
        var counts = new ReadinessCounts(NotStarted: 1, InProgress: 0, Ready: 3, Blocked: 0);
        var counted = Render<AgencyTile>(p => p.Add(x => x.Title, "KPU").Add(x => x.Counts, counts)
            .Add(x => x.Number, new NumberSum("KPU", "TPS", 38, 45, 4)));
        var plain = RenderTile("TNI", counts);

        Assert.Equal("38/45 TPS", counted.Find(".wall-tile-head [data-wall-number='TPS']").TextContent.Trim());
        Assert.Empty(plain.FindAll("[data-wall-number]"));
    }

    [Fact]
    public void Shows_the_ready_share_as_a_percent_with_the_word_siap()
    {
        var cut = RenderTile("KPU", new ReadinessCounts(NotStarted: 1, InProgress: 0, Ready: 3, Blocked: 0));

        Assert.Equal("75%", cut.Find(".wall-tile-share span").TextContent.Trim());
        Assert.Equal("Siap", cut.Find(".wall-tile-share small").TextContent.Trim());
    }

    [Fact]
    public void Ready_share_is_rounded_to_a_whole_percent()
    {
        var cut = RenderTile("Polri", new ReadinessCounts(NotStarted: 1, InProgress: 1, Ready: 1, Blocked: 0));

        Assert.Equal("33%", cut.Find(".wall-tile-share span").TextContent.Trim());
    }

    [Fact]
    public void Shows_the_blocked_in_progress_and_not_started_counts_with_their_words()
    {
        var cut = RenderTile("Bawaslu", new ReadinessCounts(NotStarted: 4, InProgress: 3, Ready: 1, Blocked: 2));

        var kendala = cut.Find(".wall-tile-counts li.status-kendala");
        Assert.Contains("Kendala", kendala.TextContent);
        Assert.Equal("2", kendala.QuerySelector("strong")!.TextContent.Trim());

        var proses = cut.Find(".wall-tile-counts li.status-proses");
        Assert.Contains("Dalam proses", proses.TextContent);
        Assert.Equal("3", proses.QuerySelector("strong")!.TextContent.Trim());

        var belum = cut.Find(".wall-tile-counts li.status-belum");
        Assert.Contains("Belum mulai", belum.TextContent);
        Assert.Equal("4", belum.QuerySelector("strong")!.TextContent.Trim());
    }

    [Fact]
    public void Shows_a_readiness_bar_labelled_with_the_title_and_every_count()
    {
        var cut = RenderTile("Bawaslu", new ReadinessCounts(NotStarted: 4, InProgress: 3, Ready: 1, Blocked: 2));

        Assert.Equal("Bawaslu: 1 dari 10 butir siap, 3 dalam proses, 2 kendala, 4 belum mulai",
            cut.Find(".readiness-bar svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void Tile_without_items_shows_no_items_instead_of_a_share_or_counts()
    {
        var cut = RenderTile("TNI", ReadinessCounts.Empty);

        Assert.Equal("Tidak ada butir", cut.Find(".wall-tile-empty").TextContent.Trim());
        Assert.Equal("TNI", cut.Find("h2.wall-tile-name").TextContent.Trim());
        Assert.Empty(cut.FindAll(".wall-tile-share"));
        Assert.Empty(cut.FindAll(".wall-tile-counts"));
        Assert.Empty(cut.FindAll("svg"));
    }

    [Fact]
    public void Tile_with_items_but_none_ready_shows_zero_percent_not_no_items()
    {
        var cut = RenderTile("Pemda", new ReadinessCounts(NotStarted: 2, InProgress: 1, Ready: 0, Blocked: 1));

        Assert.Equal("0%", cut.Find(".wall-tile-share span").TextContent.Trim());
        Assert.Equal("1", cut.Find(".wall-tile-counts li.status-kendala strong").TextContent.Trim());
        Assert.Empty(cut.FindAll(".wall-tile-empty"));
    }

    [Fact]
    public void Overall_tile_is_set_apart_by_the_overall_class()
    {
        var cut = RenderTile("Keseluruhan", new ReadinessCounts(NotStarted: 1, InProgress: 1, Ready: 1, Blocked: 1), overall: true);

        Assert.Contains("wall-tile-overall", cut.Find("section").ClassList);
        Assert.Contains("wall-tile", cut.Find("section").ClassList);
    }

    [Fact]
    public void Agency_tile_does_not_have_the_overall_class()
    {
        var cut = RenderTile("Pemda", new ReadinessCounts(NotStarted: 1, InProgress: 1, Ready: 1, Blocked: 1));

        Assert.DoesNotContain("wall-tile-overall", cut.Find("section").ClassList);
        Assert.Contains("wall-tile", cut.Find("section").ClassList);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
