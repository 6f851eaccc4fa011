using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;

namespace Readiness.Web.Components.Pages.Tasks;

/// <summary>One checklist item as a liaison works it: status in one tap, a note, a conflict view, a kept draft.</summary>
public sealed partial class ItemCard : ComponentBase
{
    private Guid _operationId = Guid.NewGuid();
    private bool _saving;
    private bool _noteOpen;
    private bool _watchNote;
    private string _note = "";
    private string? _askNoteFor;
    private string? _noteError;
    private string? _pendingStatus;
    private int? _editVersion;
    private ChecklistItem? _conflict;
    private StatusChange? _mine;
    private string? _message;
    private bool _isError;
    private string? _savedStatus;
    private NoteDraft? _offeredDraft;
    private bool _draftChecked;
    private ElementReference _noteBox;
    private SaveResult.Conflict? _shownConflict;
    private bool _hasParameters;
    private string _doneText = "";
    private string _targetText = "";
    private string? _numberError;
    private int? _numbersShownForVersion;
    private string _shownDone = "";
    private string _shownTarget = "";

    [Inject] private ILogger<ItemCard> Logger { get; set; } = default!;

    [Inject] private NoteDrafts Drafts { get; set; } = default!;

    /// <summary>The item with its region and stage.</summary>
    [Parameter, EditorRequired] public ItemView View { get; set; } = default!;

    /// <summary>Today in the item's region, for the overdue rule.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    /// <summary>Whether the signed-in user may change this item (the service checks again).</summary>
    [Parameter] public bool CanEdit { get; set; }

    /// <summary>Stores a change; the card shows what came of it.</summary>
    [Parameter, EditorRequired] public Func<StatusChange, Task<SaveResult>> Save { get; set; } = default!;

    /// <summary>Told when the item changed (saved here, or someone else's change taken).</summary>
    [Parameter] public EventCallback<ChecklistItem> Changed { get; set; }

    /// <summary>Shows a checkbox, for a bulk action over several items.</summary>
    [Parameter] public bool Selectable { get; set; }

    /// <summary>Whether the checkbox is ticked.</summary>
    [Parameter] public bool Selected { get; set; }

    /// <summary>Told when the checkbox is ticked or cleared.</summary>
    [Parameter] public EventCallback<bool> SelectedChanged { get; set; }

    /// <summary>
    /// A conflict found for this item outside the card (a bulk action) with the change that was refused: shown as if
    /// the card had met it, with the same choice.
    /// </summary>
    [Parameter] public (SaveResult.Conflict Conflict, StatusChange Mine)? Conflict { get; set; }

    /// <summary>The item's "Dieskalasi" mark while it is escalated and unchanged since; null otherwise.</summary>
    [Parameter] public Readiness.Data.Notifications.ItemEscalation? Escalation { get; set; }

    /// <summary>The name, unit and number behind login names, where the page read them; null shows login names.</summary>
    [Parameter] public IReadOnlyDictionary<string, Readiness.Data.Accounts.Contact>? Contacts { get; set; }

    /// <summary>How many photos and documents prove the item; shown as "2 bukti" when any.</summary>
    [Parameter] public int EvidenceCount { get; set; }

    private ChecklistItem Item => View.Item;

    /// <summary>
    /// A list re-renders its cards whenever one changes; a card whose item, day, rights, selection and conflict are
    /// the same as before skips that render, so a save repaints one card, not the page.
    /// </summary>
    public override Task SetParametersAsync(ParameterView parameters)
    {
        if (_hasParameters
            && ReferenceEquals(parameters.GetValueOrDefault<ItemView>(nameof(View)), View)
            && parameters.GetValueOrDefault<DateOnly>(nameof(Today)) == Today
            && parameters.GetValueOrDefault<bool>(nameof(CanEdit)) == CanEdit
            && parameters.GetValueOrDefault<int>(nameof(EvidenceCount)) == EvidenceCount
            && parameters.GetValueOrDefault<bool>(nameof(Selectable)) == Selectable
            && parameters.GetValueOrDefault<bool>(nameof(Selected)) == Selected
            && Equals(parameters.GetValueOrDefault<(SaveResult.Conflict, StatusChange)?>(nameof(Conflict)), Conflict)
            && ReferenceEquals(parameters.GetValueOrDefault<Readiness.Data.Notifications.ItemEscalation>(nameof(Escalation)), Escalation)
            && ReferenceEquals(parameters.GetValueOrDefault<IReadOnlyDictionary<string, Readiness.Data.Accounts.Contact>>(nameof(Contacts)), Contacts))
        {
            return Task.CompletedTask;
        }

        _hasParameters = true;
        return base.SetParametersAsync(parameters);
    }

