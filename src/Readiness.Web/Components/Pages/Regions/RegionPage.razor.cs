using Microsoft.AspNetCore.Components;
using MudBlazor;
using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Web.Hosting;

namespace Readiness.Web.Components.Pages.Regions;

/// <summary>
/// A region (or the nation for an admin): readiness per agency, red flags, the stage timeline, the latest changes,
/// the map and the regions one level down, all kept live by <see cref="RegionState"/>.
/// </summary>
public partial class RegionPage
{
    /// <summary>The region's Kemendagri code; none for the nation.</summary>
    [Parameter] public string? Code { get; set; }

    private IReadOnlyList<(string Label, ReadinessCounts Counts)> AgencyRows =>
        Agency.All.Select(a => (a.ShortName, State.Readiness.For(a.Code))).ToList();

    private List<BreadcrumbItem> Breadcrumbs
    {
        get
        {
            var items = new List<BreadcrumbItem>
            {
                State.Actor?.IsAdmin == true ? new BreadcrumbItem("Indonesia", "/wilayah") : new BreadcrumbItem(L["Nav.Home"], "/"),
            };
            items.AddRange(State.Ancestry.Where(a => a.Code != State.Region?.Code).Select(a => new BreadcrumbItem(a.Name, $"/wilayah/{a.Code}")));
            if (State.Region is not null)
            {
                items.Add(new BreadcrumbItem(State.Region.Name, href: null, disabled: true));
            }

            return items;
        }
    }

    private IEnumerable<(RedFlagKind Kind, string Text)> FlagCounts =>
    [
        (RedFlagKind.Blocked, L["Flags.CountBlocked", State.Flags.Blocked]),
        (RedFlagKind.Overdue, L["Flags.CountOverdue", State.Flags.Overdue]),
        (RedFlagKind.DueSoon, L["Flags.CountDueSoon", State.Flags.DueSoon]),
    ];

    private Task ShowFlagsAsync(RedFlagKind kind) => State.ShowFlagsAsync(State.FlagKind == kind ? null : kind);

    private string LevelName => State.Region?.Level switch
    {
        null => L["Region.Country"],
        RegionLevel.Province => L["Region.Province"],
        RegionLevel.Regency => State.Region.IsCity ? L["Region.City"] : L["Region.Regency"],
        _ => L["Region.District"],
    };

    private string MapTitle => State.Region?.Level switch
    {
        null => L["Map.Title.Provinces"],
        RegionLevel.Province => L["Map.Title.Regencies"],
        _ => L["Map.Title.Districts"],
    };

    private string ChildrenTitle => State.Region?.Level switch
    {
        null => L["Region.Provinces"],
        RegionLevel.Province => L["Region.Regencies"],
        _ => L["Region.Districts"],
    };

    protected override async Task OnParametersSetAsync()
    {
        await State.LoadAsync(Code);
        if (State.NotFound)
        {
            Navigation.NotFound();
        }
        else if (State.NationRefused)
        {
            Navigation.NavigateTo("/");
        }
    }

    private async Task SetRiskAsync(string level)
    {
        try
        {
            await State.SetRiskLevelAsync(level);
            Snackbar.Add(L["Risk.Saved"], Severity.Success);
        }
        catch (Exception ex) when (L.ForUser(ex) is { } message)
        {
            Snackbar.Add(message, Severity.Error);
        }
    }
}
