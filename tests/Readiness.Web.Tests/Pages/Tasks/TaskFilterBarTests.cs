using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Web.Components.Pages.Tasks;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Pages.Tasks;

/// <summary>The liaison's filters: each change is a new address, on its first page; one tap clears them all.</summary>
public sealed class TaskFilterBarTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly List<TaskAddress> _asked = [];

    private static readonly TaskRegion[] Regions =
    [
        new() { Code = "64.02", Name = "Kutai Kartanegara", Items = 9 },
        new() { Code = "64.02.06", Name = "Tenggarong", Items = 11 },
        new() { Code = "64.02.16", Name = "Tenggarong Seberang", Items = 11 },
    ];

    private static readonly Stage[] Stages =
    [
        new() { Id = 6, ElectionId = 2, Code = "KAMPANYE", Name = "Kampanye", SortOrder = 6, StartDate = new(2026, 9, 28), EndDate = new(2026, 11, 26) },
        new() { Id = 7, ElectionId = 2, Code = "TENANG", Name = "Masa tenang", SortOrder = 7, StartDate = new(2026, 11, 27), EndDate = new(2026, 11, 29) },
    ];

    public TaskFilterBarTests()
    {
        _ctx.Services.AddLocalization();
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        TestCulture.Use(TestCulture.Indonesian);
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<TaskFilterBar> RenderBar(TaskAddress address) =>
        _ctx.Render<TaskFilterBar>(p => p
            .Add(x => x.Address, address)
            .Add(x => x.Regions, Regions)
            .Add(x => x.Stages, Stages)
            .Add(x => x.AddressChanged, a => _asked.Add(a)));

    /// <summary>A picker of the filter panel, which is rendered only once opened (opened here when it is not).</summary>
    private static IElement Picker(IRenderedComponent<TaskFilterBar> cut, string label)
    {
        if (cut.FindAll("#task-filter-panel").Count == 0)
        {
            cut.FindAll("button").Single(b => b.GetAttribute("aria-controls") == "task-filter-panel").Click();
        }

        return cut.FindAll("label").Single(l => l.QuerySelector("span")?.TextContent.Trim() == label).QuerySelector("select")!;
    }

    [Fact]
    public void The_filter_panel_is_made_only_when_asked_for_so_the_first_screen_stays_small()
    {
        var cut = RenderBar(new TaskAddress());
        var toggle = cut.FindAll("button").Single(b => b.GetAttribute("aria-controls") == "task-filter-panel");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.Empty(cut.FindAll("select"));

        toggle.Click();

        Assert.Equal(4, cut.FindAll("#task-filter-panel select").Count);
        Assert.Equal("true", cut.FindAll("button").Single(b => b.GetAttribute("aria-controls") == "task-filter-panel").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Picking_a_kecamatan_asks_for_it_on_the_first_page_and_keeps_the_other_filters()
    {
        var cut = RenderBar(new TaskAddress { Filter = new TaskFilter { View = TaskView.All, Status = ItemStatus.NotStarted, Page = 3 } });

        Picker(cut, "Kecamatan / wilayah").Change("64.02.06");

        var asked = Assert.Single(_asked);
        Assert.Equal(new TaskFilter { View = TaskView.All, Status = ItemStatus.NotStarted, Region = "64.02.06", Page = 0 }, asked.Filter);
    }

    [Fact]
    public void The_region_picker_offers_only_the_liaisons_regions()
    {
        var cut = RenderBar(new TaskAddress());

        var options = Picker(cut, "Kecamatan / wilayah").QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();

        Assert.Equal(["", "64.02", "64.02.06", "64.02.16"], options);
    }

    [Fact]
    public void Active_filters_show_by_name_and_clear_all_keeps_only_the_grouping()
    {
        var cut = RenderBar(new TaskAddress
        {
            Filter = new TaskFilter { View = TaskView.All, Region = "64.02.16", StageId = 7, Status = ItemStatus.Blocked, Due = DueWindow.Overdue, Text = "genset" },
            Grouped = true,
        });

        var chips = cut.Find(".task-chips").TextContent;
        Assert.Contains("Tenggarong Seberang", chips, StringComparison.Ordinal);
        Assert.Contains("Masa tenang", chips, StringComparison.Ordinal);
        Assert.Contains("Kendala", chips, StringComparison.Ordinal);
        Assert.Contains("Terlambat", chips, StringComparison.Ordinal);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Hapus semua saringan").Click();

        var asked = Assert.Single(_asked);
        Assert.Equal(new TaskFilter(), asked.Filter);
        Assert.True(asked.Grouped);
    }

    [Fact]
    public void Typing_a_search_asks_for_it_once_typing_pauses_in_the_view_the_liaison_chose()
    {
        var cut = RenderBar(new TaskAddress());

        cut.Find("input").Input("logistik tenggarong");

        cut.WaitForAssertion(() => Assert.Equal("logistik tenggarong", Assert.Single(_asked).Filter.Text), TimeSpan.FromSeconds(5));
        Assert.Equal(TaskView.Now, _asked[0].Filter.View); // "Perlu sekarang" stays pressed; what else matches is counted under the list
    }

    [Fact]
    public void Choosing_now_keeps_the_search()
    {
        var cut = RenderBar(new TaskAddress { Filter = new TaskFilter { View = TaskView.All, Text = "logistik" } });

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Perlu sekarang").Click();

        var asked = Assert.Single(_asked).Filter;
        Assert.Equal((TaskView.Now, "logistik"), (asked.View, asked.Text));
    }

    [Fact]
    public void Without_filters_there_is_no_clear_button_and_now_is_pressed()
    {
        var cut = RenderBar(new TaskAddress());

        Assert.Empty(cut.FindAll(".task-chips"));
        Assert.Equal("true", cut.FindAll("button").Single(b => b.TextContent.Trim() == "Perlu sekarang").GetAttribute("aria-pressed"));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Semua").Click();
        Assert.Equal(TaskView.All, Assert.Single(_asked).Filter.View);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