    protected override void OnParametersSet()
    {
        if (_numbersShownForVersion != Item.Version && !NumbersTyped())
        {
            // The item's own number, unless the liaison is typing one: a live change never wipes what they typed.
            ShowNumbers(Item);
        }

        if (Conflict is { } c && !ReferenceEquals(c.Conflict, _shownConflict))
        {
            _shownConflict = c.Conflict;
            _conflict = c.Conflict.Current;
            _mine = c.Mine;
            _message = null;
        }
    }

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
                if (await Drafts.GetAsync(Item.Id) is { Text.Length: > 0 } draft && draft.Text.Trim() != (Item.Note ?? ""))
                {
                    _offeredDraft = draft;
                    StateHasChanged();
                }
            }

            if (_watchNote)
            {
                _watchNote = false;
                await Drafts.WatchAsync(_noteBox, Item.Id, _pendingStatus ?? Item.Status, _editVersion ?? Item.Version);
            }
        }
        catch (Exception ex) when (ex is Microsoft.JSInterop.JSDisconnectedException or TaskCanceledException)
        {
            // The circuit went away; the draft stays in the browser for the next page.
        }
    }

    private Task TapAsync(string status)
    {
        if (_saving)
        {
            // A second tap while the first is on its way: the first one's answer is what the liaison will see.
            return Task.CompletedTask;
        }

        var note = _noteOpen ? _note : "";
        if (ItemStatus.LacksNote(status, note))
        {
            // Kendala needs to say what blocks and what is needed: ask for it before saving, in an empty box (the
            // note it has stays in sight; "start from it" copies it in on purpose, never unseen).
            BeginNote(status, "");
            _message = null;
            return Task.CompletedTask;
        }

        if (_noteOpen && !string.IsNullOrWhiteSpace(note) && note.Trim() != (Item.Note ?? "") && _askNoteFor != status)
        {
            // A note typed but not saved, and a status tapped instead of its save button: asked once, never assumed.
            _askNoteFor = status;
            _message = null;
            return Task.CompletedTask;
        }

        _askNoteFor = null;

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
        if (_saving || !TryReadNumbers(out var done, out var target))
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
        var status = _pendingStatus ?? Item.Status;
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

        return SubmitAsync(new StatusChange(Item.Id, _editVersion ?? Item.Version, status, note, _operationId, done, target));
    }

    // A new note starts empty: the note the item has stays in sight above, and is copied in only on request.
    private void OpenNote() => BeginNote(Item.Status, ""); // the status the person saw when they began

    private void StartFromCurrentNote() => _note = Item.Note ?? "";

    // The answer to "save the typed note with this status?": with it (as typed), or the status alone, the note kept open.
    private Task AnswerNoteAsync(bool withNote)
    {
        var status = _askNoteFor!;
        if (withNote)
        {
            return TapAsync(status);
        }

        _askNoteFor = null;
        if (!TryReadNumbers(out var done, out var target))
        {
            return Task.CompletedTask;
        }

        return SubmitAsync(new StatusChange(Item.Id, Item.Version, status, status == Item.Status ? Item.Note : null, _operationId, done, target));
    }

    private void BeginNote(string status, string text, int? version = null)
    {
        _pendingStatus = status;
        _note = text;
        _noteOpen = true;
        _askNoteFor = null;
        _watchNote = true;
        _editVersion = version ?? Item.Version;
        _noteError = null;
    }

    private void RestoreDraft()
    {
        var draft = _offeredDraft!;
        _offeredDraft = null;
        // Back to the version the draft began from: a change made since then comes back as a conflict on saving.
        BeginNote(ItemStatus.IsValid(draft.Status) ? draft.Status! : Item.Status, draft.Text, draft.Version > 0 ? draft.Version : null);
    }

    private async Task DiscardDraftAsync()
    {
        _offeredDraft = null;
        await ForgetDraftAsync();
    }

    private async Task CancelNoteAsync()
    {
        CloseNote();
        await ForgetDraftAsync();
    }

    private void CloseNote()
    {
        _noteOpen = false;
        _watchNote = false;
        _editVersion = null;
        _pendingStatus = null;
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
        SubmitAsync(_mine! with { ExpectedVersion = _conflict!.Version, OperationId = Guid.NewGuid() });

    private async Task KeepTheirsAsync()
    {
        var theirs = _conflict!;
        _conflict = null;
        _mine = null;
        CloseNote();
        _message = null;
        await ForgetDraftAsync();
        await Changed.InvokeAsync(theirs);
    }

    private async Task SubmitAsync(StatusChange change)
    {
        _saving = true;
        _message = null;
        _noteError = null;
        try
        {
            var result = await Save(change);
            switch (result)
            {
                case SaveResult.Saved saved:
                    await DoneAsync(saved.Item);
                    _saving = false;
                    StateHasChanged(); // the liaison sees "saved" now, before the page around the card catches up
                    await Changed.InvokeAsync(saved.Item);
                    break;
                case SaveResult.AlreadyApplied applied:
                    await DoneAsync(applied.Item);
                    await Changed.InvokeAsync(applied.Item);
                    break;
                case SaveResult.Conflict conflict:
                    _conflict = conflict.Current;
                    _mine = change;
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
            if (_noteOpen)
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
            _saving = false;
        }
    }

    private async Task DoneAsync(ChecklistItem saved)
    {
        var status = saved.Status;
        (_message, _isError) = (saved is { HasNumber: true, Done: not null } ? L["Item.SavedWithNumber", L["Status." + status], saved.NumberText] : L["Item.Saved", L["Status." + status]], false);
        _numberError = null;
        ShowNumbers(saved);
        _savedStatus = status;
        _conflict = null;
        _mine = null;
        var hadNote = _noteOpen;
        CloseNote();
        // The next edit begins now: a replayed click of this one keeps the old id and changes nothing.
        _operationId = Guid.NewGuid();
        if (hadNote)
        {
            await ForgetDraftAsync();
        }
    }
}
