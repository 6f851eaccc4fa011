using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Readiness.Data.Accounts;
using Readiness.Data.Shared;

namespace Readiness.Web.Accounts;

/// <summary>The signed-in actor of this circuit or request, as the services check it.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    /// <summary>The actor, or null when nobody is signed in.</summary>
    public async Task<Actor?> FindAsync() => ReadinessClaims.ToActor((await authentication.GetAuthenticationStateAsync()).User);

    /// <summary>The actor; pages behind [Authorize] always have one.</summary>
    public async Task<Actor> GetAsync() =>
        await FindAsync() ?? throw new AccessDeniedException(AccessDeniedException.ReadOnly, "Nobody is signed in.");
}
