using AngleSharp.Dom;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Web.Components.Pages.Tasks;

namespace Readiness.Web.Tests.Pages.Tasks;

public sealed class ItemCardTests : ItemCardTest
{
    [Fact]
    public void The_card_counts_the_items_evidence_only_when_there_is_any_and_repaints_when_the_count_changes()
    {
        var cut = RenderCard(Item());
        Assert.Empty(cut.FindAll(".evidence-count"));

        cut.Render(p => p.Add(x => x.Model, cut.Instance.Model with { EvidenceCount = 2 }));

        Assert.Contains("2 bukti", cut.Find(".evidence-count").TextContent);
    }

    private static IElement StatusButton(IRenderedComponent<ItemCard> cut, string word) =>
        cut.FindAll(".status-buttons button").Single(b => b.TextContent.Trim() == word);

    /// <summary>The card's own message line (not the conflict box, which is an alert too).</summary>
    private static IElement Message(IRenderedComponent<ItemCard> cut) =>
        cut.FindAll("[role=status], [role=alert]").Single(e => !e.ClassList.Contains("conflict"));

    private static bool HasMessage(IRenderedComponent<ItemCard> cut) =>
        cut.FindAll("[role=status], [role=alert]").Any(e => !e.ClassList.Contains("conflict"));

    private static string NoteHelp(IRenderedComponent<ItemCard> cut) => cut.Find($"#note-{ItemId}-help").TextContent.Trim();

    [Fact]
    public void Shows_the_four_status_buttons_with_the_current_status_pressed()
    {
        var cut = RenderCard(Item(status: ItemStatus.InProgress));

        var buttons = cut.FindAll(".status-buttons button");
        Assert.Equal(["Belum mulai", "Dalam proses", "Siap", "Kendala"], buttons.Select(b => b.TextContent.Trim()));
        Assert.Equal(["false", "true", "false", "false"], buttons.Select(b => b.GetAttribute("aria-pressed")));
        Assert.All(buttons, b => Assert.False(b.HasAttribute("disabled")));
        Assert.Equal("Ubah status", cut.Find(".status-buttons").GetAttribute("aria-label"));
    }

    [Fact]
    public void Tapping_siap_saves_once_with_the_item_id_and_version_and_tells_the_parent()
    {
        var cut = RenderCard(Item(status: ItemStatus.InProgress, version: 3));

        StatusButton(cut, "Siap").Click();

        var change = Assert.Single(Saves);
        Assert.Equal(ItemId, change.ItemId);
        Assert.Equal(3, change.ExpectedVersion);
        Assert.Equal(ItemStatus.Ready, change.Status);
        Assert.Null(change.Note);
        Assert.NotEqual(Guid.Empty, change.OperationId);

        var message = Message(cut);
        Assert.Equal("status", message.GetAttribute("role"));
        Assert.Equal("Tersimpan: Siap.", message.TextContent.Trim());

        var saved = Assert.Single(Changes);
        Assert.Equal(ItemStatus.Ready, saved.Status);
        Assert.Equal(4, saved.Version);
    }

    [Fact]
    public void Tapping_kendala_without_a_note_asks_for_one_and_saves_nothing()
    {
        var cut = RenderCard(Item(status: ItemStatus.InProgress));

        StatusButton(cut, "Kendala").Click();

        Assert.Empty(Saves);
        Assert.Equal(
            "Apa yang menghambat, dan apa yang dibutuhkan? (wajib untuk Kendala)",
            cut.Find($"label[for='note-{ItemId}']").TextContent.Trim());
        Assert.NotNull(cut.Find($"textarea#note-{ItemId}"));
        Assert.NotNull(Button(cut, "Simpan sebagai Kendala"));
    }

