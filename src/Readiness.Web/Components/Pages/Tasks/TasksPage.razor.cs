using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;

namespace Readiness.Web.Components.Pages.Tasks;

/// <summary>
/// "Tugas saya": a liaison's items a page at a time, opening on what needs them now, narrowed by the address (so a
/// view can be bookmarked or shared), grouped by checklist item with a bulk action. The state holds what is shown.
/// </summary>
public sealed partial class TasksPage
{
    private readonly HashSet<long> _selected = [];
    private readonly Dictionary<long, (SaveResult.Conflict, StatusChange)> _conflicts = [];
    private bool _failed;
    private bool _loading;
    private string _bulkNote = "";
    private bool _bulkBusy;
    private string? _bulkMessage;
    private bool _bulkError;
    private Guid _bulkOperationId = Guid.NewGuid();
    private string? _loadedUri;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ILogger<TasksPage> Logger { get; set; } = default!;

    // The address's parts, so the router hands the page each new address; TaskAddress reads them all at once.
    [SupplyParameterFromQuery(Name = TaskAddress.RegionKey)] private string? Region { get; set; }

    [SupplyParameterFromQuery(Name = TaskAddress.StageKey)] private string? Stage { get; set; }

    [SupplyParameterFromQuery(Name = TaskAddress.StatusKey)] private string? Status { get; set; }

    [SupplyParameterFromQuery(Name = TaskAddress.DueKey)] private string? Due { get; set; }

    [SupplyParameterFromQuery(Name = TaskAddress.TextKey)] private string? Text { get; set; }

    [SupplyParameterFromQuery(Name = TaskAddress.GroupKey)] private string? GroupKey { get; set; }

    [SupplyParameterFromQuery(Name = TaskAddress.PageKey)] private string? PageNumber { get; set; }

    [SupplyParameterFromQuery(Name = TaskAddress.AllKey)] private string? All { get; set; }

    [SupplyParameterFromQuery(Name = TaskAddress.GroupedKey)] private string? Grouped { get; set; }

    private IReadOnlyList<ItemView> Editable => State.Page?.Items.Where(State.CanEdit).ToList() ?? [];

    private bool AllSelected => Editable.Count > 0 && Editable.All(v => _selected.Contains(v.Item.Id));

    protected override async Task OnParametersSetAsync()
    {
        var address = TaskAddress.Parse(Navigation.Uri);
        var uri = address.ToUri();
        if (uri == _loadedUri)
        {
            return;
        }

        _loading = true;
        try
        {
            _failed = false;
            if (address.Filter.Group != State.Address.Filter.Group)
            {
                _selected.Clear();
                _conflicts.Clear();
                _bulkMessage = null;
            }

            await State.LoadAsync(address);
            _loadedUri = uri;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Tasks could not be loaded");
            _failed = true;
        }
        finally
        {
            _loading = false;
        }
    }

    private void Go(TaskAddress address) => Navigation.NavigateTo(address.ToUri());

    private void GoToPage(int page) => Go(State.Address with { Filter = State.Address.Filter with { Page = page - 1 } });

    private void OnChanged(ChecklistItem item)
    {
        _conflicts.Remove(item.Id);
        State.Replace(item);
    }

    private async Task OnAddedAsync(ChecklistItem item) => await State.ReloadAsync();

    private void Select(long itemId, bool selected)
    {
        if (selected)
        {
            _selected.Add(itemId);
        }
        else
        {
            _selected.Remove(itemId);
        }

        NewBulk();
    }

    private void SelectAll(bool selected)
    {
        foreach (var view in Editable)
        {
            Select(view.Item.Id, selected);
        }
    }

    /// <summary>The selection changed: what is set next is a new request, with its own id.</summary>
    private void NewBulk()
    {
        _bulkOperationId = Guid.NewGuid();
        _bulkMessage = null;
    }

    private async Task BulkAsync(string status)
    {
        var note = ItemStatus.CleanNote(_bulkNote);
        var items = State.Page!.Items.Where(v => _selected.Contains(v.Item.Id)).Select(v => new BulkItem(v.Item.Id, v.Item.Version)).ToList();
        if (ItemStatus.LacksNote(status, note))
        {
            (_bulkMessage, _bulkError) = (L["Input.BlockedNeedsNote"], true);
            return;
        }

        _bulkBusy = true;
        try
        {
            // The same id when Blazor replays the click after a reconnect: the store writes nothing twice.
            var change = new BulkStatusChange(items, status, note, _bulkOperationId);
            var outcomes = await State.SetStatusAsync(change);
            _conflicts.Clear();
            foreach (var outcome in outcomes)
            {
                if (outcome.Result is SaveResult.Conflict conflict)
                {
                    var item = items.Single(i => i.ItemId == outcome.ItemId);
                    _conflicts[outcome.ItemId] = (conflict, new StatusChange(item.ItemId, item.ExpectedVersion, status, note, Guid.NewGuid()));
                }
            }

            var saved = outcomes.Count(o => o.IsSaved);
            var refused = outcomes.Count(o => o.Refusal is not null || o.Result is SaveResult.NotFound);
            // Only what happened: a count of nothing is not news.
            _bulkMessage = string.Join(" ", new[]
            {
                L["Tasks.BulkSaved", saved, L["Status." + status]].Value,
                _conflicts.Count > 0 ? L["Tasks.BulkConflicts", _conflicts.Count].Value : null,
                refused > 0 ? L["Tasks.BulkRefused", refused].Value : null,
            }.Where(part => part is not null));
            _bulkError = _conflicts.Count > 0 || refused > 0;
            _selected.Clear();
            _bulkNote = "";
            _bulkOperationId = Guid.NewGuid();
        }
        catch (InputException ex)
        {
            (_bulkMessage, _bulkError) = (L[ex.Key, ex.Arguments], true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Bulk status change failed");
            (_bulkMessage, _bulkError) = (L["Item.SaveFailed"], true);
        }
        finally
        {
            _bulkBusy = false;
        }
    }
}
