using System.Globalization;
using Microsoft.AspNetCore.Components;
using Readiness.Data.Accounts;
using Readiness.Data.Neutrality;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Web.Accounts;
using Readiness.Web.Hosting;

namespace Readiness.Web.Components.Pages.Neutrality;

/// <summary>
/// The neutrality cases of a region, for those who work them: a Bawaslu liaison records a case (on a phone) and moves
/// it on; the Pemda liaison or a leader records the PPK's sanction; the Pemda liaison keeps the OPD register; the Pemda
/// or Bawaslu liaison records sessions. Names show only to those entitled, and the store logs every such read.
/// </summary>
public partial class NeutralityCasesPage
{
    /// <summary>The region's Kemendagri code (a regency/city or a kecamatan; a province shows its register).</summary>
    [Parameter] public string Code { get; set; } = "";

    [Inject] private NeutralityStore Store { get; set; } = default!;

    [Inject] private RegionStore Regions { get; set; } = default!;

    [Inject] private CurrentActor CurrentActor { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ILogger<NeutralityCasesPage> Logger { get; set; } = default!;

    private Actor? _actor;
    private Region? _region;
    private string? _problem;
    private string? _message;
    private bool _isError;
    private bool _busy;
    private IReadOnlyList<Region> _regions = [];
    private IReadOnlyList<NeutralityCase> _cases = [];
    private IReadOnlyList<NeutralityOffice> _offices = [];

    private string? _caseRegion;
    private string? _name;
    private string? _nip;
    private string? _position;
    private string? _office;
    private string _kind = NeutralityKinds.SocialMedia;
    private string _source = NeutralitySources.Finding;
    private string? _reportedOn;
    private string? _account;
    private Guid _recordOperation = Guid.NewGuid();
    private string _sanction = NeutralitySanctions.Moral;
    private int _deadlineDays = NeutralityMove.DefaultDeadlineDays;
    private string? _sessionDate;
    private string? _audience;
    private int _participants;
    private string? _newOffice;
    private string? _decree;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        (_problem, _loadError) = (null, null);
        try
        {
            _actor = await CurrentActor.GetAsync();
            _region = await Regions.FindAsync(Code);
            if (_region is null)
            {
                Navigation.NotFound();
                return;
            }

            if (!_actor.CanSee(_region.Code))
            {
                _problem = AccessDeniedException.OutOfScope;
                return;
            }

            if (!(_actor.CanSeeCasePersonalData(Code) || _actor.CanRecordCase(Code) || _actor.CanRecordSanction(Code)
                  || _actor.CanKeepOfficeRegister(Code) || _actor.CanRecordSession(Code)))
            {
                _problem = AccessDeniedException.ReadOnly;
                return;
            }

            _regions = _region.Level == RegionLevel.Regency ? [_region, .. await Regions.ChildrenAsync(_region.Code)] : [_region];
            _caseRegion ??= _region.Level == RegionLevel.Province ? null : _region.Code;
            var today = _region.Zone.Today(Time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _reportedOn ??= today;
            _sessionDate ??= today;
            await ReloadAsync();
        }
        catch (Exception ex) when (L.ForUser(ex) is { } message)
        {
            _problem = ex is AccessDeniedException denied ? denied.Reason : null;
            (_message, _isError) = (message, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not NavigationException)
        {
            // The page is not shown half read: the failure in words with a retry, the exception in the log.
            Logger.LogWarning(ex, "The neutrality cases of {Region} could not be read", Code);
            (_region, _loadError) = (null, L["PageState.Failed"]);
        }
    }

    private string? _loadError;

    private Task RetryAsync()
    {
        _loadError = null;
        return OnParametersSetAsync();
    }

    private async Task ReloadAsync()
    {
        _cases = _region!.Level == RegionLevel.Province ? [] : await Store.CasesAsync(_actor!, _region.Code, withPersonalData: true);
        _offices = _region.Level == RegionLevel.District ? [] : (await Store.OfficesAsync(_actor!, _region.Code)).Where(o => o.RegionCode == _region.Code).ToList();
    }

    private Task RecordAsync() => RunAsync(async () =>
    {
        if (!DateOnly.TryParseExact(_reportedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reportedOn))
        {
            throw new InputException(NeutralityInput.DateInvalid);
        }

        var recorded = await Store.RecordCaseAsync(_actor!, new NewNeutralityCase(_caseRegion ?? "", _name ?? "", _nip ?? "", _position ?? "", _office ?? "",
            _kind, _source, reportedOn, _account ?? ""), _recordOperation);
        (_name, _nip, _position, _office, _account, _recordOperation) = (null, null, null, null, null, Guid.NewGuid());
        return L["Neutrality.Recorded", recorded.Id];
    });

    private Task MoveAsync(NeutralityCase c, string step) => RunAsync(async () =>
    {
        var moved = await Store.MoveCaseAsync(_actor!, new NeutralityMove(c.Id, c.Version, step, Guid.NewGuid(),
            step == NeutralitySteps.AtPpk ? _deadlineDays : null, step == NeutralitySteps.Sanctioned ? _sanction : null));
        return L["Neutrality.Moved", moved.Id, L["Neutrality.Step." + moved.Step]];
    });

    private Task CorrectAsync(NeutralityCase c) => RunAsync(async () =>
    {
        var corrected = await Store.CorrectCaseAsync(_actor!, c.Id, c.Version, L["Neutrality.CorrectionReason", L["Neutrality.Step." + c.Step]], Guid.NewGuid());
        return L["Neutrality.Moved", corrected.Id, L["Neutrality.Step." + corrected.Step]];
    });

    private Task AddSessionAsync() => RunAsync(async () =>
    {
        if (!DateOnly.TryParseExact(_sessionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var heldOn))
        {
            throw new InputException(NeutralityInput.DateInvalid);
        }

        await Store.AddSessionAsync(_actor!, new NewNeutralitySession(_region!.Code, heldOn, _audience ?? "", _participants, null), Guid.NewGuid());
        (_audience, _participants) = (null, 0);
        return L["Neutrality.SessionRecorded"];
    });

    private Task AddOfficeAsync() => RunAsync(async () =>
    {
        await Store.AddOfficeAsync(_actor!, _region!.Code, _newOffice ?? "", Guid.NewGuid());
        _newOffice = null;
        return L["Neutrality.OfficeAdded"];
    });

    private Task PledgeTodayAsync(NeutralityOffice office) => RunAsync(async () =>
    {
        await Store.RecordOfficeAsync(_actor!, office.Id, office.Version, _region!.Zone.Today(Time), null, null, Guid.NewGuid());
        return L["Neutrality.OfficeRecorded", office.Name];
    });

    private Task SatgasTodayAsync(NeutralityOffice office) => RunAsync(async () =>
    {
        await Store.RecordOfficeAsync(_actor!, office.Id, office.Version, null, _region!.Zone.Today(Time), _decree, Guid.NewGuid());
        return L["Neutrality.OfficeRecorded", office.Name];
    });

    private async Task RunAsync(Func<Task<string>> work)
    {
        _busy = true;
        try
        {
            (_message, _isError) = (await work(), false);
            await ReloadAsync();
        }
        catch (Exception ex) when (L.ForUser(ex) is { } message)
        {
            (_message, _isError) = (message, true);
            await ReloadAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "A neutrality change in {Region} failed", Code);
            (_message, _isError) = (L["Home.LoadFailed"], true);
        }
        finally
        {
            _busy = false;
        }
    }
}