    [Fact]
    public void Saving_kendala_with_an_empty_note_shows_the_note_is_required_and_saves_nothing()
    {
        var cut = RenderCard(Item(status: ItemStatus.InProgress));
        StatusButton(cut, "Kendala").Click();

        Button(cut, "Simpan sebagai Kendala").Click();

        Assert.Empty(Saves);
        Assert.Equal(
            "Status Kendala wajib disertai catatan: apa yang menghambat dan apa yang dibutuhkan.",
            NoteHelp(cut));
        Assert.Equal("true", cut.Find("textarea").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Saving_kendala_with_a_typed_note_saves_the_status_and_the_note()
    {
        const string note = "Truk logistik mogok; butuh truk pengganti dari KPU provinsi.";
        var cut = RenderCard(Item(status: ItemStatus.InProgress, version: 3));
        StatusButton(cut, "Kendala").Click();

        cut.Find("textarea").Input(note);
        Button(cut, "Simpan sebagai Kendala").Click();

        var change = Assert.Single(Saves);
        Assert.Equal(ItemStatus.Blocked, change.Status);
        Assert.Equal(note, change.Note);
        Assert.Equal(ItemId, change.ItemId);
        Assert.Equal(3, change.ExpectedVersion);
        Assert.Equal("Tersimpan: Kendala.", Message(cut).TextContent.Trim());
        Assert.Empty(cut.FindAll("textarea"));
        Assert.Equal(note, Assert.Single(Changes).Note);
    }

    [Fact]
    public void Note_box_counts_the_characters_typed()
    {
        var cut = RenderCard(Item());
        StatusButton(cut, "Kendala").Click();

        cut.Find("textarea").Input("Kurang 12 kotak suara");

        Assert.Equal("21/1000 karakter", NoteHelp(cut));
    }

    private static readonly ChecklistItem Theirs = Item() with
    {
        Status = ItemStatus.Blocked,
        Note = "Kotak suara rusak 12 buah; perlu pengganti dari KPU provinsi.",
        UpdatedBy = "Siti Rahma",
        UpdatedAtUtc = new DateTime(2026, 11, 20, 1, 15, 0, DateTimeKind.Utc),
        Version = 5,
    };

    [Fact]
    public void Conflict_shows_who_changed_the_item_their_status_and_their_note()
    {
        Answer(_ => new SaveResult.Conflict(Theirs));
        var cut = RenderCard(Item(status: ItemStatus.InProgress, version: 3));

        StatusButton(cut, "Siap").Click();

        var conflict = cut.Find(".conflict");
        Assert.Equal("alert", conflict.GetAttribute("role"));
        Assert.Contains("Butir ini baru saja diubah orang lain.", conflict.TextContent);
        Assert.Contains("Diubah oleh Siti Rahma", conflict.TextContent);
        Assert.Contains("20 Nov 2026 09.15 WITA", conflict.TextContent);
        Assert.Equal("Kendala", conflict.QuerySelector("[data-status='kendala']")!.TextContent.Trim());
        Assert.Equal(Theirs.Note, conflict.QuerySelector(".item-note")!.TextContent.Trim());
        Assert.Contains("Perubahan Anda (Siap) belum disimpan.", conflict.TextContent);
        Assert.Empty(Changes);
        Assert.False(HasMessage(cut));
    }

    [Fact]
    public void Applying_mine_after_a_conflict_saves_again_over_their_version_with_a_new_operation_id()
    {
        var calls = 0;
        Answer(change => ++calls == 1 ? new SaveResult.Conflict(Theirs) : new SaveResult.Saved(Stored(change), 77));
        var cut = RenderCard(Item(status: ItemStatus.InProgress, version: 3));
        StatusButton(cut, "Siap").Click();

        Button(cut, "Terapkan perubahan saya").Click();

        Assert.Equal(2, Saves.Count);
        var (first, second) = (Saves[0], Saves[1]);
        Assert.Equal(ItemId, second.ItemId);
        Assert.Equal(Theirs.Version, second.ExpectedVersion);
        Assert.Equal(ItemStatus.Ready, second.Status);
        Assert.NotEqual(first.OperationId, second.OperationId);
        Assert.Empty(cut.FindAll(".conflict"));
        Assert.Equal("Tersimpan: Siap.", Message(cut).TextContent.Trim());
        Assert.Equal(6, Assert.Single(Changes).Version);
    }

    [Fact]
    public void Applying_mine_after_a_conflict_keeps_my_note()
    {
        const string note = "Jalan ke kecamatan putus; logistik lewat sungai.";
        var calls = 0;
        Answer(change => ++calls == 1 ? new SaveResult.Conflict(Theirs) : new SaveResult.Saved(Stored(change), 77));
        var cut = RenderCard(Item(status: ItemStatus.InProgress, version: 3));
        StatusButton(cut, "Kendala").Click();
        cut.Find("textarea").Input(note);
        Button(cut, "Simpan sebagai Kendala").Click();

        Button(cut, "Terapkan perubahan saya").Click();

        Assert.Equal(2, Saves.Count);
        Assert.Equal(ItemStatus.Blocked, Saves[1].Status);
        Assert.Equal(note, Saves[1].Note);
        Assert.Equal(Theirs.Version, Saves[1].ExpectedVersion);
    }

    [Fact]
    public void Keeping_theirs_after_a_conflict_tells_the_parent_their_item_and_saves_nothing()
    {
        Answer(_ => new SaveResult.Conflict(Theirs));
        var cut = RenderCard(Item(status: ItemStatus.InProgress, version: 3));
        StatusButton(cut, "Siap").Click();

        Button(cut, "Pakai perubahan mereka").Click();

        Assert.Single(Saves);
        Assert.Same(Theirs, Assert.Single(Changes));
        Assert.Empty(cut.FindAll(".conflict"));
    }

    [Fact]
    public void After_a_successful_save_the_next_save_uses_a_new_operation_id()
    {
        var cut = RenderCard(Item(status: ItemStatus.NotStarted, version: 3));
        StatusButton(cut, "Dalam proses").Click();

        // The parent puts the saved item back into the card, as the tasks page does.
        var saved = Assert.Single(Changes);
        cut.Render(p => p.Add(x => x.Model, cut.Instance.Model with { View = ViewOf(saved) }));
        Assert.Equal("true", StatusButton(cut, "Dalam proses").GetAttribute("aria-pressed"));
        StatusButton(cut, "Siap").Click();

        Assert.Equal(2, Saves.Count);
        Assert.Equal(4, Saves[1].ExpectedVersion);
        Assert.Equal(ItemStatus.Ready, Saves[1].Status);
        Assert.NotEqual(Saves[0].OperationId, Saves[1].OperationId);
    }

    [Fact]
    public void After_a_failed_save_a_retry_keeps_the_same_operation_id()
    {
        // The first attempt may have been stored before the connection broke: the retry must be recognisable as the same edit.
        var calls = 0;
        Answer(change => ++calls == 1 ? throw new TimeoutException("database timeout") : new SaveResult.AlreadyApplied(Stored(change)));
        var cut = RenderCard(Item(status: ItemStatus.InProgress, version: 3));

        StatusButton(cut, "Siap").Click();

        var failed = Message(cut);
        Assert.Equal("alert", failed.GetAttribute("role"));
        Assert.Equal("Perubahan tidak tersimpan. Tidak ada yang berubah; coba lagi.", failed.TextContent.Trim());
        Assert.Empty(Changes);

        StatusButton(cut, "Siap").Click();

        Assert.Equal(2, Saves.Count);
        Assert.Equal(Saves[0].OperationId, Saves[1].OperationId);
        Assert.Equal("Tersimpan: Siap.", Message(cut).TextContent.Trim());
        Assert.Equal(ItemStatus.Ready, Assert.Single(Changes).Status);
    }

    [Fact]
    public void Tapping_the_current_status_without_a_note_saves_nothing_and_says_so()
    {
        var cut = RenderCard(Item(status: ItemStatus.Ready));

        StatusButton(cut, "Siap").Click();

        Assert.Empty(Saves);
        Assert.Empty(Changes);
        Assert.Equal("Status sudah Siap; tidak ada yang diubah.", Message(cut).TextContent.Trim());
    }

    [Fact]
    public void A_double_tap_on_siap_keeps_saying_it_was_saved_and_saves_once()
    {
        var cut = RenderCard(Item(status: ItemStatus.InProgress, version: 3));

        StatusButton(cut, "Siap").Click();
        // The page hands the card the saved item, as the list does after a save.
        cut.Render(p => p.Add(x => x.Model, cut.Instance.Model with { View = ViewOf(Assert.Single(Changes)) }));
        StatusButton(cut, "Siap").Click();

        Assert.Single(Saves);
        Assert.Equal("Tersimpan: Siap.", Message(cut).TextContent.Trim());
        Assert.Equal("true", StatusButton(cut, "Siap").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void A_note_kept_in_the_browser_is_offered_back_and_continues_where_it_was()
    {
        var module = JSInterop.SetupModule("./Components/Pages/Tasks/ItemCard.razor.js");
        module.Mode = JSRuntimeMode.Loose;
        module.Setup<NoteDraft?>("get", i => Equals(i.Arguments[0], $"penghubung.kpu:{ItemId}"))
            .SetResult(new NoteDraft("Gudang PPK bocor; kotak suara dipindah ke aula kecamatan", ItemStatus.Blocked, 3, 0));

        var cut = RenderCard(Item(status: ItemStatus.InProgress, version: 3));
        cut.WaitForAssertion(() => Assert.Contains("belum tersimpan", cut.Find(".draft-offer").TextContent, StringComparison.Ordinal));
        Button(cut, "Lanjutkan catatan ini").Click();

        Assert.Equal("Gudang PPK bocor; kotak suara dipindah ke aula kecamatan", cut.Find($"#note-{ItemId}").GetAttribute("value"));
        Button(cut, "Simpan sebagai Kendala").Click();
        var change = Assert.Single(Saves);
        Assert.Equal((ItemStatus.Blocked, "Gudang PPK bocor; kotak suara dipindah ke aula kecamatan", 3), (change.Status, change.Note, change.ExpectedVersion));
        Assert.Contains(module.Invocations, i => i.Identifier == "clear" && Equals(i.Arguments[0], $"penghubung.kpu:{ItemId}"));
    }

    [Fact]
    public void A_note_being_written_is_watched_by_the_browser_under_the_user_and_item()
    {
        var module = JSInterop.SetupModule("./Components/Pages/Tasks/ItemCard.razor.js");
        module.Mode = JSRuntimeMode.Loose;

        var cut = RenderCard(Item(status: ItemStatus.InProgress, version: 3));
        Button(cut, "Tambah catatan").Click();

        cut.WaitForAssertion(() => Assert.Contains(module.Invocations, i => i.Identifier == "watch" && Equals(i.Arguments[1], $"penghubung.kpu:{ItemId}")));
    }

    [Fact]
    public void A_new_note_starts_empty_beside_the_current_one_and_takes_it_only_when_asked()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var cut = RenderCard(Item(status: ItemStatus.InProgress, note: "Menunggu truk dari Kodim."));

        Button(cut, "Tambah catatan").Click();

        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? "");
        Assert.Equal("Menunggu truk dari Kodim.", cut.Find(".item-note").TextContent.Trim());
        Button(cut, "Mulai dari catatan sekarang").Click();
        Assert.Equal("Menunggu truk dari Kodim.", cut.Find("textarea").GetAttribute("value"));
    }

    [Fact]
    public void A_status_tap_with_a_typed_unsaved_note_asks_once_and_saves_what_the_liaison_chose()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var cut = RenderCard(Item(status: ItemStatus.InProgress, note: "Menunggu truk dari Kodim."));
        Button(cut, "Tambah catatan").Click();
        cut.Find("textarea").Input("Truk tiba, logistik dibongkar.");

        StatusButton(cut, "Siap").Click();

        Assert.Empty(Saves);
        Assert.Contains("belum disimpan", cut.Find(".note-question").TextContent);
        Button(cut, "Simpan tanpa catatan").Click();
        var saved = Assert.Single(Saves);
        Assert.Equal((ItemStatus.Ready, (string?)null), (saved.Status, saved.Note));
    }

    [Fact]
    public void Answering_with_the_note_saves_the_status_and_the_note_as_typed()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var cut = RenderCard(Item(status: ItemStatus.InProgress, note: "Menunggu truk dari Kodim."));
        Button(cut, "Tambah catatan").Click();
        cut.Find("textarea").Input("Truk tiba, logistik dibongkar.");

        StatusButton(cut, "Siap").Click();
        Button(cut, "Simpan dengan catatan").Click();

        var saved = Assert.Single(Saves);
        Assert.Equal((ItemStatus.Ready, "Truk tiba, logistik dibongkar."), (saved.Status, saved.Note));
    }

