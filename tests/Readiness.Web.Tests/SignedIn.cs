using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Readiness.Data.Accounts;

namespace Readiness.Web.Tests;

/// <summary>A signed-in liaison as the circuit sees them (bunit's own helper needs a WebAssembly assembly not served here).</summary>
internal sealed class SignedIn(string name, string role = Roles.Liaison) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"))));
}
