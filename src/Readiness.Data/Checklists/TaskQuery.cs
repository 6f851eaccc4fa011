using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Regions;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Checklists;

/// <summary>
/// A liaison's items, narrowed and a page at a time: what a phone on a weak link can carry. Only a liaison keeps
/// items; the agency and the scope come from the <see cref="Actor"/>, never from the filter, so an address typed by
/// hand cannot reach an item outside them. "Today" is each item's own region's date (WIB, WITA or WIT).
/// </summary>
public sealed class TaskQuery(ConnectionFactory factory, TimeProvider time)
{
    /// <summary>Days ahead that count as "due soon" for the "now" view and the this-week window.</summary>
    public const int SoonDays = 7;

    // "Today" differs across Indonesia's three zones: each item is judged by its own region's date, as red flags are.
    private static readonly string Today = RegionCalendar.TodaySql("r.TimeZone");
    private static readonly string Soon = RegionCalendar.DateSql("r.TimeZone", "soon");

    private const string From = """
        FROM ChecklistItems i
        JOIN Regions r ON r.Code = i.RegionCode
        JOIN Stages s ON s.Id = i.StageId
        """;

    private static readonly string NowCondition = $"""
        (i.Status <> '{ItemStatus.Ready}' AND (i.Status = '{ItemStatus.Blocked}' OR i.DueDate <= {Soon}
         OR (s.StartDate <= {Today} AND s.EndDate >= {Today})))
        """;

