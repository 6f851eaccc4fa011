using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Accounts;

/// <summary>Screen tokens: made and revoked by admins; the secret is shown once and only its SHA-256 is stored.</summary>
public sealed class ScreenTokenStore(ConnectionFactory factory, TimeProvider time, ILogger<ScreenTokenStore> logger)
{
    public const int MaxNameLength = 200;
    private const string Columns = "Id, Name, RegionCode, CreatedAtUtc, CreatedBy, RevokedAtUtc, RevokedBy";

    /// <summary>Creates a token; returns it with its secret, which is never available again.</summary>
    public async Task<(ScreenToken Token, string Secret)> CreateAsync(Actor actor, string name, string regionCode, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "create a screen token", cancellationToken);
        name = (name ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new InputException(InputException.ScreenNameInvalid);
        }

        if (!RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid);
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow().UtcDateTime;
        var insert = $"""
            INSERT INTO ScreenTokens (Name, RegionCode, SecretHash, CreatedAtUtc, CreatedBy)
            SELECT @name, Code, @hash, @now, @createdBy FROM Regions WHERE Code = @regionCode;
            {factory.Dialect.SelectInsertedId}
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM Regions WHERE Code = @regionCode;", new { regionCode }, transaction, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            throw new InputException(InputException.RegionInvalid);
        }

        var id = (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(insert,
            new { name, hash = Hash(secret), now, createdBy = actor.Name, regionCode }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (new ScreenToken { Id = id, Name = name, RegionCode = regionCode, CreatedAtUtc = now, CreatedBy = actor.Name }, secret);
    }

    public async Task<bool> RevokeAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "revoke a screen token", cancellationToken);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ScreenTokens SET RevokedAtUtc = @now, RevokedBy = @by WHERE Id = @id AND RevokedAtUtc IS NULL;",
            new { now = time.GetUtcNow().UtcDateTime, by = actor.Name, id }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<ScreenToken>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "list screen tokens", cancellationToken);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ScreenToken>(new CommandDefinition(
            $"SELECT {Columns} FROM ScreenTokens ORDER BY RevokedAtUtc, Name;", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The active token with this secret, or null (unknown or revoked).</summary>
    public async Task<ScreenToken?> FindActiveAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return null;
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ScreenToken>(new CommandDefinition(
            $"SELECT {Columns} FROM ScreenTokens WHERE SecretHash = @hash AND RevokedAtUtc IS NULL;",
            new { hash = Hash(secret) }, cancellationToken: cancellationToken));
    }

    public async Task<bool> IsActiveAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM ScreenTokens WHERE Id = @id AND RevokedAtUtc IS NULL;", new { id }, cancellationToken: cancellationToken)) == 1;
    }

    // A 256-bit random secret needs no salt or slow hash: it cannot be guessed, only stolen.
    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
