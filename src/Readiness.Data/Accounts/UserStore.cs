using System.Data.Common;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Readiness.Data.Sql;

namespace Readiness.Data.Accounts;

/// <summary>
/// ASP.NET Core Identity's user store over Dapper, on both dialects (no EF Core). A connection per operation, so the
/// store is safe as a singleton.
/// </summary>
public sealed class UserStore(ConnectionFactory factory, TimeProvider time) :
    IUserPasswordStore<AppUser>,
    IUserSecurityStampStore<AppUser>,
    IUserLockoutStore<AppUser>
{
    private const string Columns = """
        Id, UserName, NormalizedUserName, DisplayName, Role, AgencyCode, PasswordHash, SecurityStamp, ConcurrencyStamp,
        IsDisabled, LockoutEnabled, LockoutEndUtc, AccessFailedCount, CreatedAtUtc
        """;

    public async Task<IdentityResult> CreateAsync(AppUser user, CancellationToken cancellationToken)
    {
        user.CreatedAtUtc = time.GetUtcNow().UtcDateTime;
        var insert = $"""
            INSERT INTO Users (UserName, NormalizedUserName, DisplayName, Role, AgencyCode, PasswordHash, SecurityStamp,
                               ConcurrencyStamp, IsDisabled, LockoutEnabled, LockoutEndUtc, AccessFailedCount, CreatedAtUtc)
            VALUES (@UserName, @NormalizedUserName, @DisplayName, @Role, @AgencyCode, @PasswordHash, @SecurityStamp,
                    @ConcurrencyStamp, @IsDisabled, @LockoutEnabled, @LockoutEndUtc, @AccessFailedCount, @CreatedAtUtc);
            {factory.Dialect.SelectInsertedId}
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        user.Id = (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(insert, user, transaction, cancellationToken: cancellationToken));
        await WriteScopesAsync(connection, transaction, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken)
    {
        const string update = """
            UPDATE Users SET UserName = @UserName, NormalizedUserName = @NormalizedUserName, DisplayName = @DisplayName,
                Role = @Role, AgencyCode = @AgencyCode, PasswordHash = @PasswordHash, SecurityStamp = @SecurityStamp,
                ConcurrencyStamp = @NewStamp, IsDisabled = @IsDisabled, LockoutEnabled = @LockoutEnabled,
                LockoutEndUtc = @LockoutEndUtc, AccessFailedCount = @AccessFailedCount
            WHERE Id = @Id AND ConcurrencyStamp = @ConcurrencyStamp;
            """;
        var newStamp = Guid.NewGuid().ToString("N");
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(update, new
        {
            user.UserName, user.NormalizedUserName, user.DisplayName, user.Role, user.AgencyCode, user.PasswordHash,
            user.SecurityStamp, NewStamp = newStamp, user.IsDisabled, user.LockoutEnabled, user.LockoutEndUtc,
            user.AccessFailedCount, user.Id, user.ConcurrencyStamp,
        }, transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM UserScopes WHERE UserId = @Id;", new { user.Id }, transaction,
            cancellationToken: cancellationToken));
        await WriteScopesAsync(connection, transaction, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        user.ConcurrencyStamp = newStamp;
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM UserScopes WHERE UserId = @Id; DELETE FROM Users WHERE Id = @Id;",
            new { user.Id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public Task<AppUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        int.TryParse(userId, out var id) ? FindOneAsync("Id = @id", new { id }, cancellationToken) : Task.FromResult<AppUser?>(null);

    public Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindOneAsync("NormalizedUserName = @normalizedUserName", new { normalizedUserName }, cancellationToken);

    /// <summary>Every user with scopes, by user name.</summary>
    public async Task<IReadOnlyList<AppUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var users = (await connection.QueryAsync<AppUser>(new CommandDefinition(
            $"SELECT {Columns} FROM Users ORDER BY NormalizedUserName;", cancellationToken: cancellationToken))).AsList();
        var scopes = (await connection.QueryAsync<(long UserId, string RegionCode)>(new CommandDefinition(
            "SELECT UserId, RegionCode FROM UserScopes ORDER BY RegionCode;", cancellationToken: cancellationToken)))
            .ToLookup(s => (int)s.UserId, s => s.RegionCode);
        foreach (var user in users)
        {
            user.Scopes = scopes[user.Id].ToList();
        }

        return users;
    }

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM Users WHERE Role = 'admin';", cancellationToken: cancellationToken)) > 0;
    }

    private async Task<AppUser?> FindOneAsync(string where, object args, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition(
            $"SELECT {Columns} FROM Users WHERE {where};", args, cancellationToken: cancellationToken));
        if (user is not null)
        {
            user.Scopes = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT RegionCode FROM UserScopes WHERE UserId = @Id ORDER BY RegionCode;", new { user.Id },
                cancellationToken: cancellationToken))).AsList();
        }

        return user;
    }

    private static Task WriteScopesAsync(DbConnection connection, DbTransaction transaction, AppUser user, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO UserScopes (UserId, RegionCode) VALUES (@UserId, @RegionCode);",
            user.Scopes.Distinct().Select(code => new { UserId = user.Id, RegionCode = code }), transaction,
            cancellationToken: cancellationToken));

    public Task<string> GetUserIdAsync(AppUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(AppUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(AppUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(AppUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(AppUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(AppUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(AppUser user, CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(user.LockoutEndUtc is { } end ? new DateTimeOffset(end, TimeSpan.Zero) : null);

    public Task SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEndUtc = lockoutEnd?.UtcDateTime;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(AppUser user, CancellationToken cancellationToken) =>
        Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(AppUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(AppUser user, bool enabled, CancellationToken cancellationToken)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
