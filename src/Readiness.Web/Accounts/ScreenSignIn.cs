using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Readiness.Data.Accounts;

namespace Readiness.Web.Accounts;

/// <summary>A wall screen signs in with a screen token: read-only, one region, no user behind it.</summary>
internal static class ScreenSignIn
{
    public static ClaimsPrincipal Principal(ScreenToken token)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "screen:" + token.Id),
            new Claim(ClaimTypes.Name, "layar:" + token.Name),
            new Claim(ClaimTypes.Role, Roles.Screen),
            new Claim(ReadinessClaims.DisplayName, token.Name),
            new Claim(ReadinessClaims.Scope, token.RegionCode),
            new Claim(ReadinessClaims.ScreenTokenId, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], IdentityConstants.ApplicationScheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    public static bool IsScreen(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == ReadinessClaims.ScreenTokenId);
}
