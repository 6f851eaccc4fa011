using Microsoft.AspNetCore.Components;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Web.Components.Pages.Tasks;

namespace Readiness.Web.Tests.Pages.Tasks;

public sealed class ItemCardNumberTests : ItemCardTest
{
    /// <summary>An item that counts TPS, 7 of 45 done, with a note.</summary>
    private static ChecklistItem Counted(int? done = 7, int? target = 45, bool targetFixed = false, string unit = "TPS", string? note = "Sebagian KPPS belum dilantik") =>
        Item(note: note, version: 5, unit: unit, done: done, target: target, targetFixed: targetFixed);

    private static string NumberHelp(IRenderedComponent<ItemCard> cut) => cut.Find($"#number-{ItemId}-help").TextContent.Trim();

    [Fact]
    public void The_card_shows_the_number_and_fills_the_fields_labelled_by_what_they_count()
    {
        var cut = RenderCard(Counted());

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
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var cut = RenderCard(Counted());

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
        var cut = RenderCard(Counted());

        cut.Find($"#done-{ItemId}").Input("38");
        Button(cut, "Dalam proses").Click();

        var change = Assert.Single(Saves);
        Assert.Equal((ItemId, 5, ItemStatus.InProgress, (int?)38, (int?)null), (change.ItemId, change.ExpectedVersion, change.Status, change.Done, change.Target));
        Assert.Equal("Sebagian KPPS belum dilantik", change.Note);
        Assert.Equal("Tersimpan: Dalam proses, 38/45 TPS.", cut.Find(".item-message").TextContent.Trim());
        Assert.Equal("38", cut.Find($"#done-{ItemId}").GetAttribute("value"));
    }

    [Fact]
    public void Saving_the_number_alone_keeps_status_and_note_and_a_new_target_goes_with_the_number_done()
    {
        var cut = RenderCard(Counted(done: 7, target: null));

        cut.Find($"#target-{ItemId}").Input("45");
        Button(cut, "Simpan angka").Click();

        var change = Assert.Single(Saves);
        Assert.Equal((ItemStatus.InProgress, "Sebagian KPPS belum dilantik", (int?)7, (int?)45), (change.Status, change.Note, change.Done, change.Target));
    }

    [Theory]
    [InlineData("tiga puluh", "Isi angka bulat dari 0 sampai 100000.")]
    [InlineData("-3", "Isi angka bulat dari 0 sampai 100000.")]
    [InlineData("46", "46 melebihi target 45: periksa lagi angkanya.")]
    public void A_number_that_is_text_negative_or_above_the_target_is_explained_and_nothing_is_saved(string typed, string message)
    {
        var cut = RenderCard(Counted());

        cut.Find($"#done-{ItemId}").Input(typed);
        Button(cut, "Siap").Click();

        Assert.Empty(Saves);
        Assert.Equal(message, NumberHelp(cut));
        Assert.Equal("alert", cut.Find($"#number-{ItemId}-help").GetAttribute("role"));
        Assert.Equal("true", cut.Find($"#done-{ItemId}").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void A_target_the_template_fixes_is_shown_as_text_with_no_field_to_change_it()
    {
        var cut = RenderCard(Counted(done: 2, target: 4, targetFixed: true, unit: "penerima"));

        Assert.Empty(cut.FindAll($"#target-{ItemId}"));
        Assert.Contains("dari 4 penerima", cut.Find(".item-number").TextContent);
        Assert.Equal("2/4 penerima", cut.Find(".item-number-text").TextContent.Trim());
    }

    [Fact]
    public void An_item_that_counts_nothing_shows_no_number_fields()
    {
        var cut = RenderCard(Counted() with { Unit = null, Done = null, Target = null });

        Assert.Empty(cut.FindAll(".item-number"));
        Assert.Empty(cut.FindAll(".item-number-text"));
    }

    // A fixed target a region's figure moved: under what is done ("46/45 TPS", said "melebihi target" for the liaison
    // to correct, and a status tap still saves), or to 0 for a kecamatan with no TPS.

    [Fact]
    public void A_count_above_a_target_the_figure_lowered_is_shown_as_it_is_and_said_above_target_in_words()
    {
        var cut = RenderCard(Counted(done: 46, target: 45, targetFixed: true));

        Assert.Equal("46/45 TPS", cut.Find(".item-number-text").TextContent.Trim());
        var flag = cut.Find(".over-target");
        Assert.Equal("melebihi target", flag.TextContent.Trim());
        Assert.Contains("46", flag.GetAttribute("title"), StringComparison.Ordinal);
        Assert.NotNull(flag.QuerySelector("svg")); // an icon beside the words, not colour alone
    }

    [Fact]
    public void A_status_tap_on_an_item_above_its_target_saves_the_status_alone_without_a_number_error()
    {
        var cut = RenderCard(Counted(done: 46, target: 45, targetFixed: true));

        Button(cut, "Siap").Click();

        var change = Assert.Single(Saves);
        Assert.Equal((ItemStatus.Ready, (int?)null, (int?)null), (change.Status, change.Done, change.Target));
    }

    [Fact]
    public void A_count_within_its_target_carries_no_flag_and_a_target_of_zero_takes_a_zero_count()
    {
        Assert.Empty(RenderCard(Counted(done: 45, target: 45, targetFixed: true)).FindAll(".over-target"));

        var none = RenderCard(Counted(done: null, target: 0, targetFixed: true));
        Assert.Equal("-/0 TPS", none.Find(".item-number-text").TextContent.Trim());
        none.Find($"#done-{ItemId}").Input("0");
        Button(none, "Siap").Click();

        var change = Assert.Single(Saves);
        Assert.Equal((ItemStatus.Ready, (int?)0), (change.Status, change.Done));
        Assert.Empty(none.FindAll(".over-target"));
    }
}
