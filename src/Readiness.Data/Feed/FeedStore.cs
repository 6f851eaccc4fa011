using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Feed;

/// <summary>Reads the event log for the live feed, never past the dialect's gap-safe bound.</summary>
public class FeedStore(ConnectionFactory factory, ILogger<FeedStore> logger)
{
    public const int BatchSize = 500;

    /// <summary>The sequence number the feed starts after: the newest event that no open transaction can precede.</summary>
    public virtual async Task<long> StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT {SafeBound};", cancellationToken: cancellationToken)) ?? 0;
    }

    /// <summary>Events after <paramref name="afterSeq"/> up to the safe bound, in sequence order: one query.</summary>
    public virtual async Task<IReadOnlyList<FeedEvent>> ReadAsync(long afterSeq, CancellationToken cancellationToken)
    {
        var sql = $"""
            {Select}
            WHERE e.Seq > @afterSeq AND e.Seq <= {SafeBound}
            ORDER BY e.Seq {factory.Dialect.Top(BatchSize)};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<FeedEvent>(new CommandDefinition(sql, new { afterSeq }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Events in (<paramref name="afterSeq"/>, <paramref name="upToSeq"/>] under a region prefix: catching up a subtree just loaded.</summary>
    public async Task<IReadOnlyList<FeedEvent>> ReadRangeAsync(long afterSeq, long upToSeq, int electionId, string? regionPrefix,
        CancellationToken cancellationToken)
    {
        var sql = $"""
            {Select}
            WHERE e.Seq > @afterSeq AND e.Seq <= @upToSeq AND e.ElectionId = @electionId
              {(regionPrefix is null ? "" : "AND e.RegionCode >= @prefix AND e.RegionCode < @descendantsEnd")}
            ORDER BY e.Seq;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<FeedEvent>(new CommandDefinition(sql,
            new { afterSeq, upToSeq, electionId, prefix = regionPrefix, descendants = regionPrefix + ".", descendantsEnd = regionPrefix + "/" },
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The latest changes under a region, newest first, for an actor who may see it.</summary>
    public async Task<IReadOnlyList<FeedEvent>> RecentAsync(Actor actor, string regionCode, int take, DateTime? sinceUtc = null,
        CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        actor.RequireSee(regionCode, logger, "read the latest changes");

        // Only changes of an item by its agency (FeedEvent.IsListedChange): the creation of items from templates is no news for a wall.
        var sql = $"""
            {Select}
            WHERE (e.RegionCode >= @regionCode AND e.RegionCode < @descendantsEnd) AND {FeedEvent.ListedChangeSql}
              AND (@sinceUtc IS NULL OR e.AtUtc >= @sinceUtc)
            ORDER BY e.Seq DESC {factory.Dialect.Top(Math.Clamp(take, 1, 100))};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<FeedEvent>(new CommandDefinition(sql,
            new { regionCode, descendants = RegionCode.DescendantsFrom(regionCode),
            descendantsEnd = RegionCode.DescendantsTo(regionCode), sinceUtc }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// How many status changes under a region were made since <paramref name="sinceUtc"/> (UTC): what
    /// <see cref="RecentAsync"/> would list without its limit, so a screen that lists a few can say how many more there are.
    /// </summary>
    public async Task<int> CountRecentAsync(Actor actor, string regionCode, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        actor.RequireSee(regionCode, logger, "count the latest changes");
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition($"""
            SELECT COUNT(*) FROM ItemEvents e
            WHERE (e.RegionCode >= @regionCode AND e.RegionCode < @descendantsEnd) AND {FeedEvent.ListedChangeSql} AND e.AtUtc >= @sinceUtc;
            """, new { regionCode, descendantsEnd = RegionCode.DescendantsTo(regionCode), sinceUtc }, cancellationToken: cancellationToken));
    }

    private string SafeBound => factory.Dialect.SafeEventBound;

    // Aliased with nameof: Dapper maps by name, so a renamed property must fail to build, not read as null or 0.
    private const string Select = $"""
        SELECT e.Seq AS {nameof(FeedEvent.Seq)}, e.ItemId AS {nameof(FeedEvent.ItemId)}, e.ElectionId AS {nameof(FeedEvent.ElectionId)},
               e.RegionCode AS {nameof(FeedEvent.RegionCode)}, r.Name AS {nameof(FeedEvent.RegionName)}, e.AgencyCode AS {nameof(FeedEvent.AgencyCode)},
               e.StageId AS {nameof(FeedEvent.StageId)}, e.StatusBefore AS {nameof(FeedEvent.StatusBefore)},
               e.StatusAfter AS {nameof(FeedEvent.StatusAfter)}, e.Note AS {nameof(FeedEvent.Note)}, e.Actor AS {nameof(FeedEvent.Actor)},
               e.AtUtc AS {nameof(FeedEvent.AtUtc)}, e.ItemVersion AS {nameof(FeedEvent.ItemVersion)}, i.Title AS {nameof(FeedEvent.Title)},
               i.Criticality AS {nameof(FeedEvent.Criticality)}, i.DueDate AS {nameof(FeedEvent.DueDate)}, r.TimeZone AS {nameof(FeedEvent.TimeZone)},
               i.TemplateItemId AS {nameof(FeedEvent.TemplateItemId)}, i.Unit AS {nameof(FeedEvent.Unit)},
               e.DoneBefore AS {nameof(FeedEvent.DoneBefore)}, e.DoneAfter AS {nameof(FeedEvent.DoneAfter)}, e.Target AS {nameof(FeedEvent.Target)},
               e.Evidence AS {nameof(FeedEvent.Evidence)}, e.FollowsFigure AS {nameof(FeedEvent.FollowsFigure)},
               e.RequestAnswered AS {nameof(FeedEvent.RequestAnswered)}
        FROM ItemEvents e
        JOIN ChecklistItems i ON i.Id = e.ItemId
        JOIN Regions r ON r.Code = e.RegionCode
        """;
}