    [Fact]
    public void Missing_item_shows_that_it_is_gone()
    {
        Answer(_ => new SaveResult.NotFound());
        var cut = RenderCard(Item(status: ItemStatus.InProgress));

        StatusButton(cut, "Siap").Click();

        Assert.Single(Saves);
        Assert.Empty(Changes);
        Assert.Equal("Butir ini tidak ada lagi.", Message(cut).TextContent.Trim());
    }

    [Fact]
    public void Note_with_markup_is_shown_as_text()
    {
        const string note = "<script>alert(1)</script>";
        var cut = RenderCard(Item(note: note));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", cut.Markup);
        Assert.Empty(cut.FindAll("script"));
        Assert.Equal(note, cut.Find(".item-note").TextContent.Trim());
    }

    [Fact]
    public void Without_edit_rights_shows_the_status_but_no_buttons()
    {
        var cut = RenderCard(Item(status: ItemStatus.Blocked, note: "Menunggu surat dari KPU provinsi."), canEdit: false);

        Assert.Empty(cut.FindAll(".status-buttons"));
        Assert.Empty(cut.FindAll("button"));
        Assert.Empty(cut.FindAll("textarea"));
        Assert.Equal("Kendala", cut.Find("[data-status]").TextContent.Trim());
        Assert.Equal("Menunggu surat dari KPU provinsi.", cut.Find(".item-note").TextContent.Trim());
    }

