using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Regions;
using Readiness.Data.Sql;

namespace Readiness.Data.Checklists;

public enum RedFlagKind
{
    /// <summary>Kendala: someone said it is blocked.</summary>
    Blocked = 0,

    /// <summary>Its due date has passed in the region's own calendar and it is not ready.</summary>
    Overdue = 1,

    /// <summary>A critical item due within three days and not ready.</summary>
    DueSoon = 2,
}

public sealed record RedFlag(ItemView View, RedFlagKind Kind, string? RiskLevel);

/// <summary>What is not ready, worst first: high-risk regencies first, then blocked, overdue, due soon.</summary>
public sealed record RedFlagReport(IReadOnlyList<RedFlag> Flags, int Blocked, int Overdue, int DueSoon)
{
    public int Total => Blocked + Overdue + DueSoon;
}

/// <summary>Finds red flags with one query, each item judged by the date in its own region's time zone.</summary>
public sealed class RedFlagStore(ConnectionFactory factory, TimeProvider time)
{
    public const int DueSoonDays = 3;

    public async Task<RedFlagReport> ForRegionAsync(Actor actor, int electionId, string regionCode, int take = 50,
        CancellationToken cancellationToken = default)
    {
        if (regionCode.Length > 0 && !RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        if (regionCode.Length == 0 ? !actor.IsAdmin : !actor.CanSee(regionCode))
        {
            throw new AccessDeniedException(AccessDeniedException.OutOfScope, $"{regionCode} is outside {actor.Name}'s scope.");
        }

        var dialect = factory.Dialect;
        // "Today" differs across Indonesia's three zones: each item is judged by its own region's date.
        const string today = "CASE r.TimeZone WHEN 'Asia/Makassar' THEN @todayWita WHEN 'Asia/Jayapura' THEN @todayWit ELSE @todayWib END";
        const string soon = "CASE r.TimeZone WHEN 'Asia/Makassar' THEN @soonWita WHEN 'Asia/Jayapura' THEN @soonWit ELSE @soonWib END";
        var kind = $"""
            CASE WHEN i.Status = 'kendala' THEN 0
                 WHEN i.DueDate < {today} THEN 1
                 ELSE 2 END
            """;
        var where = $"""
            i.ElectionId = @electionId AND i.Status <> 'siap'
            {(regionCode.Length == 0 ? "" : "AND i.RegionCode >= @regionCode AND i.RegionCode < @descendantsEnd")}
            AND (i.Status = 'kendala' OR i.DueDate < {today} OR (i.Criticality = 'kritis' AND i.DueDate <= {soon}))
            """;
        var from = $"""
            FROM ChecklistItems i
            JOIN Regions r ON r.Code = i.RegionCode
            JOIN Stages s ON s.Id = i.StageId
            LEFT JOIN Regions rg ON rg.Code = {dialect.Left("i.RegionCode", 5)}
            """;
        var sql = $"""
            SELECT i.Id, i.ElectionId, i.RegionCode, i.AgencyCode, i.StageId, i.TemplateItemId, i.Title, i.Criticality, i.DueDate,
                   i.Status, i.Note, i.UpdatedAtUtc, i.UpdatedBy, i.Version,
                   r.Name AS RegionName, r.TimeZone, s.Name AS StageName, s.SortOrder AS StageSortOrder,
                   {kind} AS Kind, rg.RiskLevel
            {from}
            WHERE {where}
            ORDER BY CASE rg.RiskLevel WHEN 'tinggi' THEN 0 WHEN 'sedang' THEN 1 WHEN 'rendah' THEN 2 ELSE 3 END, {kind}, i.DueDate, i.Id
            {dialect.Top(Math.Clamp(take, 1, 500))};
            SELECT SUM(CASE WHEN {kind} = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN {kind} = 1 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {kind} = 2 THEN 1 ELSE 0 END)
            {from}
            WHERE {where};
            """;

        var now = time.GetUtcNow().UtcDateTime;
        DateOnly TodayIn(RegionTimeZone zone) => DateOnly.FromDateTime(zone.ToLocal(now));
        var args = new
        {
            electionId,
            regionCode,
            descendants = RegionCode.DescendantsFrom(regionCode),
            descendantsEnd = RegionCode.DescendantsTo(regionCode),
            todayWib = TodayIn(RegionTimeZone.Wib),
            todayWita = TodayIn(RegionTimeZone.Wita),
            todayWit = TodayIn(RegionTimeZone.Wit),
            soonWib = TodayIn(RegionTimeZone.Wib).AddDays(DueSoonDays),
            soonWita = TodayIn(RegionTimeZone.Wita).AddDays(DueSoonDays),
            soonWit = TodayIn(RegionTimeZone.Wit).AddDays(DueSoonDays),
        };

        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        var flags = grid.Read<ChecklistItem, FlagColumns, RedFlag>(
            (item, extra) => new RedFlag(new ItemView
            {
                Item = item,
                RegionName = extra.RegionName,
                TimeZone = extra.TimeZone,
                StageName = extra.StageName,
                StageSortOrder = extra.StageSortOrder,
            }, (RedFlagKind)extra.Kind, extra.RiskLevel),
            splitOn: "RegionName").AsList();
        var (blocked, overdue, dueSoon) = await grid.ReadSingleAsync<(long?, long?, long?)>();
        return new RedFlagReport(flags, (int)(blocked ?? 0), (int)(overdue ?? 0), (int)(dueSoon ?? 0));
    }

    /// <summary>
    /// Whether an item counts as overdue (the <see cref="RedFlagKind.Overdue"/> flag): not Siap, not Kendala (a
    /// blocked item is flagged as blocked first), and its due date before <paramref name="today"/> in its region's
    /// own calendar. Screens patch overdue counts from feed events with this, so the rule is the query's.
    /// </summary>
    public static bool IsOverdue(string status, DateOnly dueDate, DateOnly today) =>
        status is not (ItemStatus.Ready or ItemStatus.Blocked) && dueDate < today;

    /// <summary>
    /// Overdue items (see <see cref="IsOverdue"/>) per region one level below <paramref name="regionCode"/> (per
    /// province for the nation, <c>""</c>), each judged by its own region's date; regions with none are absent. One
    /// GROUP BY over the subtree's index range. Items of the region itself (not of a region below it) are not counted.
    /// </summary>
    /// <exception cref="InputException">The code is not a region code.</exception>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope (the nation: admins only).</exception>
    public async Task<IReadOnlyDictionary<string, int>> OverdueByChildAsync(Actor actor, int electionId, string regionCode,
        CancellationToken cancellationToken = default)
    {
        if (regionCode.Length > 0 && !RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        if (regionCode.Length == 0 ? !actor.IsAdmin : !actor.CanSee(regionCode))
        {
            throw new AccessDeniedException(AccessDeniedException.OutOfScope, $"{regionCode} is outside {actor.Name}'s scope.");
        }

        if (regionCode.Length > 0 && RegionCode.LevelOf(regionCode) == RegionLevel.District)
        {
            return new Dictionary<string, int>();
        }

        const string today = "CASE r.TimeZone WHEN 'Asia/Makassar' THEN @todayWita WHEN 'Asia/Jayapura' THEN @todayWit ELSE @todayWib END";
        var child = factory.Dialect.Left("i.RegionCode", regionCode.Length == 0 ? 2 : regionCode.Length + 3);
        var sql = $"""
            SELECT {child} AS Code, COUNT(*) AS Count
            FROM ChecklistItems i
            JOIN Regions r ON r.Code = i.RegionCode
            WHERE i.ElectionId = @electionId
            {(regionCode.Length == 0 ? "" : "AND i.RegionCode >= @descendants AND i.RegionCode < @descendantsEnd")}
            AND i.Status <> 'siap' AND i.Status <> 'kendala' AND i.DueDate < {today}
            GROUP BY {child};
            """;
        var now = time.GetUtcNow().UtcDateTime;
        DateOnly TodayIn(RegionTimeZone zone) => DateOnly.FromDateTime(zone.ToLocal(now));
        var args = new
        {
            electionId,
            descendants = RegionCode.DescendantsFrom(regionCode),
            descendantsEnd = RegionCode.DescendantsTo(regionCode),
            todayWib = TodayIn(RegionTimeZone.Wib),
            todayWita = TodayIn(RegionTimeZone.Wita),
            todayWit = TodayIn(RegionTimeZone.Wit),
        };
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, long Count)>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return rows.Where(r => RegionCode.IsValid(r.Code)).ToDictionary(r => r.Code, r => (int)r.Count);
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
