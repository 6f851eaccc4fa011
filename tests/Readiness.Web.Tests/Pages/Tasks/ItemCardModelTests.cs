using Microsoft.AspNetCore.Components.Web;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Web.Components.Pages.Tasks;

namespace Readiness.Web.Tests.Pages.Tasks;

/// <summary>
/// The card's one model parameter (an equal model skips the render, any member changed repaints the card) and the
/// named state it is in while a liaison works the item.
/// </summary>
public sealed class ItemCardModelTests : ItemCardTest
{
    private static readonly ChecklistItem Theirs = Item() with
    {
        Status = ItemStatus.Blocked, Note = "Atap gudang bocor; kotak suara dipindah.", UpdatedBy = "penghubung.kpu2", Version = 4,
    };

    /// <summary>A card on a group list: selectable, editable, nothing ticked, no evidence yet.</summary>
    private static ItemCardModel ListModel() => new(ViewOf(Item()), RegionToday, CanEdit: true, Selectable: true);

    [Fact]
    public void The_page_handing_an_equal_model_does_not_repaint_the_card()
    {
        var cut = RenderCard(ListModel());
        var renders = cut.RenderCount;

        // What a list does after another card changed: every card gets a fresh model with the same values.
        cut.Render(p => p.Add(x => x.Model, ListModel()));
        cut.Render(p => p.Add(x => x.Model, cut.Instance.Model with { }));

        Assert.Equal(renders, cut.RenderCount);

        cut.Render(p => p.Add(x => x.Model, ListModel() with { EvidenceCount = 1 }));
        Assert.True(cut.RenderCount > renders, "a changed model must repaint the card");
    }

    public static TheoryData<string> Members => ["EvidenceCount", "Selected", "CanEdit", "Today", "View", "Conflict"];

    [Theory]
    [MemberData(nameof(Members))]
    public void A_change_of_any_one_member_of_the_model_is_shown(string member)
    {
        var before = ListModel();
        var cut = RenderCard(before);
        var (after, shown) = Change(before, member);
        Assert.False(shown(cut), $"{member}: the change must not be on the card before the page makes it");

        cut.Render(p => p.Add(x => x.Model, after));

        Assert.True(shown(cut), $"{member}: the card must show the changed model");
    }