    [Fact]
    public void Input_refused_by_the_store_is_shown_as_its_message()
    {
        Answer(_ => throw new InputException(InputException.NoteTooLong, ChecklistStore.MaxNoteLength));
        var cut = RenderCard(Item(status: ItemStatus.InProgress));

        StatusButton(cut, "Siap").Click();

        var message = Message(cut);
        Assert.Equal("alert", message.GetAttribute("role"));
        Assert.Equal("Catatan paling banyak 1000 karakter.", message.TextContent.Trim());
        Assert.Empty(Changes);
    }

    [Fact]
    public void Input_refused_while_writing_a_note_is_shown_under_the_note()
    {
        Answer(_ => throw new InputException(InputException.BlockedNeedsNote));
        var cut = RenderCard(Item(status: ItemStatus.InProgress));
        StatusButton(cut, "Kendala").Click();
        cut.Find("textarea").Input("x");

        Button(cut, "Simpan sebagai Kendala").Click();

        Assert.Single(Saves);
        Assert.Equal(
            "Status Kendala wajib disertai catatan: apa yang menghambat dan apa yang dibutuhkan.",
            NoteHelp(cut));
    }

    [Fact]
    public void Another_agencys_item_refused_by_the_store_is_explained()
    {
        Answer(_ => throw new AccessDeniedException(AccessDeniedException.NotYourAgency, "andi may not change POLRI items."));
        var cut = RenderCard(Item(status: ItemStatus.InProgress));

        StatusButton(cut, "Siap").Click();

        var message = Message(cut);
        Assert.Equal("alert", message.GetAttribute("role"));
        Assert.Equal(
            "Butir ini milik instansi lain; Anda hanya dapat mengubah butir instansi Anda sendiri.",
            message.TextContent.Trim());
        Assert.Empty(Changes);
    }

