using Microsoft.AspNetCore.Identity;

namespace Readiness.Data.Accounts;

/// <summary>Identity asks whether an account is confirmed before signing it in; here that means "not disabled".</summary>
public sealed class EnabledUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(!user.IsDisabled);
}
