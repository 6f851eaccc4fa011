using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;

namespace Readiness.Web.Components.Pages.Tasks;

/// <summary>One checklist item as a liaison works it: status in one tap, a note, a conflict view, a kept draft.</summary>
public sealed partial class ItemCard : ComponentBase
{
    // Where the card is (idle, saving, writing a note, facing a conflict, offering a draft): one value, changed only
    // by the transitions below.
    private ItemCardState _state = new ItemCardState.Idle();
    private ItemCardModel? _rendered;
    private Guid _operationId = Guid.NewGuid();
    private bool _watchNote;
    private bool _draftChecked;
    private ElementReference _noteBox;

    // What the inputs and the message line hold.
    private string _note = "";
    private string? _noteError;
    private string? _message;
    private bool _isError;
    private string? _savedStatus;
    private string _doneText = "";
    private string _targetText = "";
    private string? _numberError;
    private int? _numbersShownForVersion;
    private string _shownDone = "";
    private string _shownTarget = "";

    [Inject] private ILogger<ItemCard> Logger { get; set; } = default!;

    [Inject] private NoteDrafts Drafts { get; set; } = default!;

    /// <summary>What the card shows; an equal model skips the render, any member changed repaints the card.</summary>
    [Parameter, EditorRequired] public ItemCardModel Model { get; set; } = default!;

    /// <summary>Stores a change; the card shows what came of it.</summary>
    [Parameter, EditorRequired] public Func<StatusChange, Task<SaveResult>> Save { get; set; } = default!;

    /// <summary>Told when the item changed (saved here, or someone else's change taken).</summary>
    [Parameter] public EventCallback<ChecklistItem> Changed { get; set; }

    /// <summary>Told when the checkbox is ticked or cleared.</summary>
    [Parameter] public EventCallback<bool> SelectedChanged { get; set; }

    /// <summary>Where the card is now.</summary>
    internal ItemCardState State => _state;

    private ItemView View => Model.View;

    private ChecklistItem Item => View.Item;

    private DateOnly Today => Model.Today;

    private bool CanEdit => Model.CanEdit;

    private bool Selectable => Model.Selectable;

    private bool Selected => Model.Selected;

    private Readiness.Data.Notifications.ItemEscalation? Escalation => Model.Escalation;

    private IReadOnlyDictionary<string, Readiness.Data.Accounts.Contact>? Contacts => Model.Contacts;

    private int EvidenceCount => Model.EvidenceCount;

    private bool IsSaving => _state is ItemCardState.Saving;

    /// <summary>What the markup shows: while a change is on its way, the state it left, with its buttons disabled.</summary>
    private ItemCardState Shown => _state is ItemCardState.Saving saving ? saving.ReturnTo : _state;

    /// <summary>
    /// A list re-renders its cards whenever one changes; a card handed a model equal to the one it last rendered skips
    /// that render, so a save repaints one card, not the page. The callbacks are behaviour, read when used.
    /// </summary>
    public override Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        if (_rendered is not null && Model == _rendered)
        {
            return Task.CompletedTask;
        }

        return base.SetParametersAsync(ParameterView.Empty);
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        var before = _rendered;
        _rendered = Model;
        if (_numbersShownForVersion != Item.Version && !NumbersTyped())
        {
            // The item's own number, unless the liaison is typing one: a live change never wipes what they typed.
            ShowNumbers(Item);
        }