    [Fact]
    public void Overdue_item_shows_the_days_late_and_needs_attention()
    {
        var cut = RenderCard(Item(status: ItemStatus.InProgress, dueDate: RegionToday.AddDays(-3)));

        Assert.Contains("needs-attention", cut.Find("article.item-card").ClassList);
        Assert.Contains("terlambat 3 hari", cut.Find(".item-meta").TextContent);
    }

    [Theory]
    [InlineData(ItemStatus.Ready, -3)]
    [InlineData(ItemStatus.InProgress, 0)]
    [InlineData(ItemStatus.NotStarted, 5)]
    public void Ready_or_not_yet_due_item_is_not_late(string status, int daysFromToday)
    {
        var cut = RenderCard(Item(status: status, dueDate: RegionToday.AddDays(daysFromToday)));

        Assert.DoesNotContain("needs-attention", cut.Find("article.item-card").ClassList);
        Assert.DoesNotContain("terlambat", cut.Markup);
    }

    [Fact]
    public void Blocked_item_needs_attention_even_before_its_due_date()
    {
        var cut = RenderCard(Item(status: ItemStatus.Blocked, note: "Gudang banjir.", dueDate: RegionToday.AddDays(5)));

        Assert.Contains("needs-attention", cut.Find("article.item-card").ClassList);
        Assert.DoesNotContain("terlambat", cut.Markup);
    }
}
