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
/// the feed by <see cref="ItemState"/>.
/// </summary>
public partial class ItemPage
{
    [Inject] private ChecklistStore Checklists { get; set; } = default!;

    [Inject] private Readiness.Web.Accounts.CurrentActor CurrentActor { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private EvidenceStore EvidenceStore { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private string? _evidenceMessage;

    /// <summary>The item's id.</summary>
    [Parameter] public long Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        await State.LoadAsync(Id);
        if (State.NotFound)
        {
            Navigation.NotFound();
        }
    }

    private async Task<SaveResult> SaveAsync(StatusChange change) =>
        await Checklists.ChangeStatusAsync(await CurrentActor.GetAsync(), change);

    private Task OnChangedAsync(ChecklistItem item) => State.SavedAsync(item);

    private async Task RemoveEvidenceAsync(Evidence evidence)
    {
        if (!await Admin.ConfirmDialog.AskAsync(Dialogs, L["Evidence.Remove"], L["Evidence.RemoveConfirm"], L["Evidence.Remove"]))
        {
            return;
        }

        try
        {
            _evidenceMessage = await EvidenceStore.RemoveAsync(await CurrentActor.GetAsync(), evidence.Id) ? null : L["Evidence.NotFound"].Value;
            await State.EvidenceChangedAsync();
        }
        catch (AccessDeniedException ex)
        {
            _evidenceMessage = L[ex.Reason];
        }
    }

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(L["Nav.Home"], "/"),
        .. State.Actor?.Role == Roles.Liaison ? [new BreadcrumbItem(L["Tasks.Title"], "/tugas")] : Array.Empty<BreadcrumbItem>(),
        new(State.View?.RegionName ?? "", null, disabled: true),
    ];
}
