using Dapper;
using Readiness.Data.Sql;

namespace Readiness.Data.Keys;

/// <summary>
/// The keys that protect sign-in cookies and antiforgery tokens, in the table <c>DataProtectionKeys</c> every server
/// already shares, so a cookie made by one server is read by any other. Each key is one XML element as the framework
/// writes it (encrypted by the framework before it gets here when a certificate is configured). Rows are only added,
/// never changed or deleted: a revoked or expired key is a later row the framework writes itself.
/// </summary>
public sealed class DataProtectionKeyStore(ConnectionFactory factory, TimeProvider time)
{
    /// <summary>The longest friendly name kept (the framework writes <c>key-</c> and a GUID).</summary>
    public const int MaxFriendlyNameLength = 100;

    /// <summary>Every key element ever stored, oldest first, as XML text.</summary>
    public async Task<IReadOnlyList<string>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT Xml FROM DataProtectionKeys ORDER BY Id;", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Adds one key element (<paramref name="xml"/>, the element's text) under <paramref name="friendlyName"/>
    /// (cut to <see cref="MaxFriendlyNameLength"/>), stamped with the current UTC time.
    /// </summary>
    public async Task AddAsync(string friendlyName, string xml, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(xml);
        friendlyName = string.IsNullOrEmpty(friendlyName) ? "key" : friendlyName;
        if (friendlyName.Length > MaxFriendlyNameLength)
        {
            friendlyName = friendlyName[..MaxFriendlyNameLength];
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO DataProtectionKeys (FriendlyName, Xml, CreatedAtUtc) VALUES (@friendlyName, @xml, @now);",
            new { friendlyName, xml, now = time.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
    }
}
