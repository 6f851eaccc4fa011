using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Web.Hosting;

namespace Readiness.Web.Components.Pages.Admin;

/// <summary>
/// The admin names each agency's unit per regency ("Polres Kutai Kartanegara", "Kodim 0906/Kukar"), shown beside the
/// names of that agency's liaisons wherever a change is listed. Who may and what a valid name is are checked by
/// <see cref="ContactStore.SetAgencyUnitAsync(Actor, string, string, string, CancellationToken)"/>.
/// </summary>
public sealed partial class UnitsPage : ComponentBase
{
    private string? _regency;

    // The names as read, and as edited, by agency code; null while reading.
    private IReadOnlyDictionary<string, string> _saved = new Dictionary<string, string>();
    private Dictionary<string, string?>? _names;
    private Dictionary<string, string> _errors = [];
    private Dictionary<string, string> _found = [];
    private string? _message;
    private bool _isError;
    private bool _busy;

    [Inject] private ContactStore Contacts { get; set; } = null!;

    [Inject] private RegionStore Regions { get; set; } = null!;

    [Inject] private Readiness.Web.Accounts.CurrentActor CurrentActor { get; set; } = null!;

    [Inject] private ILogger<UnitsPage> Logger { get; set; } = null!;

    private static string Example(string agency) => agency switch
    {
        Agency.Pemda => "Kesbangpol Kabupaten Kutai Kartanegara",
        Agency.Kpu => "KPU Kabupaten Kutai Kartanegara",
        Agency.Bawaslu => "Bawaslu Kabupaten Kutai Kartanegara",
        Agency.Polri => "Polres Kutai Kartanegara",
        _ => "Kodim 0906/Kukar",
    };

    /// <summary>Regencies and provinces: a unit is named per regency, and per province for the governor's election.</summary>
    private async Task<IEnumerable<string>> SearchRegenciesAsync(string? text, CancellationToken cancellationToken)
    {
        var regions = (await Regions.SearchAsync(text, cancellationToken)).Where(r => r.Level is RegionLevel.Regency or RegionLevel.Province).ToList();
        foreach (var region in regions)
        {
            _found[region.Code] = region.Name;
        }

        return regions.Select(r => r.Code);
    }

    private async Task PickAsync(string? code)
    {
        (_regency, _names, _errors, _message) = (code, null, [], null);
        if (code is null)
        {
            return;
        }

        try
        {
            _saved = await Contacts.AgencyUnitsAsync(await CurrentActor.GetAsync(), code);
            _names = Agency.All.ToDictionary(a => a.Code, a => (string?)_saved.GetValueOrDefault(a.Code));
        }
        catch (Exception ex) when (L.ForUser(ex) is { } message)
        {
            (_regency, _message, _isError) = (null, message, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Unit names of {Regency} could not be read", code);
            (_regency, _message, _isError) = (null, L["Admin.Failed"], true);
        }
    }

    /// <summary>Saves each name that changed; each is its own write, so one refused name leaves the others saved and says which.</summary>
    private async Task SaveAsync()
    {
        if (_regency is not { } regency || _names is null)
        {
            return;
        }

        _busy = true;
        _errors = [];
        var saved = 0;
        try
        {
            var actor = await CurrentActor.GetAsync();
            foreach (var agency in Agency.All)
            {
                var name = _names[agency.Code]?.Trim() ?? "";
                if (name == (_saved.GetValueOrDefault(agency.Code) ?? ""))
                {
                    continue;
                }

                try
                {
                    await Contacts.SetAgencyUnitAsync(actor, agency.Code, regency, name);
                    saved++;
                }
                catch (InputException ex)
                {
                    _errors[agency.Code] = L.ForUser(ex) ?? L["Admin.Failed"];
                }
            }

            _saved = await Contacts.AgencyUnitsAsync(actor, regency);
            _message = _errors.Count > 0 ? L["Units.SomeRefused", saved, _errors.Count] : saved == 0 ? L["Units.Unchanged"] : L["Units.Saved", saved];
            _isError = _errors.Count > 0;
        }
        catch (Exception ex) when (L.ForUser(ex) is { } message)
        {
            (_message, _isError) = (message, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Unit names of {Regency} could not be saved", regency);
            (_message, _isError) = (L["Admin.Failed"], true);
        }
        finally
        {
            _busy = false;
        }
    }
}
