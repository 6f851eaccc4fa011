using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;

namespace Readiness.Web.Accounts;

/// <summary>
/// Re-checks an open circuit's user every <see cref="AccountOptions.RevalidationInterval"/>: a disabled user, a
/// changed role or scope, or a revoked screen token loses access without a reload.
/// </summary>
internal sealed class RevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<AccountOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccessCheck>().IsStillValidAsync(authenticationState.User, cancellationToken);
    }
}

/// <summary>
/// The same check for plain HTTP requests (the cookie) on every request; a user's claims are renewed at the interval.
/// Screens have no security stamp, only a token that must still be active.
/// </summary>
internal sealed class ReadinessSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<AppUser> signInManager,
    ILoggerFactory logger,
    AccessCheck check)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    public const string ScreenRevokedKey = "readiness:screen-revoked";

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }

        // Every request, not only once per interval: a cookie kept after sign-out, or of a disabled user, stops at
        // once. One read of the user (or the token) by key.
        if (!await check.IsStillValidAsync(principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            if (ScreenSignIn.IsScreen(principal))
            {
                // The login redirect becomes "this screen has been revoked": there is nobody at a wall screen to sign in.
                // The cookie stays, rejected on every request, so that whichever request comes first after the revoke
                // (the page's reload, a health probe, a script) the screen lands on that notice, never on sign-in.
                context.HttpContext.Items[ScreenRevokedKey] = true;
                return;
            }

            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (!ScreenSignIn.IsScreen(principal))
        {
            // At the interval: a fresh cookie with the user's current claims.
            await base.ValidateAsync(context);
        }
    }
}