        if (Model.Conflict is { } c && !ReferenceEquals(c.Conflict, before?.Conflict?.Conflict))
        {
            ShowConflict(c.Conflict.Current, c.Mine, fromNote: Shown is ItemCardState.Note);
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!CanEdit || !RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            if (!_draftChecked)
            {
                _draftChecked = true;
                // A note typed before a restart or a dropped link: offered back, never applied without a word.
                if (await Drafts.GetAsync(Item.Id) is { Text.Length: > 0 } draft && draft.Text.Trim() != (Item.Note ?? "")
                    && _state is ItemCardState.Idle)
                {
                    OfferDraft(draft);
                    StateHasChanged();
                }
            }

            if (_watchNote && Shown is ItemCardState.Note note)
            {
                _watchNote = false;
                await Drafts.WatchAsync(_noteBox, Item.Id, note.Status, note.EditVersion);
            }
        }
        catch (Exception ex) when (ex is Microsoft.JSInterop.JSDisconnectedException or TaskCanceledException)
        {
            // The circuit went away; the draft stays in the browser for the next page.
        }
    }

    private Task TapAsync(string status)
    {
        if (IsSaving)
        {
            // A second tap while the first is on its way: the first one's answer is what the liaison will see.
            return Task.CompletedTask;
        }

        var open = _state as ItemCardState.Note;
        var note = open is null ? "" : _note;
        if (ItemStatus.LacksNote(status, note))
        {
            // Kendala needs to say what blocks and what is needed: ask for it before saving, in an empty box (the
            // note it has stays in sight; "start from it" copies it in on purpose, never unseen).
            BeginNote(status, "");
            _message = null;
            return Task.CompletedTask;
        }

        if (open is not null && !string.IsNullOrWhiteSpace(note) && note.Trim() != (Item.Note ?? "") && open.AskedFor != status)
        {
            // A note typed but not saved, and a status tapped instead of its save button: asked once, never assumed.
            AskAboutNote(open, status);
            return Task.CompletedTask;
        }

        if (open is { AskedFor: not null })
        {
            _state = open with { AskedFor = null };
        }

        if (!TryReadNumbers(out var done, out var target))
        {
            return Task.CompletedTask;
        }

        var cleanNote = ItemStatus.CleanNote(note);
        if (status == Item.Status && (cleanNote is null || cleanNote == Item.Note) && done is null && target is null)
        {
            // Nothing would change (also what a click replayed after a reconnect looks like): write nothing. Right
            // after this card saved that very status (a double tap), "saved" stays: it is still true, and the
            // liaison must not be led to think nothing was saved.
            if (_savedStatus != status || _isError || _message is null)
            {
                (_message, _isError) = (L["Item.Unchanged", L["Status." + status]], false);
            }

            return Task.CompletedTask;
        }

        // The same status with a new number keeps the note it has; a new status starts without one, as before.
        var noteToSave = status == Item.Status && cleanNote is null ? Item.Note : cleanNote;
        return SubmitAsync(new StatusChange(Item.Id, Item.Version, status, noteToSave, _operationId, done, target));
    }

    /// <summary>Saves the number alone: the status and note stay as they are.</summary>
    private Task SaveNumberAsync()
    {
        if (IsSaving || !TryReadNumbers(out var done, out var target))
        {
            return Task.CompletedTask;
        }

        if (done is null && target is null)
        {
            (_message, _isError) = (L["Item.NumberUnchanged", Item.NumberText], false);
            return Task.CompletedTask;
        }

        return SubmitAsync(new StatusChange(Item.Id, Item.Version, Item.Status, Item.Note, _operationId, done, target));
    }

    /// <summary>Whether the liaison typed in the fields since they were last filled from the item.</summary>
    private bool NumbersTyped() =>
        _numbersShownForVersion is not null && (_doneText.Trim() != _shownDone || _targetText.Trim() != _shownTarget);

    private void ShowNumbers(ChecklistItem item)
    {
        _numbersShownForVersion = item.Version;
        _doneText = _shownDone = item.Done?.ToString(CultureInfo.InvariantCulture) ?? "";
        _targetText = _shownTarget = item.Target?.ToString(CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>
    /// Reads the typed number: null where it equals the item's (nothing to change). Text, a negative number or one
    /// out of bounds gets a message under the fields, and nothing is sent.
    /// </summary>
    private bool TryReadNumbers(out int? done, out int? target)
    {
        done = null;
        target = null;
        _numberError = null;
        if (!Item.HasNumber)
        {
            return true;
        }

        try
        {
            var typedDone = ItemNumbers.Parse(_doneText, InputException.DoneInvalid);
            var typedTarget = Item.TargetFixed ? Item.Target : ItemNumbers.Parse(_targetText, InputException.TargetInvalid);
            if (typedDone == Item.Done && typedTarget == Item.Target)
            {
                // Nothing to change: a status or a note alone is saved even on an item a figure left above its target.
                return true;
            }

            ItemNumbers.Validate(typedDone, typedTarget, Item.AllowOver, Item.TargetFixed);
            done = typedDone != Item.Done ? typedDone : null;
            target = !Item.TargetFixed && typedTarget != Item.Target ? typedTarget : null;
            if (target is not null && done is null)
            {
                done = typedDone; // a new target with the same done: the number is saved whole
            }

            return true;
        }
        catch (InputException ex)
        {
            _numberError = L[ex.Key, ex.Arguments];
            _message = null;
            return false;
        }
    }

    private Task SaveNoteAsync()
    {
        if (_state is not ItemCardState.Note open)
        {
            return Task.CompletedTask;
        }

        var status = open.Status;
        if (ItemStatus.LacksNote(status, _note))
        {
            _noteError = L["Input.BlockedNeedsNote"];
            return Task.CompletedTask;
        }

        var note = ItemStatus.CleanNote(_note);
        if (status == Item.Status && note == Item.Note && !NumbersTyped())
        {
            (_message, _isError) = (L["Item.Unchanged", L["Status." + status]], false);
            return CancelNoteAsync();
        }

        // Saved against the version the edit began from: a change someone made meanwhile comes back as a conflict
        // to decide on, never overwritten silently.
        if (!TryReadNumbers(out var done, out var target))
        {
            return Task.CompletedTask;
        }

        return SubmitAsync(new StatusChange(Item.Id, open.EditVersion, status, note, _operationId, done, target));
    }

    // A new note starts empty: the note the item has stays in sight above, and is copied in only on request.
    private void OpenNote()
    {
        if (!IsSaving)
        {
            BeginNote(Item.Status, ""); // the status the person saw when they began
        }
    }

    private void StartFromCurrentNote() => _note = Item.Note ?? "";

    // The answer to "save the typed note with this status?": with it (as typed), or the status alone.
    private Task AnswerNoteAsync(bool withNote)
    {
        if (_state is not ItemCardState.Note { AskedFor: { } status } open)
        {
            return Task.CompletedTask;
        }

        if (withNote)
        {
            return TapAsync(status);
        }

        _state = open with { AskedFor = null };
        if (!TryReadNumbers(out var done, out var target))
        {
            return Task.CompletedTask;
        }

        return SubmitAsync(new StatusChange(Item.Id, Item.Version, status, status == Item.Status ? Item.Note : null, _operationId, done, target));
    }

    /// <summary>Opens the note box for <paramref name="status"/>, saved against the version the edit begins from.</summary>
    private void BeginNote(string status, string text, int? version = null)
    {
        _state = new ItemCardState.Note(status, version ?? Item.Version);
        _note = text;
        _watchNote = true;
        _noteError = null;
    }

    private void AskAboutNote(ItemCardState.Note open, string status)
    {
        _state = open with { AskedFor = status };
        _message = null;
    }

    private void OfferDraft(NoteDraft draft) => _state = new ItemCardState.Draft(draft);

    private void ShowConflict(ChecklistItem theirs, StatusChange mine, bool fromNote)
    {
        _state = new ItemCardState.Conflict(theirs, mine, fromNote);
        _message = null;
    }

    private void RestoreDraft()
    {
        if (_state is not ItemCardState.Draft { Offered: var draft })
        {
            return;
        }

        // Back to the version the draft began from: a change made since then comes back as a conflict on saving.
        BeginNote(ItemStatus.IsValid(draft.Status) ? draft.Status! : Item.Status, draft.Text, draft.Version > 0 ? draft.Version : null);
    }

    private async Task DiscardDraftAsync()
    {
        if (_state is ItemCardState.Draft)
        {
            _state = new ItemCardState.Idle();
        }

        await ForgetDraftAsync();
    }

    private async Task CancelNoteAsync()
    {
        if (IsSaving)
        {
            return;
        }

        CloseNote();
        await ForgetDraftAsync();
    }

    private void CloseNote()
    {
        _state = new ItemCardState.Idle();
        _watchNote = false;
        _noteError = null;
        _note = "";
    }

    private async Task ForgetDraftAsync()
    {
        try
        {
            await Drafts.ClearAsync(Item.Id);
        }
        catch (Exception ex) when (ex is Microsoft.JSInterop.JSException or Microsoft.JSInterop.JSDisconnectedException or TaskCanceledException)
        {
            Logger.LogDebug(ex, "Draft of item {ItemId} not cleared", Item.Id);
        }
    }

    private Task ApplyMineAsync() =>
        _state is ItemCardState.Conflict conflict
            ? SubmitAsync(conflict.Mine with { ExpectedVersion = conflict.Theirs.Version, OperationId = Guid.NewGuid() })
            : Task.CompletedTask;

    private async Task KeepTheirsAsync()
    {
        if (_state is not ItemCardState.Conflict { Theirs: var theirs })
        {
            return;
        }

        CloseNote();
        _message = null;
        await ForgetDraftAsync();
        await Changed.InvokeAsync(theirs);
    }

    /// <summary>Whether leaving <paramref name="state"/> settles a note the browser keeps a draft of.</summary>
    private static bool WritesNote(ItemCardState state) => state is ItemCardState.Note or ItemCardState.Conflict { FromNote: true };

    private async Task SubmitAsync(StatusChange change)
    {
        var from = _state;
        _state = new ItemCardState.Saving(from);
        _message = null;
        _noteError = null;
        try
        {
            var result = await Save(change);
            switch (result)
            {
                case SaveResult.Saved saved:
                    await DoneAsync(from, saved.Item);
                    StateHasChanged(); // the liaison sees "saved" now, before the page around the card catches up
                    await Changed.InvokeAsync(saved.Item);
                    break;
                case SaveResult.AlreadyApplied applied:
                    await DoneAsync(from, applied.Item);
                    await Changed.InvokeAsync(applied.Item);
                    break;
                case SaveResult.Conflict conflict:
                    ShowConflict(conflict.Current, change, WritesNote(from));
                    break;
                default:
                    (_message, _isError) = (L["Item.Gone"], true);
                    break;
            }
        }
        catch (InputException ex) when (ex.Key is InputException.DoneInvalid or InputException.TargetInvalid
                                             or InputException.DoneAboveTarget or InputException.TargetFixed)
        {
            _numberError = L[ex.Key, ex.Arguments];
        }
        catch (InputException ex)
        {
            if (from is ItemCardState.Note)
            {
                _noteError = L[ex.Key, ex.Arguments];
            }
            else
            {
                (_message, _isError) = (L[ex.Key, ex.Arguments], true);
            }
        }
        catch (AccessDeniedException ex)
        {
            (_message, _isError) = (L[ex.Reason], true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Saving item {ItemId} failed", change.ItemId);
            (_message, _isError) = (L["Item.SaveFailed"], true);
        }
        finally
        {
            if (_state is ItemCardState.Saving)
            {
                // Refused or failed: back where the save began (a refused note stays open with its error).
                _state = from;
            }
        }
    }

    /// <summary>
    /// Saved: the card says so and rests again. A draft that was on offer stays on offer (a status saved without it
    /// does not answer it); a note that was being written is settled, and its draft forgotten.
    /// </summary>
    private async Task DoneAsync(ItemCardState from, ChecklistItem saved)
    {
        var status = saved.Status;
        (_message, _isError) = (saved is { HasNumber: true, Done: not null } ? L["Item.SavedWithNumber", L["Status." + status], saved.NumberText] : L["Item.Saved", L["Status." + status]], false);
        _numberError = null;
        ShowNumbers(saved);
        _savedStatus = status;
        // The next edit begins now: a replayed click of this one keeps the old id and changes nothing.
        _operationId = Guid.NewGuid();
        // Settled before anything is awaited: a render in between (the feed bringing this very change) shows the
        // card at rest with "saved", never the note still open beside it.
        var hadNote = WritesNote(from);
        CloseNote();
        if (from is ItemCardState.Draft)
        {
            _state = from;
        }

        if (hadNote)
        {
            await ForgetDraftAsync();
        }
    }
}
