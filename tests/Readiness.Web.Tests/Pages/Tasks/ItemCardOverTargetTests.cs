using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Pages.Tasks;

namespace Readiness.Web.Tests.Pages.Tasks;

/// <summary>
/// A card whose fixed target a region's figure moved: under what is done ("46/45 TPS", said "melebihi target" for
/// the liaison to correct, and a status tap still saves), or to 0 for a kecamatan with no TPS.
/// </summary>
public sealed class ItemCardOverTargetTests : IAsyncLifetime
{
    private const long ItemId = 77;
    private static readonly DateOnly RegionToday = new(2026, 11, 20);

    private readonly List<StatusChange> _saves = [];
    private readonly BunitContext _ctx = new();

    public ItemCardOverTargetTests()
    {
        _ctx.Services.AddLocalization();
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddSingleton<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>(new SignedIn("penghubung.kpu"));
        _ctx.Services.AddScoped<CurrentActor>();
        _ctx.Services.AddScoped<NoteDrafts>();
        TestCulture.Use(TestCulture.Indonesian);
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private static ChecklistItem Item(int? done = 7, int? target = 45, bool targetFixed = false, string unit = "TPS", string? note = "Sebagian KPPS belum dilantik") => new()
    {
        Id = ItemId,
        ElectionId = 1,
        RegionCode = "64.02.06",
        AgencyCode = Agency.Kpu,
        StageId = 2,
        Title = "Anggota KPPS untuk seluruh TPS dilantik",
        Criticality = Criticality.Critical,
        DueDate = new DateOnly(2026, 11, 25),
        Status = ItemStatus.InProgress,
        Note = note,
        UpdatedAtUtc = new DateTime(2026, 11, 19, 6, 5, 0, DateTimeKind.Utc),
        UpdatedBy = "penghubung.kpu",
        Version = 5,
        Unit = unit,
        Done = done,
        Target = target,
        TargetFixed = targetFixed,
    };

    private IRenderedComponent<ItemCard> RenderCard(ChecklistItem item) =>
        _ctx.Render<ItemCard>(p => p
            .Add(x => x.View, new ItemView { Item = item, RegionName = "Tenggarong", TimeZone = "Asia/Makassar", StageName = "Pembentukan badan ad hoc", StageSortOrder = 1 })
            .Add(x => x.Today, RegionToday)
            .Add(x => x.CanEdit, true)
            .Add(x => x.Save, change =>
            {
                _saves.Add(change);
                return Task.FromResult<SaveResult>(new SaveResult.Saved(item with
                {
                    Status = change.Status, Note = change.Note, Done = change.Done ?? item.Done, Target = change.Target ?? item.Target,
                    Version = change.ExpectedVersion + 1,
                }, 900));
            }));

    private static IElement Button(IRenderedComponent<ItemCard> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static string NumberHelp(IRenderedComponent<ItemCard> cut) => cut.Find($"#number-{ItemId}-help").TextContent.Trim();

    [Fact]
    public void A_count_above_a_target_the_figure_lowered_is_shown_as_it_is_and_said_above_target_in_words()
    {
        var cut = RenderCard(Item(done: 46, target: 45, targetFixed: true));

        Assert.Equal("46/45 TPS", cut.Find(".item-number-text").TextContent.Trim());
        var flag = cut.Find(".over-target");
        Assert.Equal("melebihi target", flag.TextContent.Trim());
        Assert.Contains("46", flag.GetAttribute("title"), StringComparison.Ordinal);
        Assert.NotNull(flag.QuerySelector("svg")); // an icon beside the words, not colour alone
    }

    [Fact]
    public void A_status_tap_on_an_item_above_its_target_saves_the_status_alone_without_a_number_error()
    {
        var cut = RenderCard(Item(done: 46, target: 45, targetFixed: true));

        Button(cut, "Siap").Click();

        var change = Assert.Single(_saves);
        Assert.Equal((ItemStatus.Ready, (int?)null, (int?)null), (change.Status, change.Done, change.Target));
    }

    [Fact]
    public void A_count_within_its_target_carries_no_flag_and_a_target_of_zero_takes_a_zero_count()
    {
        Assert.Empty(RenderCard(Item(done: 45, target: 45, targetFixed: true)).FindAll(".over-target"));

        var none = RenderCard(Item(done: null, target: 0, targetFixed: true));
        Assert.Equal("-/0 TPS", none.Find(".item-number-text").TextContent.Trim());
        none.Find($"#done-{ItemId}").Input("0");
        Button(none, "Siap").Click();

        var change = Assert.Single(_saves);
        Assert.Equal((ItemStatus.Ready, (int?)0), (change.Status, change.Done));
        Assert.Empty(none.FindAll(".over-target"));
    }
}
