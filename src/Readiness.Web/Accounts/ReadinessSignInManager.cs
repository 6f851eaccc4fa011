using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;

namespace Readiness.Web.Accounts;

/// <summary>
/// Identity's sign-in with one answer and one cost for every wrong guess, so the sign-in form does not tell who has an
/// account. Identity checks "disabled" and "locked out" before the password, and returns at once for an unknown name;
/// here the password is checked first (a hash runs for an unknown name too), and only someone who knows the password
/// learns that the account is disabled or locked.
/// </summary>
internal sealed class ReadinessSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private static string? s_nobodysHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // The same work as a known user's wrong password: the hash of a password nobody has, checked.
            s_nobodysHash ??= UserManager.PasswordHasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            UserManager.PasswordHasher.VerifyHashedPassword(Nobody, s_nobodysHash, password ?? "");
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password ?? "", isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockedOut = UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user);
        if (!await UserManager.CheckPasswordAsync(user, password))
        {
            if (lockoutOnFailure && !lockedOut && UserManager.SupportsUserLockout)
            {
                await UserManager.AccessFailedAsync(user);
            }

            return SignInResult.Failed;
        }

        // The right password: now the account's state may be told (NotAllowed when disabled, LockedOut).
        if (await PreSignInCheck(user) is { } refused)
        {
            return refused;
        }

        if (UserManager.SupportsUserLockout)
        {
            await UserManager.ResetAccessFailedCountAsync(user);
        }

        return SignInResult.Success;
    }
}
