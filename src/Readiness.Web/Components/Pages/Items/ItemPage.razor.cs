using Microsoft.AspNetCore.Components;
using Readiness.Data;
using MudBlazor;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Web.Live;

namespace Readiness.Web.Components.Pages.Items;

/// <summary>
/// One checklist item: its card (status in one tap for whoever may change it) and its whole history, kept live from
/// the feed.
/// </summary>
public partial class ItemPage
{
    [Inject] private ChecklistStore Checklists { get; set; } = default!;

    [Inject] private Readiness.Web.Accounts.CurrentActor CurrentActor { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private ILogger<ItemPage> Logger { get; set; } = default!;

    [Inject] private Readiness.Data.Feed.LiveFeed Live { get; set; } = default!;

    [Inject] private ContactStore ContactStore { get; set; } = default!;

    [Inject] private EvidenceStore EvidenceStore { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private IReadOnlyDictionary<string, Contact> _contacts = new Dictionary<string, Contact>();

    private Actor? _actor;
    private ItemView? _view;
    private IReadOnlyList<ItemEvent> _history = [];
    private IReadOnlyList<Evidence> _evidence = [];
    private string? _evidenceMessage;
    private bool _canEdit;
    private bool _failed;
    private string? _denied;

    private IDisposable? _subscription;

    /// <summary>The item's id.</summary>
    [Parameter] public long Id { get; set; }

    public void Dispose() => _subscription?.Dispose();

    /// <summary>Someone changed this item: its card and its history show it at once, from the event itself.</summary>
    private Task OnChangesAsync(IReadOnlyList<Readiness.Data.Feed.FeedEvent> events) => InvokeAsync(async () =>
    {
        if (_view is null)
        {
            return;
        }

        foreach (var e in events.Where(e => e.ItemId == _view.Item.Id && _history.All(h => h.Seq != e.Seq)))
        {
            _view = _view with { Item = _view.Item.PatchedBy(e) };
            _history = [e.ToItemEvent(), .. _history];
        }

        if (events.Any(e => e.ItemId == _view.Item.Id && e.Evidence is not null))
        {
            // Evidence came or went: the list is read again (one query, only on this item's page).
            _evidence = await EvidenceStore.ListAsync(_actor!, _view.Item.Id);
        }

        StateHasChanged();
        if (_history.Any(h => h.Actor != "sistem" && !_contacts.ContainsKey(h.Actor)))
        {
            // Someone new changed the item: their name, unit and number are read once (one query).
            await LoadContactsAsync();
            StateHasChanged();
        }
    });

    /// <summary>The name, unit and number of everyone the page names (one query).</summary>
    private async Task LoadContactsAsync() =>
        _contacts = await ContactStore.ForRegionAsync(_actor!, _view!.Item.RegionCode,
            _history.Select(h => h.Actor).Append(_view.Item.UpdatedBy));

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _actor = await CurrentActor.GetAsync();
            _view = await Checklists.FindViewAsync(_actor, Id);
            if (_view is null)
            {
                Navigation.NotFound();
                return;
            }

            _canEdit = _actor.CanChangeItem(_view.Item.RegionCode, _view.Item.AgencyCode);
            if (RendererInfo.IsInteractive)
            {
                _subscription?.Dispose();
                _subscription = Live.Subscribe([_view.Item.RegionCode], OnChangesAsync);
            }

            _history = await Checklists.HistoryAsync(_actor, Id);
            _evidence = await EvidenceStore.ListAsync(_actor, Id);
            await LoadContactsAsync();
        }
        catch (AccessDeniedException ex)
        {
            _denied = L[ex.Reason];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Item {ItemId} could not be loaded", Id);
            _failed = true;
        }
    }

    private async Task<SaveResult> SaveAsync(StatusChange change) =>
        await Checklists.ChangeStatusAsync(await CurrentActor.GetAsync(), change);

    private async Task OnChangedAsync(ChecklistItem item)
    {
        _view = _view! with { Item = item.Version >= _view.Item.Version ? item : _view.Item };
        _history = await Checklists.HistoryAsync(_actor!, Id);
        await LoadContactsAsync();
    }

    private async Task RemoveEvidenceAsync(Evidence evidence)
    {
        if (!await Admin.ConfirmDialog.AskAsync(Dialogs, L["Evidence.Remove"], L["Evidence.RemoveConfirm"], L["Evidence.Remove"]))
        {
            return;
        }

        try
        {
            _evidenceMessage = await EvidenceStore.RemoveAsync(await CurrentActor.GetAsync(), evidence.Id) ? null : L["Evidence.NotFound"].Value;
            _evidence = await EvidenceStore.ListAsync(_actor!, Id);
            _history = await Checklists.HistoryAsync(_actor!, Id);
        }
        catch (AccessDeniedException ex)
        {
            _evidenceMessage = L[ex.Reason];
        }
    }

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(L["Nav.Home"], "/"),
        .. _actor?.Role == Roles.Liaison ? [new BreadcrumbItem(L["Tasks.Title"], "/tugas")] : Array.Empty<BreadcrumbItem>(),
        new(_view?.RegionName ?? "", null, disabled: true),
    ];
}
