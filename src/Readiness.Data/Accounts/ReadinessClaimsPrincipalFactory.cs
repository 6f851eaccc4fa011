using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Readiness.Data.Accounts;

/// <summary>Puts role, agency and region scopes in the sign-in cookie; a change to them changes the security stamp.</summary>
public sealed class ReadinessClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    /// <inheritdoc />
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(ReadinessClaims.DisplayName, user.DisplayName));
        if (user.AgencyCode is not null)
        {
            identity.AddClaim(new Claim(ReadinessClaims.Agency, user.AgencyCode));
        }

        foreach (var scope in user.Scopes)
        {
            identity.AddClaim(new Claim(ReadinessClaims.Scope, scope));
        }

        return identity;
    }
}
