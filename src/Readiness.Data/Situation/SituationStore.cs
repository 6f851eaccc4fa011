using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Situation;

/// <summary>
/// The Kamtibmas estimate per region: the level now, its history, and the worst level under a region (for the map).
/// Every change writes the level row and its event in one transaction; a move to AG or GN notifies the leaders in scope
/// in that same transaction, once per change. Who may do what: <see cref="SituationRights"/>.
/// </summary>
public sealed class SituationStore(
    ConnectionFactory factory, RegionCalendar calendar, SituationNotices notices, TimeProvider time, ILogger<SituationStore> logger)
{
    /// <summary>The longest reason, in characters.</summary>
    public const int MaxReasonLength = 500;

    private const string Columns = "s.RegionCode, s.Level, s.Reason, s.StageId, s.UpdatedBy, s.UpdatedAtUtc, s.Version";

    /// <summary>
    /// Sets a region's estimate. Refused (<see cref="AccessDeniedException"/>) unless
    /// <see cref="SituationRights.CanSetSituation"/>; bad input throws <see cref="InputException"/> before anything is
    /// written.
    /// </summary>
    /// <exception cref="InputException">RegionInvalid, <see cref="SituationInputKeys.LevelInvalid"/>, <see cref="SituationInputKeys.ReasonInvalid"/>, ControlCharacters.</exception>
    /// <exception cref="AccessDeniedException">Not allowed for this actor and region.</exception>
    public async Task<SituationSaveResult> SetAsync(Actor actor, SituationInput input, CancellationToken cancellationToken = default)
    {
        if (!SituationLevel.IsValid(input.Level))
        {
            throw new InputException(SituationInputKeys.LevelInvalid);
        }

        var reason = (input.Reason ?? "").Trim();
        if (reason.Length is 0 or > MaxReasonLength)
        {
            throw new InputException(SituationInputKeys.ReasonInvalid, MaxReasonLength);
        }

        InputException.RequireTitleText(reason);
        var region = await RegionAsync(factory, input.RegionCode, cancellationToken);
        if (region is null)
        {
            throw new InputException(InputException.RegionInvalid, input.RegionCode ?? "");
        }

        actor.RequireSetSituation(region.Code, logger);
        var stageId = (await calendar.DayAsync(region, cancellationToken)).CurrentStage?.Id;
        var operationId = input.OperationId.ToString("D");

        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var current = await CurrentAsync(connection, transaction, region.Code, cancellationToken);
        if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT Seq FROM SituationEvents WHERE OperationId = @operationId;", new { operationId }, transaction,
                cancellationToken: cancellationToken)) is not null && current is not null)
        {
            return new SituationSaveResult.AlreadyApplied(current);
        }

        if ((current?.Version ?? 0) != input.ExpectedVersion)
        {
            return new SituationSaveResult.Conflict(current);
        }

        if (current is not null && current.Level == input.Level && current.Reason == reason)
        {
            return new SituationSaveResult.Unchanged(current);
        }

        var after = new RegionSituation
        {
            RegionCode = region.Code,
            Level = input.Level,
            Reason = reason,
            StageId = stageId,
            UpdatedBy = actor.Name,
            UpdatedAtUtc = now,
            Version = input.ExpectedVersion + 1,
        };
        // A first estimate inserts only if nobody else inserted one meanwhile; a later one updates only the version seen.
        var written = current is null
            ? await connection.ExecuteAsync(new CommandDefinition(
                factory.Dialect.InsertIfMissing("SituationLevels", ["RegionCode"], ["RegionCode", "Level", "Reason", "StageId", "UpdatedBy", "UpdatedAtUtc", "Version"]),
                after, transaction, cancellationToken: cancellationToken))
            : await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE SituationLevels
                SET Level = @Level, Reason = @Reason, StageId = @StageId, UpdatedBy = @UpdatedBy, UpdatedAtUtc = @UpdatedAtUtc,
                    Version = Version + 1
                WHERE RegionCode = @RegionCode AND Version = @ExpectedVersion;
                """, new { after.Level, after.Reason, after.StageId, after.UpdatedBy, after.UpdatedAtUtc, after.RegionCode, input.ExpectedVersion },
                transaction, cancellationToken: cancellationToken));
        if (written == 0)
        {
            return new SituationSaveResult.Conflict(current);
        }

        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            INSERT INTO SituationEvents (RegionCode, StageId, LevelBefore, LevelAfter, Reason, Actor, AtUtc, OperationId)
            VALUES (@RegionCode, @StageId, @LevelBefore, @LevelAfter, @Reason, @Actor, @AtUtc, @OperationId);
            {factory.Dialect.SelectInsertedId}
            """, new
        {
            after.RegionCode,
            after.StageId,
            LevelBefore = current?.Level,
            LevelAfter = after.Level,
            after.Reason,
            Actor = actor.Name,
            AtUtc = now,
            OperationId = operationId,
        }, transaction, cancellationToken: cancellationToken));

        var notified = SituationLevel.Escalates(current?.Level, after.Level)
            ? await notices.LevelRaisedAsync(connection, transaction, region, after, seq, cancellationToken)
            : 0;
        await notices.SituationActivityAsync(connection, transaction, after, input.OperationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Nudge(notified);
        return new SituationSaveResult.Saved(after, seq, notified);
    }

    /// <summary>A region's estimate now; null when none was ever set.</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<RegionSituation?> CurrentAsync(Actor actor, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSeeSituation(regionCode, logger);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await CurrentAsync(connection, null, regionCode, cancellationToken);
    }

    /// <summary>A region's estimate history, newest first, at most <paramref name="take"/> rows.</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<SituationChange>> HistoryAsync(Actor actor, string regionCode, int take = 50, CancellationToken cancellationToken = default)
    {
        actor.RequireSeeSituation(regionCode, logger);
        var sql = $"""
            SELECT Seq, RegionCode, StageId, LevelBefore, LevelAfter, Reason, Actor, AtUtc
            FROM SituationEvents WHERE RegionCode = @regionCode
            ORDER BY Seq DESC
            {factory.Dialect.Top(Math.Clamp(take, 1, 500))};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SituationChange>(new CommandDefinition(sql, new { regionCode }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The estimates of the region and every region under it that has one, worst first, then by code: what a panel
    /// shows as "AG in Kecamatan X" below the region's own level.
    /// </summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<RegionSituation>> SubtreeAsync(Actor actor, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSeeSituation(regionCode, logger);
        var (from, to) = Range(regionCode);
        var sql = $"SELECT {Columns}, r.Name AS RegionName FROM SituationLevels s JOIN Regions r ON r.Code = s.RegionCode WHERE s.RegionCode >= @from AND s.RegionCode < @to;";
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RegionSituation>(new CommandDefinition(sql, new { from, to }, cancellationToken: cancellationToken));
        return rows.OrderByDescending(r => SituationLevel.Rank(r.Level)).ThenBy(r => r.RegionCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// For each child of <paramref name="parentCode"/> (null or <c>""</c>: the provinces) that has an estimate in its
    /// subtree, the worst level there: a kecamatan at AG shows its regency at AG on the map. One GROUP BY.
    /// </summary>
    /// <exception cref="AccessDeniedException">The parent is outside the actor's scope.</exception>
    public async Task<IReadOnlyDictionary<string, string>> WorstByChildAsync(Actor actor, string? parentCode, CancellationToken cancellationToken = default)
    {
        var parent = string.IsNullOrEmpty(parentCode) ? "" : parentCode;
        actor.RequireSeeSituation(parent, logger);
        var sql = $"""
            SELECT c.Code, MAX(CASE s.Level WHEN 'kondusif' THEN 0 WHEN 'pg' THEN 1 WHEN 'ag' THEN 2 WHEN 'gn' THEN 3 END) AS LevelRank
            FROM Regions c
            JOIN SituationLevels s ON s.RegionCode >= c.Code AND s.RegionCode < {factory.Dialect.Concat("c.Code", "'/'")}
            WHERE (@parent = '' AND c.ParentCode IS NULL) OR c.ParentCode = @parent
            GROUP BY c.Code;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, int LevelRank)>(new CommandDefinition(sql, new { parent }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Code, r => SituationLevel.All[r.LevelRank]);
    }

    /// <summary>The codes from <c>from</c> (inclusive) to <c>to</c> (exclusive) of a region and everything under it; the nation for <c>""</c>.</summary>
    internal static (string From, string To) Range(string regionCode) =>
        string.IsNullOrEmpty(regionCode) ? ("0", ":") : (regionCode, RegionCode.DescendantsTo(regionCode));

    /// <summary>The region of <paramref name="regionCode"/> (with its zone); null for an invalid or unknown code.</summary>
    internal static async Task<Region?> RegionAsync(ConnectionFactory factory, string? regionCode, CancellationToken cancellationToken)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            return null;
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Region>(new CommandDefinition(
            "SELECT r.Code, r.ParentCode, r.Level, r.Name, r.TimeZone FROM Regions r WHERE r.Code = @regionCode;", new { regionCode },
            cancellationToken: cancellationToken));
    }

    private static async Task<RegionSituation?> CurrentAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string regionCode, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<RegionSituation>(new CommandDefinition(
            $"SELECT {Columns} FROM SituationLevels s WHERE s.RegionCode = @regionCode;", new { regionCode }, transaction,
            cancellationToken: cancellationToken));
}
