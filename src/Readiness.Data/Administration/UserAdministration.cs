using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Readiness.Data.Agencies;
using Readiness.Data.Regions;
using Readiness.Data.Accounts;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Administration;

/// <summary>
/// What an admin does to users. Every method checks the actor first, against the database (<see cref="ActingAdmin"/>:
/// an admin disabled a moment ago is refused at once); a refusal is logged.
/// </summary>
public sealed partial class UserAdministration(UserManager<AppUser> users, UserStore store, RegionStore regions, ConnectionFactory factory,
    ILogger<UserAdministration> logger)
{
    public sealed record UserAccess(string Role, string? AgencyCode, IReadOnlyList<string> Scopes);

    /// <summary>The longest user name (the sign-in form and the user form hold no more).</summary>
    public const int MaxUserNameLength = 64;

    /// <summary>The longest display name.</summary>
    public const int MaxDisplayNameLength = 200;

    /// <summary>The longest password a form takes (a long passphrase; hashing more is work for nothing).</summary>
    public const int MaxPasswordLength = 256;

    public async Task<IReadOnlyList<AppUser>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(actor, "list users", cancellationToken);
        return await store.ListAsync(cancellationToken);
    }

    public async Task<AppUser> CreateAsync(Actor actor, string userName, string displayName, string password, UserAccess access,
        CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(actor, "create a user", cancellationToken);
        userName = (userName ?? "").Trim().ToLowerInvariant();
        if (!UserNamePattern().IsMatch(userName))
        {
            throw new InputException(InputException.UserNameInvalid);
        }

        displayName = (displayName ?? "").Trim();
        if (displayName.Length is 0 or > MaxDisplayNameLength)
        {
            throw new InputException(InputException.DisplayNameInvalid);
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new InputException(InputException.UserNameTaken, userName);
        }

        RequirePasswordLength(password);
        var user = new AppUser { UserName = userName, DisplayName = displayName };
        await ApplyAccessAsync(user, access, cancellationToken);
        Require(await users.CreateAsync(user, password ?? ""));
        return user;
    }

    public async Task SetDisabledAsync(Actor actor, int userId, bool disabled, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(actor, "disable a user", cancellationToken);
        var user = await FindAsync(userId);
        if (user.Id == actor.UserId)
        {
            throw new InputException(InputException.CannotChangeSelf);
        }

        user.IsDisabled = disabled;
        Require(await users.UpdateSecurityStampAsync(user));
    }

    public async Task ResetPasswordAsync(Actor actor, int userId, string newPassword, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(actor, "reset a password", cancellationToken);
        RequirePasswordLength(newPassword);
        var user = await FindAsync(userId);
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, newPassword ?? "");
            if (!check.Succeeded)
            {
                throw new InputException(InputException.PasswordWeak, users.Options.Password.RequiredLength);
            }
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword!);
        user.AccessFailedCount = 0;
        user.LockoutEndUtc = null;
        Require(await users.UpdateSecurityStampAsync(user));
    }

    /// <summary>Changes role, agency and scopes; the user's open screens lose what they no longer may see at the next check.</summary>
    public async Task SetAccessAsync(Actor actor, int userId, UserAccess access, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(actor, "change a user's access", cancellationToken);
        var user = await FindAsync(userId);
        if (user.Id == actor.UserId && access.Role != Roles.Admin)
        {
            throw new InputException(InputException.CannotChangeSelf);
        }

        await ApplyAccessAsync(user, access, cancellationToken);
        Require(await users.UpdateSecurityStampAsync(user));
    }

    private async Task ApplyAccessAsync(AppUser user, UserAccess access, CancellationToken cancellationToken)
    {
        if (!Roles.IsUserRole(access.Role))
        {
            throw new InputException(InputException.RoleInvalid);
        }

        string? agency = null;
        if (access.Role == Roles.Liaison)
        {
            agency = Agency.Find(access.AgencyCode)?.Code ?? throw new InputException(InputException.AgencyRequired);
        }

        var scopes = access.Scopes.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (scopes.Count > TextLimits.MaxRegionCodes || scopes.Any(s => s.Length > TextLimits.RegionCodeLength))
        {
            // Refused before any lookup, and without echoing what was sent: it may be a whole pasted page.
            throw new InputException(InputException.TooLong, TextLimits.RegionCodeList);
        }

        if (access.Role != Roles.Admin && scopes.Count == 0)
        {
            throw new InputException(InputException.ScopeRequired);
        }

        var known = await regions.FindManyAsync(scopes, cancellationToken);
        var unknown = scopes.Except(known.Select(r => r.Code)).ToList();
        if (unknown.Count > 0)
        {
            throw new InputException(InputException.RegionInvalid, string.Join(", ", unknown));
        }

        user.Role = access.Role;
        user.AgencyCode = agency;
        user.Scopes = scopes;
    }

    private static void RequirePasswordLength(string? password)
    {
        if (password is { Length: > MaxPasswordLength })
        {
            throw new InputException(InputException.TooLong, MaxPasswordLength);
        }
    }

    private async Task<AppUser> FindAsync(int userId) =>
        await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        ?? throw new InputException(InputException.UserNameInvalid);

    private void Require(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)))
        {
            throw new InputException(InputException.PasswordWeak, users.Options.Password.RequiredLength);
        }

        throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code + ": " + e.Description)));
    }

    private Task RequireAdminAsync(Actor actor, string what, CancellationToken cancellationToken) =>
        ActingAdmin.RequireAsync(factory, actor, logger, what, cancellationToken);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();
}
