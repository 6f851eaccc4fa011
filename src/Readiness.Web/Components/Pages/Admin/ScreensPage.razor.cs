using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Readiness.Data.Accounts;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Microsoft.JSInterop;
using Readiness.Web.Hosting;

namespace Readiness.Web.Components.Pages.Admin;

/// <summary>
/// The admin's wall-screen tokens: make one for a region (its address shown once), revoke one after a confirmation.
/// Who may do this and what a valid name or region is are checked by <see cref="ScreenTokenStore"/>.
/// </summary>
public sealed partial class ScreensPage : ComponentBase
{
    private IReadOnlyList<ScreenToken>? _tokens;
    private Dictionary<string, string> _regionNames = [];
    private MudForm? _form;

    // A new number renders the form afresh, untouched: a cleared form does not greet the admin with "required".
    private int _formVersion;
    private string? _name = "";
    private string? _region = "";

    // What the region box shows: a code picked from the list, or a code or name as typed.
    private string? _regionText = "";
    private string? _search;
    private string? _secretUrl;
    private string? _message;
    private bool _isError;
    private bool _busy;
    private string? _regionError;
    private bool? _copied;

    // Names of the regions last offered in the region list, by code.
    private Dictionary<string, string> _found = [];

    [Inject] private ScreenTokenStore Screens { get; set; } = null!;

    [Inject] private RegionStore Regions { get; set; } = null!;

    [Inject] private Readiness.Web.Accounts.CurrentActor CurrentActor { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ILogger<ScreensPage> Logger { get; set; } = null!;

    [Inject] private Microsoft.JSInterop.IJSRuntime JS { get; set; } = null!;

    private string? _loadError;

    protected override Task OnInitializedAsync() => LoadAsync();

    // The first read, and a retry after it failed: a failure is said in words, never as the exception.
    private async Task LoadAsync()
    {
        try
        {
            _loadError = null;
            await ReloadAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not Readiness.Data.Shared.AccessDeniedException)
        {
            Logger.LogWarning(ex, "The screen tokens could not be listed");
            _loadError = L["PageState.Failed"];
        }
    }

    private async Task ReloadAsync()
    {
        _tokens = await Screens.ListAsync(await CurrentActor.GetAsync());
        _regionNames = (await Regions.FindManyAsync(_tokens.Select(t => t.RegionCode).Distinct())).ToDictionary(r => r.Code, r => r.Name);
    }

    private bool Matches(ScreenToken token) =>
        string.IsNullOrWhiteSpace(_search)
        || new[] { token.Name, token.RegionCode, _regionNames.GetValueOrDefault(token.RegionCode), token.CreatedBy }
            .Any(text => text?.Contains(_search.Trim(), StringComparison.CurrentCultureIgnoreCase) == true);

    private async Task<IEnumerable<string>> SearchRegionsAsync(string? text, CancellationToken cancellationToken)
    {
        var regions = await Regions.SearchAsync(text, cancellationToken);
        _found = regions.ToDictionary(r => r.Code, r => r.Name);
        return regions.Select(r => r.Code);
    }

    /// <summary>The code of the region the admin named: a code as typed, or the one region whose name matches.</summary>
    private async Task<string?> ResolveRegionAsync(string text)
    {
        if (RegionCode.IsValid(text))
        {
            return text;
        }

        var found = await Regions.SearchAsync(text);
        var exact = found.Where(r => string.Equals(r.Name, text, StringComparison.CurrentCultureIgnoreCase)
            || r.Name.EndsWith(" " + text, StringComparison.CurrentCultureIgnoreCase)).ToList();
        var match = exact.Count == 1 ? exact : found;
        _regionError = match.Count switch
        {
            0 => L["Screens.RegionNotFound", text].Value,
            1 => null,
            _ => L["Screens.RegionAmbiguous", match.Count, string.Join(", ", match.Take(5).Select(r => $"{r.Name} ({r.Code})"))].Value,
        };
        return match.Count == 1 ? match[0].Code : null;
    }

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", _secretUrl);
            _copied = true;
        }
        catch (Microsoft.JSInterop.JSException)
        {
            // No clipboard outside a secure context (plain http on another host): the address stays on screen to copy by hand.
            _copied = false;
        }
    }

    private async Task CreateAsync()
    {
        _regionError = null;
        await _form!.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        _busy = true;
        try
        {
            var code = await ResolveRegionAsync((string.IsNullOrWhiteSpace(_regionText) ? _region ?? "" : _regionText).Trim());
            if (code is null)
            {
                return;
            }

            var (token, secret) = await Screens.CreateAsync(await CurrentActor.GetAsync(), _name ?? "", code);
            _copied = null;
            _secretUrl = Navigation.ToAbsoluteUri("/layar/masuk?token=" + secret).ToString();
            (_message, _isError) = (L["Screens.Created", token.Name], false);
            (_name, _region, _regionText) = ("", "", "");
            await ReloadAsync();
            _formVersion++;
        }
        catch (Exception ex) when (L.ForUser(ex) is { } message)
        {
            (_message, _isError, _secretUrl) = (message, true, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Screen token could not be created");
            (_message, _isError, _secretUrl) = (L["Admin.Failed"], true, null);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(ScreenToken token)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, L["Screens.RevokeConfirmTitle", token.Name], L["Screens.RevokeConfirm", token.Name], L["Screens.Revoke"]))
        {
            return;
        }

        try
        {
            await Screens.RevokeAsync(await CurrentActor.GetAsync(), token.Id);
            (_message, _isError, _secretUrl) = (L["Screens.RevokedNow", token.Name], false, null);
            await ReloadAsync();
        }
        catch (Exception ex) when (L.ForUser(ex) is { } message)
        {
            (_message, _isError) = (message, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Screen token could not be revoked");
            (_message, _isError) = (L["Admin.Failed"], true);
        }
    }
}
