using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Regions;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Checklists;

/// <summary>Reads red flags with the SQL form of <see cref="RedFlagRule"/>: each item judged by the date in its own region's zone.</summary>
public sealed class RedFlagStore(ConnectionFactory factory, TimeProvider time, ILogger<RedFlagStore> logger)
{
    /// <summary>The most flags one report shows.</summary>
    public const int MaxTake = 500;

    /// <summary>
    /// The red flags of a region's subtree (<c>""</c>: the nation, admins only) in one election: exact totals and the
    /// first <paramref name="take"/> flags (1-500), all read in one consistent view together with the event log's end,
    /// so <see cref="RedFlagReport.Apply"/> can carry them forward from the live feed. With <paramref name="only"/> the
    /// listed flags are of that kind alone; the totals still count every kind.
    /// </summary>
    /// <exception cref="InputException">The region code is malformed.</exception>
    /// <exception cref="AccessDeniedException">The actor may not see the region.</exception>
    public async Task<RedFlagReport> ForRegionAsync(Actor actor, int electionId, string regionCode, int take = 50,
        CancellationToken cancellationToken = default, RedFlagKind? only = null)
    {
        if (regionCode.Length > 0 && !RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        actor.RequireSee(regionCode, logger, "read red flags");

        take = Math.Clamp(take, 1, MaxTake);
        var dialect = factory.Dialect;
        var kind = RedFlagRule.SqlKind("i", "r");
        var inRegion = regionCode.Length == 0 ? "" : "AND i.RegionCode >= @regionCode AND i.RegionCode < @descendantsEnd";
        var from = $"""
            FROM ChecklistItems i
            JOIN Regions r ON r.Code = i.RegionCode
            JOIN Stages s ON s.Id = i.StageId
            LEFT JOIN Regions rg ON rg.Code = {dialect.Left("i.RegionCode", 5)}
            """;
        // Status <> ready and the code range let the index narrow the rows before the rule judges each one.
        var where = $"i.ElectionId = @electionId AND i.Status <> '{ItemStatus.Ready}' {inRegion} AND ({kind}) IS NOT NULL";
        var sql = $"""
            SELECT {ItemSql.Select("i")},
                   r.Name AS RegionName, r.TimeZone, s.Name AS StageName, s.SortOrder AS StageSortOrder,
                   {kind} AS Kind, rg.RiskLevel
            {from}
            WHERE {where} {(only is null ? "" : $"AND ({kind}) = {(int)only.Value}")}
            ORDER BY CASE rg.RiskLevel WHEN '{RiskLevel.High}' THEN 0 WHEN '{RiskLevel.Medium}' THEN 1 WHEN '{RiskLevel.Low}' THEN 2 ELSE 3 END,
                     {kind}, i.DueDate, i.Id
            {dialect.Top(take)};
            SELECT SUM(CASE WHEN {kind} = {(int)RedFlagKind.Blocked} THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {kind} = {(int)RedFlagKind.Overdue} THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {kind} = {(int)RedFlagKind.DueSoon} THEN 1 ELSE 0 END)
            {from}
            WHERE {where};
            SELECT MAX(Seq) FROM ItemEvents;
            SELECT Code, RiskLevel FROM Regions
            WHERE Level = 2 AND RiskLevel IS NOT NULL {(regionCode.Length == 0 ? "" : "AND Code >= @regency AND Code < @regencyEnd")};
            SELECT Id, Name, SortOrder FROM Stages WHERE ElectionId = @electionId;
            """;

        var asOf = time.GetUtcNow().UtcDateTime;
        var regency = regionCode.Length >= 5 ? regionCode[..5] : regionCode;
        var args = new DynamicParameters(new
        {
            electionId,
            regionCode,
            descendantsEnd = RegionCode.DescendantsTo(regionCode),
            regency,
            regencyEnd = RegionCode.DescendantsTo(regency),
        });
        args.AddDynamicParams(RedFlagRule.SqlParameters(asOf));

        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginConsistentReadAsync(connection, cancellationToken);
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        var flags = grid.Read<ChecklistItem, FlagColumns, RedFlag>(
            (item, extra) => new RedFlag(new ItemView
            {
                Item = ItemSql.Checked(item),
                RegionName = extra.RegionName,
                TimeZone = extra.TimeZone,
                StageName = extra.StageName,
                StageSortOrder = extra.StageSortOrder,
            }, (RedFlagKind)extra.Kind, extra.RiskLevel),
            splitOn: "RegionName").AsList();
        var (blocked, overdue, dueSoon) = await grid.ReadSingleAsync<(long?, long?, long?)>();
        var asOfSeq = await grid.ReadSingleAsync<long?>() ?? 0;
        var risk = (await grid.ReadAsync<(string Code, string RiskLevel)>()).ToDictionary(r => r.Code, r => r.RiskLevel);
        var stages = (await grid.ReadAsync<(long Id, string Name, long SortOrder)>()).ToDictionary(s => (int)s.Id, s => (s.Name, (int)s.SortOrder));
        await transaction.CommitAsync(cancellationToken);
        return new RedFlagReport
        {
            ElectionId = electionId,
            RegionCode = regionCode,
            Take = take,
            Flags = flags,
            Kind = only,
            Blocked = (int)(blocked ?? 0),
            Overdue = (int)(overdue ?? 0),
            DueSoon = (int)(dueSoon ?? 0),
            AsOfUtc = asOf,
            AsOfSeq = asOfSeq,
            RiskLevels = risk,
            Stages = stages,
        };
    }

    /// <summary>
    /// Items flagged overdue (<see cref="RedFlagKind.Overdue"/> by <see cref="RedFlagRule"/>: not Siap, not Kendala,
    /// past due in the region's own calendar, so the counts add up to the report's <see cref="RedFlagReport.Overdue"/>)
    /// per region one level below <paramref name="regionCode"/> (per province for the nation, <c>""</c>); regions with
    /// none are absent, and items of the region itself, of no region below it, are not counted. One GROUP BY over the
    /// subtree's index range.
    /// </summary>
    /// <exception cref="InputException">The region code is malformed.</exception>
    /// <exception cref="AccessDeniedException">The actor may not see the region.</exception>
    public async Task<IReadOnlyDictionary<string, int>> OverdueByChildAsync(Actor actor, int electionId, string regionCode,
        CancellationToken cancellationToken = default) =>
        (await ReadOverdueByChildAsync(actor, electionId, regionCode, cancellationToken)).Counts;

    /// <summary>
    /// The counts of <see cref="OverdueByChildAsync"/> read in one consistent view with the event log's end, so
    /// <see cref="ChildOverdueCounts.Apply"/> carries them forward from the live feed without counting an event twice.
    /// </summary>
    /// <exception cref="InputException">The region code is malformed.</exception>
    /// <exception cref="AccessDeniedException">The actor may not see the region.</exception>
    public async Task<ChildOverdueCounts> ChildOverdueAsync(Actor actor, int electionId, string regionCode,
        CancellationToken cancellationToken = default)
    {
        var (counts, asOfUtc, asOfSeq) = await ReadOverdueByChildAsync(actor, electionId, regionCode, cancellationToken);
        return new ChildOverdueCounts(regionCode, counts, asOfUtc, asOfSeq);
    }

    private async Task<(IReadOnlyDictionary<string, int> Counts, DateTime AsOfUtc, long AsOfSeq)> ReadOverdueByChildAsync(Actor actor,
        int electionId, string regionCode, CancellationToken cancellationToken)
    {
        if (regionCode.Length > 0 && !RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        if (!actor.CanSee(regionCode))
        {
            throw new AccessDeniedException(AccessDeniedException.OutOfScope, $"{regionCode} is outside {actor.Name}'s scope.");
        }

        if (regionCode.Length > 0 && RegionCode.LevelOf(regionCode) == RegionLevel.District)
        {
            return (new Dictionary<string, int>(), time.GetUtcNow().UtcDateTime, long.MaxValue);
        }

        var child = factory.Dialect.Left("i.RegionCode", regionCode.Length == 0 ? 2 : regionCode.Length + 3);
        var sql = $"""
            SELECT {child} AS Code, COUNT(*) AS Count
            FROM ChecklistItems i
            JOIN Regions r ON r.Code = i.RegionCode
            WHERE i.ElectionId = @electionId AND i.Status <> '{ItemStatus.Ready}'
            {(regionCode.Length == 0 ? "" : "AND i.RegionCode >= @descendants AND i.RegionCode < @descendantsEnd")}
            AND {RedFlagRule.SqlKind("i", "r")} = {(int)RedFlagKind.Overdue}
            GROUP BY {child};
            SELECT MAX(Seq) FROM ItemEvents;
            """;
        var args = new DynamicParameters(new
        {
            electionId,
            descendants = RegionCode.DescendantsFrom(regionCode),
            descendantsEnd = RegionCode.DescendantsTo(regionCode),
        });
        var asOf = time.GetUtcNow().UtcDateTime;
        args.AddDynamicParams(RedFlagRule.SqlParameters(asOf));
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await factory.Dialect.BeginConsistentReadAsync(connection, cancellationToken);
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        var rows = await grid.ReadAsync<(string Code, long Count)>();
        var asOfSeq = await grid.ReadSingleAsync<long?>() ?? 0;
        await transaction.CommitAsync(cancellationToken);
        return (rows.Where(r => RegionCode.IsValid(r.Code)).ToDictionary(r => r.Code, r => (int)r.Count), asOf, asOfSeq);
    }

    /// <summary>
    /// The SQL rule's verdict on every item of a subtree (null: no flag), by item id, as of <paramref name="asOfUtc"/>:
    /// for checking the SQL form against the C# form item by item.
    /// </summary>
    internal async Task<IReadOnlyDictionary<long, RedFlagKind?>> KindsAsync(int electionId, string regionCode, DateTime asOfUtc,
        CancellationToken cancellationToken = default)
    {
        var sql = $"""
            SELECT i.Id, {RedFlagRule.SqlKind("i", "r")} AS Kind
            FROM ChecklistItems i JOIN Regions r ON r.Code = i.RegionCode
            WHERE i.ElectionId = @electionId {(regionCode.Length == 0 ? "" : "AND i.RegionCode >= @regionCode AND i.RegionCode < @descendantsEnd")};
            """;
        var args = new DynamicParameters(new { electionId, regionCode, descendantsEnd = RegionCode.DescendantsTo(regionCode) });
        args.AddDynamicParams(RedFlagRule.SqlParameters(asOfUtc));
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, long? Kind)>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Kind is { } k ? (RedFlagKind?)(int)k : null);
    }

    private sealed class FlagColumns
    {
        public string RegionName { get; set; } = "";
        public string TimeZone { get; set; } = "";
        public string StageName { get; set; } = "";
        public int StageSortOrder { get; set; }
        public int Kind { get; set; }
        public string? RiskLevel { get; set; }
    }
}
