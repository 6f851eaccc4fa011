using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Readiness.Data.Accounts;

namespace Readiness.Web.Accounts;

/// <summary>A wall screen signs in with a screen token: read-only, one region, no user behind it.</summary>
internal static class ScreenSignIn
{
    public static ClaimsPrincipal Principal(ScreenToken token) => ReadinessClaims.ForScreen(token, IdentityConstants.ApplicationScheme);

    public static bool IsScreen(ClaimsPrincipal principal) => ReadinessClaims.IsScreen(principal);
}
