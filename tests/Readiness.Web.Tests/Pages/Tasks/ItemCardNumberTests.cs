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

public sealed class ItemCardNumberTests : IAsyncLifetime
{
    private const long ItemId = 77;
    private static readonly DateOnly RegionToday = new(2026, 11, 20);

    private readonly List<StatusChange> _saves = [];
    private readonly BunitContext _ctx = new();

    public ItemCardNumberTests()
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
            .Add(x => x.Model, new ItemCardModel(
                new ItemView { Item = item, RegionName = "Tenggarong", TimeZone = "Asia/Makassar", StageName = "Pembentukan badan ad hoc", StageSortOrder = 1 },
                RegionToday, CanEdit: true))
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
    public void The_card_shows_the_number_and_fills_the_fields_labelled_by_what_they_count()
    {
        var cut = RenderCard(Item());

        Assert.Equal("7/45 TPS", cut.Find(".item-number-text").TextContent.Trim());
        Assert.Equal("Sudah", cut.Find($"label[for='done-{ItemId}']").TextContent.Trim());
        Assert.Equal("7", cut.Find($"#done-{ItemId}").GetAttribute("value"));
        Assert.Equal("45", cut.Find($"#target-{ItemId}").GetAttribute("value"));
        Assert.Equal("numeric", cut.Find($"#done-{ItemId}").GetAttribute("inputmode"));
        Assert.Equal("Angka (TPS)", cut.Find(".item-number").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_prerendered_card_carries_each_number_fields_own_refusal_for_the_phone_to_show_without_the_circuit()
    {
        _ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var cut = RenderCard(Item());

        Assert.Equal("Isi angka bulat dari 0 sampai 100000.", cut.Find($"#done-{ItemId}").GetAttribute("data-invalid"));
        Assert.Equal("Target harus angka bulat dari 1 sampai 100000.", cut.Find($"#target-{ItemId}").GetAttribute("data-invalid"));
        // The fields hold the saved number, so the phone sends only what the liaison changed.
        Assert.Equal("7", cut.Find($"#done-{ItemId}").GetAttribute("value"));
        Assert.False(cut.Find($"#done-{ItemId}").HasAttribute("disabled"));
        Assert.Equal("proses", cut.Find("article").GetAttribute("data-item-status"));
    }

    [Fact]
    public void Setting_38_of_45_with_the_status_tap_saves_both_with_the_same_version_and_keeps_the_note()
    {
        var cut = RenderCard(Item());

        cut.Find($"#done-{ItemId}").Input("38");
        Button(cut, "Dalam proses").Click();

        var change = Assert.Single(_saves);
        Assert.Equal((ItemId, 5, ItemStatus.InProgress, (int?)38, (int?)null), (change.ItemId, change.ExpectedVersion, change.Status, change.Done, change.Target));
        Assert.Equal("Sebagian KPPS belum dilantik", change.Note);
        Assert.Equal("Tersimpan: Dalam proses, 38/45 TPS.", cut.Find(".item-message").TextContent.Trim());
        Assert.Equal("38", cut.Find($"#done-{ItemId}").GetAttribute("value"));
    }

    [Fact]
    public void Saving_the_number_alone_keeps_status_and_note_and_a_new_target_goes_with_the_number_done()
    {
        var cut = RenderCard(Item(done: 7, target: null));

        cut.Find($"#target-{ItemId}").Input("45");
        Button(cut, "Simpan angka").Click();

        var change = Assert.Single(_saves);
        Assert.Equal((ItemStatus.InProgress, "Sebagian KPPS belum dilantik", (int?)7, (int?)45), (change.Status, change.Note, change.Done, change.Target));
    }

    [Theory]
    [InlineData("tiga puluh", "Isi angka bulat dari 0 sampai 100000.")]
    [InlineData("-3", "Isi angka bulat dari 0 sampai 100000.")]
    [InlineData("46", "46 melebihi target 45: periksa lagi angkanya.")]
    public void A_number_that_is_text_negative_or_above_the_target_is_explained_and_nothing_is_saved(string typed, string message)
    {
        var cut = RenderCard(Item());

        cut.Find($"#done-{ItemId}").Input(typed);
        Button(cut, "Siap").Click();

        Assert.Empty(_saves);
        Assert.Equal(message, NumberHelp(cut));
        Assert.Equal("alert", cut.Find($"#number-{ItemId}-help").GetAttribute("role"));
        Assert.Equal("true", cut.Find($"#done-{ItemId}").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void A_target_the_template_fixes_is_shown_as_text_with_no_field_to_change_it()
    {
        var cut = RenderCard(Item(done: 2, target: 4, targetFixed: true, unit: "penerima"));

        Assert.Empty(cut.FindAll($"#target-{ItemId}"));
        Assert.Contains("dari 4 penerima", cut.Find(".item-number").TextContent);
        Assert.Equal("2/4 penerima", cut.Find(".item-number-text").TextContent.Trim());
    }

    [Fact]
    public void An_item_that_counts_nothing_shows_no_number_fields()
    {
        var cut = RenderCard(Item() with { Unit = null, Done = null, Target = null });

        Assert.Empty(cut.FindAll(".item-number"));
        Assert.Empty(cut.FindAll(".item-number-text"));
    }

    // A fixed target a region's figure moved: under what is done ("46/45 TPS", said "melebihi target" for the liaison
    // to correct, and a status tap still saves), or to 0 for a kecamatan with no TPS.

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
