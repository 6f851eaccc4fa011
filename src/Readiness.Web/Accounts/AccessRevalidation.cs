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
internal sealed class AccessCheck(UserManager<AppUser> users, ScreenTokenStore screens)
{
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

/// <summary>The same check for plain HTTP requests (the cookie), at the same interval; screens have no security stamp.</summary>
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
        if (context.Principal is { } principal && ScreenSignIn.IsScreen(principal))
        {
            if (!await check.IsStillValidAsync(principal, context.HttpContext.RequestAborted))
            {
                // The login redirect becomes "this screen has been revoked": there is nobody at a wall screen to sign in.
                context.HttpContext.Items[ScreenRevokedKey] = true;
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }

            return;
        }

        await base.ValidateAsync(context);
    }
}

/// <summary>The <c>Readiness:Accounts</c> configuration section.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Readiness:Accounts";

    /// <summary>How often an open circuit and a cookie are checked against the database. At most 5 minutes.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in attempts (login posts, screen-token opens) allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