    /// <summary>
    /// One page of the liaison's items matching <paramref name="filter"/>: Kendala first, then overdue, then by due
    /// date and region. Empty for anyone but a liaison with an agency and a scope.
    /// </summary>
    public async Task<TaskPage> ListAsync(Actor actor, int electionId, TaskFilter filter, CancellationToken cancellationToken = default)
    {
        if (!Keeps(actor))
        {
            return TaskPage.Empty;
        }

        var parameters = Parameters(actor, electionId);
        var scoped = Where(actor, filter with { View = TaskView.All, Page = 0 }, parameters);
        var where = filter.View == TaskView.Now ? $"{scoped} AND {NowCondition}" : scoped;
        var countHidden = filter.View == TaskView.Now
            ? $"SELECT COUNT(*) {From} WHERE {scoped} AND NOT {NowCondition};"
            : "SELECT 0;";
        var count = $"SELECT COUNT(*) {From} WHERE {where};";

        await using var connection = await factory.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(count, parameters, cancellationToken: cancellationToken));
        var hidden = await connection.ExecuteScalarAsync<int>(new CommandDefinition(countHidden, parameters, cancellationToken: cancellationToken));
        var pageCount = Math.Max(1, (total + TaskFilter.PageSize - 1) / TaskFilter.PageSize);
        var page = Math.Clamp(filter.Page, 0, pageCount - 1);
        parameters.Add("Skip", page * TaskFilter.PageSize);
        parameters.Add("Take", TaskFilter.PageSize);
        var sql = $"""
            SELECT {ItemSql.Select("i")},
                   r.Name AS RegionName, r.TimeZone, s.Name AS StageName, s.SortOrder AS StageSortOrder
            {From}
            WHERE {where}
            ORDER BY CASE WHEN i.Status = '{ItemStatus.Blocked}' THEN 0
                          WHEN {RedFlagRule.SqlIsOverdue("i", "r")} THEN 1 ELSE 2 END,
                     i.DueDate, i.RegionCode, i.Id
            {factory.Dialect.Page};
            """;
        var rows = await connection.QueryAsync<ChecklistItem, ViewColumns, ItemView>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken),
            (item, extra) => new ItemView
            {
                Item = ItemSql.Checked(item),
                RegionName = extra.RegionName,
                TimeZone = extra.TimeZone,
                StageName = extra.StageName,
                StageSortOrder = extra.StageSortOrder,
            },
            splitOn: "RegionName");
        return new TaskPage { Items = rows.AsList(), Total = total, Hidden = hidden, Page = page };
    }

    /// <summary>
    /// The liaison's items matching <paramref name="filter"/> grouped by checklist item across regions, with counts
    /// per status; by stage, then title. <see cref="TaskFilter.Group"/> and the page are not applied.
    /// </summary>
    public async Task<IReadOnlyList<TaskGroup>> GroupsAsync(Actor actor, int electionId, TaskFilter filter,
        CancellationToken cancellationToken = default)
    {
        if (!Keeps(actor))
        {
            return [];
        }

        var parameters = Parameters(actor, electionId);
        var where = Where(actor, filter with { Group = null }, parameters);
        // KEY is reserved in T-SQL; brackets quote it on SQL Server and SQLite alike.
        var sql = $"""
            SELECT COALESCE(i.TemplateItemId, -i.Id) AS [{nameof(TaskGroup.Key)}], MIN(i.Title) AS {nameof(TaskGroup.Title)},
                   MIN(s.Name) AS {nameof(TaskGroup.StageName)}, MIN(s.SortOrder) AS {nameof(TaskGroup.StageSortOrder)},
                   COUNT(*) AS {nameof(TaskGroup.Total)},
                   SUM(CASE WHEN i.Status = '{ItemStatus.Ready}' THEN 1 ELSE 0 END) AS {nameof(TaskGroup.Ready)},
                   SUM(CASE WHEN i.Status = '{ItemStatus.InProgress}' THEN 1 ELSE 0 END) AS {nameof(TaskGroup.InProgress)},
                   SUM(CASE WHEN i.Status = '{ItemStatus.Blocked}' THEN 1 ELSE 0 END) AS {nameof(TaskGroup.Blocked)},
                   SUM(CASE WHEN i.Status = '{ItemStatus.NotStarted}' THEN 1 ELSE 0 END) AS {nameof(TaskGroup.NotStarted)}
            {From}
            WHERE {where}
            GROUP BY COALESCE(i.TemplateItemId, -i.Id)
            ORDER BY MIN(s.SortOrder), MIN(i.Title);
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<TaskGroup>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The regions in which the liaison has items, by code, for the region picker.</summary>
    public async Task<IReadOnlyList<TaskRegion>> RegionsAsync(Actor actor, int electionId, CancellationToken cancellationToken = default)
    {
        if (!Keeps(actor))
        {
            return [];
        }

        var parameters = Parameters(actor, electionId);
        var sql = $"""
            SELECT r.Code, r.Name, COUNT(*) AS Items
            {From}
            WHERE {Where(actor, new TaskFilter(), parameters)}
            GROUP BY r.Code, r.Name
            ORDER BY r.Code;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<TaskRegion>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    private static bool Keeps(Actor actor) => actor.Role == Roles.Liaison && actor.AgencyCode is not null && actor.Scopes.Count > 0;

    private DynamicParameters Parameters(Actor actor, int electionId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = RegionCalendar.DatesAt(now);
        var soon = RegionCalendar.DatesAt(now, SoonDays);
        return new DynamicParameters(new
        {
            electionId,
            agency = actor.AgencyCode,
            todayWib = today.wib,
            todayWita = today.wita,
            todayWit = today.wit,
            soonWib = soon.wib,
            soonWita = soon.wita,
            soonWit = soon.wit,
        });
    }

    /// <summary>The WHERE clause: the actor's agency and scope always; the filter's parts when valid. Parameters only.</summary>
    private static string Where(Actor actor, TaskFilter filter, DynamicParameters parameters)
    {
        var terms = new List<string>
        {
            "i.ElectionId = @electionId",
            "i.AgencyCode = @agency",
            $"({ChecklistStore.ScopeFilter("i.RegionCode", actor.Scopes, parameters)})",
        };
        if (RegionCode.IsValid(filter.Region))
        {
            parameters.Add("region", filter.Region);
            parameters.Add("regionEnd", RegionCode.DescendantsTo(filter.Region!));
            terms.Add("i.RegionCode >= @region AND i.RegionCode < @regionEnd");
        }

        if (filter.StageId is { } stageId)
        {
            parameters.Add("stageId", stageId);
            terms.Add("i.StageId = @stageId");
        }

        if (ItemStatus.IsValid(filter.Status))
        {
            parameters.Add("status", filter.Status);
            terms.Add("i.Status = @status");
        }

        switch (filter.Due)
        {
            case DueWindow.Overdue: // RedFlagRule.IsOverdue: neither Siap nor Kendala, past the region's own date
                terms.Add(RedFlagRule.SqlIsOverdue("i", "r"));
                break;
            case DueWindow.ThisWeek:
                terms.Add($"i.DueDate >= {Today} AND i.DueDate <= {Soon}");
                break;
            case DueWindow.Later:
                terms.Add($"i.DueDate > {Soon}");
                break;
        }

        var words = filter.Words;
        for (var w = 0; w < words.Count; w++)
        {
            // Each word, or a term it stands for (SearchVocabulary: "logistik" finds "Kotak suara ... tiba di TPS").
            var alternatives = new List<string>();
            var expanded = SearchVocabulary.Expand(words[w]);
            for (var t = 0; t < expanded.Count; t++)
            {
                parameters.Add($"word{w}_{t}", "%" + EscapeLike(expanded[t]) + "%");
                // The word itself may name the place; the terms it stands for speak of the item only ("dana" is no "Danau").
                alternatives.Add(t == 0
                    ? $"i.Title LIKE @word{w}_{t} ESCAPE '\\' OR i.Note LIKE @word{w}_{t} ESCAPE '\\' OR r.Name LIKE @word{w}_{t} ESCAPE '\\'"
                    : $"i.Title LIKE @word{w}_{t} ESCAPE '\\' OR i.Note LIKE @word{w}_{t} ESCAPE '\\'");
            }

            terms.Add("(" + string.Join(" OR ", alternatives) + ")");
        }

        if (filter.Group is { } group)
        {
            parameters.Add("group", group);
            terms.Add(group > 0 ? "i.TemplateItemId = @group" : "i.TemplateItemId IS NULL AND i.Id = -@group");
        }

        return string.Join(" AND ", terms);
    }

    private static string EscapeLike(string word) =>
        word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);

    private sealed class ViewColumns
    {
        public string RegionName { get; set; } = "";
        public string TimeZone { get; set; } = "";
        public string StageName { get; set; } = "";
        public int StageSortOrder { get; set; }
    }
}
