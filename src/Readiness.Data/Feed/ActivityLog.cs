using System.Data.Common;
using Dapper;
using Readiness.Data.Sql;

namespace Readiness.Data.Feed;

/// <summary>
/// The region activity log (table <c>RegionActivity</c>): features append a row in the transaction of their change,
/// and the feed pump reads the log in order, never past the dialect's gap-safe bound, and hands it to
/// <see cref="ActivityFeed"/>.
/// </summary>
public class ActivityLog(ConnectionFactory factory)
{
    /// <summary>The most rows one read returns.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// Appends <paramref name="entry"/> inside <paramref name="transaction"/>; after the commit, nudge the
    /// <c>FeedSignal</c> so this server's screens see it at once.
    /// </summary>
    /// <exception cref="ArgumentException">The kind is not one of <see cref="ActivityKinds"/>.</exception>
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, ActivityEntry entry,
        CancellationToken cancellationToken = default)
    {
        if (!ActivityKinds.All.Contains(entry.Kind))
        {
            throw new ArgumentException($"Unknown activity kind '{entry.Kind}'.", nameof(entry));
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO RegionActivity (RegionCode, Kind, SubjectId, Actor, AtUtc, OperationId)
            VALUES (@RegionCode, @Kind, @SubjectId, @Actor, @AtUtc, @OperationId);
            """, new { entry.RegionCode, entry.Kind, entry.SubjectId, entry.Actor, entry.AtUtc, OperationId = entry.OperationId.ToString("D") },
            transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The position the feed starts after: the newest row no open transaction can precede (0 when empty).</summary>
    public virtual async Task<long> StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT {factory.Dialect.SafeIdBound("RegionActivity")};", cancellationToken: cancellationToken)) ?? 0;
    }

    /// <summary>Rows after <paramref name="afterSeq"/> up to the safe bound, in order: one query.</summary>
    public virtual async Task<IReadOnlyList<RegionActivity>> ReadAsync(long afterSeq, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT Id AS {nameof(RegionActivity.Seq)}, RegionCode AS {nameof(RegionActivity.RegionCode)}, Kind AS {nameof(RegionActivity.Kind)},
                   SubjectId AS {nameof(RegionActivity.SubjectId)}, AtUtc AS {nameof(RegionActivity.AtUtc)}
            FROM RegionActivity
            WHERE Id > @afterSeq AND Id <= {factory.Dialect.SafeIdBound("RegionActivity")}
            ORDER BY Id {factory.Dialect.Top(BatchSize)};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<RegionActivity>(new CommandDefinition(sql, new { afterSeq }, cancellationToken: cancellationToken))).AsList();
    }
}
