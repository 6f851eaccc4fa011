using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Readiness.Data.Accounts;
using Readiness.Data.Administration;
using Readiness.Web.Accounts;
using Readiness.Web.Hosting;

namespace Readiness.Web.Components.Pages.Admin;

/// <summary>
/// The admin's list of users: create one, change a user's role, agency and regions, disable (after a confirmation) or
/// enable, reset a password. Every check of who may do this and of the input is made by <see cref="UserAdministration"/>;
/// the form only asks for what must be filled in.
/// </summary>
public sealed partial class UsersPage : ComponentBase
{
    private IReadOnlyList<AppUser>? _users;
    private AppUser? _editing;
    private UserForm _form = new();
    private MudForm? _formRef;

    // A new number renders the form afresh, untouched: a cleared form does not greet the admin with "required".
    private int _formVersion;
    private string? _search;
    private string? _message;
    private bool _isError;
    private bool _busy;

    [Inject] private UserAdministration Administration { get; set; } = null!;

    [Inject] private CurrentActor CurrentActor { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private TimeProvider Time { get; set; } = null!;

    [Inject] private ILogger<UsersPage> Logger { get; set; } = null!;

    private enum UserState
    {
        Active,
        Locked,
        Disabled,
    }

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
            Logger.LogWarning(ex, "The users could not be listed");
            _loadError = L["PageState.Failed"];
        }
    }

    private async Task ReloadAsync() => _users = await Administration.ListAsync(await CurrentActor.GetAsync());

    private UserState StateOf(AppUser user) =>
        user.IsDisabled ? UserState.Disabled : user.LockoutEndUtc > Time.GetUtcNow().UtcDateTime ? UserState.Locked : UserState.Active;

    private bool Matches(AppUser user) =>
        string.IsNullOrWhiteSpace(_search)
        || new[] { user.UserName, user.DisplayName, L["Role." + user.Role].Value, user.AgencyCode, string.Join(' ', user.Scopes) }
            .Any(text => text?.Contains(_search.Trim(), StringComparison.CurrentCultureIgnoreCase) == true);

    private void Edit(AppUser user)
    {
        _editing = user;
        _form = new UserForm { Role = user.Role, Agency = user.AgencyCode ?? "", Scopes = string.Join(", ", user.Scopes) };
        _formVersion++;
    }

    private void Cancel()
    {
        _editing = null;
        _form = new UserForm();
        _formVersion++;
    }

    private async Task SaveAsync()
    {
        if (_formRef is not null)
        {
            await _formRef.ValidateAsync();
            if (!_formRef.IsValid)
            {
                return;
            }
        }

        await RunAsync(async actor =>
        {
            var access = new UserAdministration.UserAccess(_form.Role, _form.Role == Roles.Liaison ? _form.Agency : null,
                (_form.Scopes ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries));
            if (_editing is null)
            {
                var created = await Administration.CreateAsync(actor, _form.UserName ?? "", _form.DisplayName ?? "", _form.Password ?? "", access);
                _form = new UserForm();
                return L["Users.Created", created.UserName];
            }

            await Administration.SetAccessAsync(actor, _editing.Id, access);
            var name = _editing.UserName;
            Cancel();
            return L["Users.Saved", name];
        });

        if (!_isError)
        {
            _formVersion++;
        }
    }

    private async Task DisableAsync(AppUser user)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, L["Users.DisableConfirmTitle", user.UserName], L["Users.DisableConfirm", user.UserName], L["Users.Disable"]))
        {
            return;
        }

        await RunAsync(async actor =>
        {
            await Administration.SetDisabledAsync(actor, user.Id, true);
            return L["Users.DisabledNow", user.UserName];
        });
    }

    private Task EnableAsync(AppUser user) => RunAsync(async actor =>
    {
        await Administration.SetDisabledAsync(actor, user.Id, false);
        return L["Users.Enabled", user.UserName];
    });

    private async Task ResetAsync(AppUser user)
    {
        if (await PasswordDialog.AskAsync(Dialogs, L["Users.NewPassword", user.UserName], password => SetPasswordAsync(user, password)))
        {
            (_message, _isError) = (L["Users.PasswordReset", user.UserName], false);
        }
    }

    /// <summary>Sets the password from the dialog; the refusal's message, or null when it was set.</summary>
    private async Task<string?> SetPasswordAsync(AppUser user, string password)
    {
        try
        {
            await Administration.ResetPasswordAsync(await CurrentActor.GetAsync(), user.Id, password);
            return null;
        }
        catch (Exception ex) when (L.ForUser(ex) is { } message)
        {
            return message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Password could not be reset");
            return L["Admin.Failed"];
        }
    }

    private async Task RunAsync(Func<Actor, Task<string>> action)
    {
        _busy = true;
        try
        {
            _message = await action(await CurrentActor.GetAsync());
            _isError = false;
            await ReloadAsync();
        }
        catch (Exception ex) when (L.ForUser(ex) is { } message)
        {
            (_message, _isError) = (message, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "User administration failed");
            (_message, _isError) = (L["Admin.Failed"], true);
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class UserForm
    {
        public string? UserName { get; set; } = "";

        public string? DisplayName { get; set; } = "";

        public string? Password { get; set; } = "";

        public string Role { get; set; } = Roles.Viewer;

        public string Agency { get; set; } = "";

        public string? Scopes { get; set; } = "";
    }
}
