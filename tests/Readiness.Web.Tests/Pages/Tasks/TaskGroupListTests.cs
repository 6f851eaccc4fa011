using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Data.Checklists;
using Readiness.Web.Components.Pages.Tasks;

namespace Readiness.Web.Tests.Pages.Tasks;

/// <summary>One checklist item across kecamatan: how many are ready, and a link to set them together.</summary>
public sealed class TaskGroupListTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public TaskGroupListTests()
    {
        _ctx.Services.AddLocalization();
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        TestCulture.Use(TestCulture.Indonesian);
    }

    private static TaskGroup Group(int key, string title, int ready, int total, int blocked = 0) => new()
    {
        Key = key, Title = title, StageName = "Masa tenang", StageSortOrder = 7, Total = total, Ready = ready, Blocked = blocked,
        InProgress = 0, NotStarted = total - ready - blocked,
    };

    [Fact]
    public void Each_group_says_how_many_regions_are_ready_and_links_to_its_items_with_the_same_filters()
    {
        var address = new TaskAddress { Filter = new TaskFilter { View = TaskView.All, Region = "64.02" }, Grouped = true };

        var cut = _ctx.Render<TaskGroupList>(p => p
            .Add(x => x.Groups, [Group(31, "PPK menerima logistik dari gudang KPU", 14, 20, blocked: 2), Group(32, "Distribusi logistik ke PPS selesai", 0, 20)])
            .Add(x => x.Address, address));

        var groups = cut.FindAll(".task-group");
        Assert.Equal(2, groups.Count);
        Assert.Contains("14 dari 20 wilayah Siap", groups[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("/tugas?semua=1&wilayah=64.02&butir=31&tampilan=butir", groups[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["kendala", "belum", "siap"], groups[0].QuerySelectorAll("[data-status]").Select(e => e.GetAttribute("data-status")));
        Assert.Contains("0 dari 20 wilayah Siap", groups[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void No_group_says_nothing_matches()
    {
        var cut = _ctx.Render<TaskGroupList>(p => p.Add(x => x.Groups, []).Add(x => x.Address, new TaskAddress { Grouped = true }));

        Assert.Contains("Tidak ada butir yang cocok", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