    private static (ItemCardModel After, Func<IRenderedComponent<ItemCard>, bool> Shown) Change(ItemCardModel model, string member) => member switch
    {
        "EvidenceCount" => (model with { EvidenceCount = 3 },
            cut => cut.FindAll(".evidence-count").Any(e => e.TextContent.Contains("3 bukti", StringComparison.Ordinal))),
        "Selected" => (model with { Selected = true },
            cut => cut.Find(".item-select input[type=checkbox]").HasAttribute("checked")),
        "CanEdit" => (model with { CanEdit = false },
            cut => cut.FindAll(".status-buttons").Count == 0),
        "Today" => (model with { Today = new DateOnly(2026, 11, 28) },
            cut => cut.Find(".item-meta").TextContent.Contains("terlambat 3 hari", StringComparison.Ordinal)),
        "View" => (model with { View = ViewOf(Item(version: 4, status: ItemStatus.Ready)) },
            cut => cut.Find("article").GetAttribute("data-version") == "4"
                   && cut.FindAll(".status-buttons button[aria-pressed=true]").Single().TextContent.Trim() == "Siap"),
        "Conflict" => (model with { Conflict = (new SaveResult.Conflict(Theirs), new StatusChange(ItemId, 3, ItemStatus.Ready, null, Guid.NewGuid())) },
            cut => cut.FindAll(".conflict").Any(e => e.TextContent.Contains("Perubahan Anda (Siap) belum disimpan.", StringComparison.Ordinal))),
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, null),
    };

    [Fact]
    public void Tapping_kendala_opens_the_note_state_for_kendala_from_the_version_shown()
    {
        var cut = RenderCard(ListModel());
        Assert.IsType<ItemCardState.Idle>(cut.Instance.State);

        Button(cut, "Kendala").Click();

        Assert.Equal(new ItemCardState.Note(ItemStatus.Blocked, 3), cut.Instance.State);
        Assert.NotNull(cut.Find($"textarea#note-{ItemId}"));
        Assert.Empty(Saves);
    }

    [Fact]
    public void A_status_tap_over_a_typed_note_asks_in_the_note_state_and_keeps_the_note_open()
    {
        var cut = RenderCard(ListModel());
        Button(cut, "Tambah catatan").Click();
        cut.Find("textarea").Input("Kunci gudang dipegang camat.");

        Button(cut, "Siap").Click();

        Assert.Equal(new ItemCardState.Note(ItemStatus.InProgress, 3, AskedFor: ItemStatus.Ready), cut.Instance.State);
        Assert.NotNull(cut.Find(".note-question"));
        Assert.NotNull(cut.Find("textarea"));
    }

    [Fact]
    public void A_conflict_answer_goes_to_the_conflict_state_and_keeping_theirs_returns_to_idle()
    {
        Answer(_ => new SaveResult.Conflict(Theirs));
        var cut = RenderCard(ListModel());

        Button(cut, "Siap").Click();

        var conflict = Assert.IsType<ItemCardState.Conflict>(cut.Instance.State);
        Assert.Same(Theirs, conflict.Theirs);
        Assert.Equal(ItemStatus.Ready, conflict.Mine.Status);
        Assert.NotNull(cut.Find(".conflict"));

        Button(cut, "Pakai perubahan mereka").Click();

        Assert.IsType<ItemCardState.Idle>(cut.Instance.State);
        Assert.Empty(cut.FindAll(".conflict"));
        Assert.Same(Theirs, Assert.Single(Changes));
    }

    [Fact]
    public async Task While_a_note_is_saving_its_buttons_are_disabled_and_a_refusal_returns_to_the_open_note_with_its_error()
    {
        var answer = new TaskCompletionSource<SaveResult>();
        AnswerLater(_ => answer.Task);
        var cut = RenderCard(ListModel());
        Button(cut, "Kendala").Click();
        cut.Find("textarea").Input("x");

        var saving = Button(cut, "Simpan sebagai Kendala").ClickAsync(new MouseEventArgs());

        var state = Assert.IsType<ItemCardState.Saving>(cut.Instance.State);
        Assert.Equal(new ItemCardState.Note(ItemStatus.Blocked, 3), state.ReturnTo);
        Assert.True(Button(cut, "Simpan sebagai Kendala").HasAttribute("disabled"));
        Assert.All(cut.FindAll(".status-buttons button"), b => Assert.True(b.HasAttribute("disabled")));

        answer.SetException(new InputException(InputException.BlockedNeedsNote));
        await saving;

        cut.WaitForAssertion(() => Assert.Equal(new ItemCardState.Note(ItemStatus.Blocked, 3), cut.Instance.State));
        Assert.Equal(
            "Status Kendala wajib disertai catatan: apa yang menghambat dan apa yang dibutuhkan.",
            cut.Find($"#note-{ItemId}-help").TextContent.Trim());
        Assert.False(Button(cut, "Simpan sebagai Kendala").HasAttribute("disabled"));
    }

    [Fact]
    public void A_saved_change_returns_the_card_to_idle()
    {
        var cut = RenderCard(ListModel());
        Button(cut, "Kendala").Click();
        cut.Find("textarea").Input("Atap bocor.");

        Button(cut, "Simpan sebagai Kendala").Click();

        Assert.IsType<ItemCardState.Idle>(cut.Instance.State);
        Assert.Empty(cut.FindAll("textarea"));
        Assert.Equal("Tersimpan: Kendala.", cut.Find(".item-message").TextContent.Trim());
    }
}
