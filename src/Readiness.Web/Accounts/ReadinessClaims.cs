using System.Security.Claims;
using Readiness.Data.Accounts;

namespace Readiness.Web.Accounts;

/// <summary>The claims a signed-in principal carries, and the <see cref="Actor"/> the services check.</summary>
public static class ReadinessClaims
{
    public const string Agency = "readiness:agency";
    public const string Scope = "readiness:scope";
    public const string DisplayName = "readiness:display_name";
    public const string ScreenTokenId = "readiness:screen_token";

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

    public static string DisplayNameOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? "";
}
