using System.Globalization;
using System.Security.Claims;

namespace Readiness.Data.Accounts;

/// <summary>
/// The claims a signed-in principal carries (a user's cookie or a screen token), and the one way from them to the
/// <see cref="Actor"/> every service checks. Users get their claims from <see cref="ReadinessClaimsPrincipalFactory"/>,
/// screens from <see cref="ForScreen"/>.
/// </summary>
public static class ReadinessClaims
{
    public const string Agency = "readiness:agency";
    public const string Scope = "readiness:scope";
    public const string DisplayName = "readiness:display_name";
    public const string ScreenTokenId = "readiness:screen_token";

    /// <summary>The actor of an authenticated principal; null when it is not signed in or lacks a name or role.</summary>
    public static Actor? ToActor(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var role = principal.FindFirstValue(ClaimTypes.Role);
        var name = principal.Identity.Name;
        if (role is null || name is null)
        {
            return null;
        }

        return new Actor
        {
            Name = name,
            Role = role,
            AgencyCode = principal.FindFirstValue(Agency),
            Scopes = principal.FindAll(Scope).Select(c => c.Value).ToList(),
            UserId = int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) && role != Roles.Screen ? id : null,
            ScreenTokenId = int.TryParse(principal.FindFirstValue(ScreenTokenId), out var token) ? token : null,
        };
    }

    /// <summary>A wall screen's principal: read-only, the token's one region, no user behind it.</summary>
    public static ClaimsPrincipal ForScreen(ScreenToken token, string authenticationType) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, "screen:" + token.Id),
        new Claim(ClaimTypes.Name, "layar:" + token.Name),
        new Claim(ClaimTypes.Role, Roles.Screen),
        new Claim(DisplayName, token.Name),
        new Claim(Scope, token.RegionCode),
        new Claim(ScreenTokenId, token.Id.ToString(CultureInfo.InvariantCulture)),
    ], authenticationType, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Whether the principal is a screen token's.</summary>
    public static bool IsScreen(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == ScreenTokenId);

    /// <summary>The name shown for the principal: display name, else user name.</summary>
    public static string DisplayNameOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? "";
}
