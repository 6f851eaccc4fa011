using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;

namespace Readiness.Web.Accounts;

/// <summary>Whether a principal may still act: the user exists, is enabled and has the same security stamp; a screen's token is not revoked.</summary>
public sealed class AccessCheck(UserManager<AppUser> users, ScreenTokenStore screens)
{
    /// <summary>
    /// True when the principal's user still exists, is enabled and has the stamp in the claims (a change of role or
    /// scope changes the stamp), or when its screen token is still active. One read by key, from the database.
    /// </summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (ScreenSignIn.IsScreen(principal))
        {
            return int.TryParse(principal.FindFirstValue(ReadinessClaims.ScreenTokenId), out var id)
                && await screens.IsActiveAsync(id, cancellationToken);
        }

        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        var stamp = principal.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType);
        return !users.SupportsUserSecurityStamp || stamp == await users.GetSecurityStampAsync(user);
    }
}
