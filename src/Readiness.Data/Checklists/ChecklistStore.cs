using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Checklists;

/// <summary>Checklist items: created from templates, changed with a version check, every change journaled as an event.</summary>
public sealed partial class ChecklistStore(ConnectionFactory factory, TimeProvider time, FeedSignal feed, ILogger<ChecklistStore> logger)
{
    public const int MaxNoteLength = 1000;

    public async Task<ChecklistItem?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, id, cancellationToken);
    }

    /// <summary>
    /// Creates the items of an election's templates for a regency and its kecamatan, or for a province itself (the
    /// governor's election: level-1 templates only, never its regencies'), as each template's level says, with due
    /// dates from the stages. Items that exist already are left alone, so applying again adds only what is
    /// missing. A recurring template gives one item per period of its stage's window (<see cref="Recurrence"/>), each
    /// with its own due date, and a period already there is not added again. Each new item gets a creation event in
    /// the same transaction. Returns the number of items created.
    /// </summary>
    public async Task<int> ApplyTemplatesAsync(Actor actor, int electionId, string regencyCode, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "apply templates to " + regencyCode, cancellationToken);
        return await ApplyTemplatesAsync(electionId, regencyCode, actor.Name, cancellationToken);
    }

    /// <summary>Applies templates for the system itself (seeding), with no actor to check.</summary>
    internal async Task<int> ApplyTemplatesAsync(int electionId, string regencyCode, string actor, CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(regencyCode) || RegionCode.LevelOf(regencyCode) is not (RegionLevel.Regency or RegionLevel.Province))
        {
            throw new ArgumentException($"'{regencyCode}' is not a province, regency or city code.", nameof(regencyCode));
        }

        var dialect = factory.Dialect;
        var insertItems = $"""
            INSERT INTO ChecklistItems ({ItemSql.InsertColumns})
            SELECT @electionId, r.Code, t.AgencyCode, s.Id, t.Id, t.Title, t.Criticality,
                   {dialect.AddDays("s.EndDate", "t.DueOffsetDays")}, '{ItemStatus.NotStarted}', NULL, @now, @actor, 1,
                   t.Unit, NULL, t.Target, CASE WHEN t.Target IS NULL THEN 0 ELSE 1 END, t.AllowOver
            FROM TemplateItems t
            JOIN Stages s ON s.ElectionId = @electionId AND s.Code = t.StageCode
            JOIN Regions r ON r.Level = t.Level AND (r.Code = @regencyCode OR (r.ParentCode = @regencyCode AND r.Level = 3))
            WHERE t.Recurrence IS NULL
              AND NOT EXISTS (SELECT 1 FROM ChecklistItems c
                              WHERE c.ElectionId = @electionId AND c.RegionCode = r.Code AND c.TemplateItemId = t.Id);
            """;
        // A recurring template: one item per period, its title and due date the period's own (computed by Recurrence,
        // passed in); the period's key keeps a second apply from adding it again.
        var insertPeriodItems = $"""
            INSERT INTO ChecklistItems ({ItemSql.InsertColumns}, PeriodKey)
            SELECT @electionId, r.Code, t.AgencyCode, @StageId, t.Id, @Title, t.Criticality,
                   @DueDate, '{ItemStatus.NotStarted}', NULL, @now, @actor, 1,
                   t.Unit, NULL, t.Target, CASE WHEN t.Target IS NULL THEN 0 ELSE 1 END, t.AllowOver, @PeriodKey
            FROM TemplateItems t
            JOIN Regions r ON r.Level = t.Level AND (r.Code = @regencyCode OR (r.ParentCode = @regencyCode AND r.Level = 3))
            WHERE t.Id = @TemplateId
              AND NOT EXISTS (SELECT 1 FROM ChecklistItems c
                              WHERE c.ElectionId = @electionId AND c.RegionCode = r.Code AND c.TemplateItemId = t.Id
                                AND c.PeriodKey = @PeriodKey);
            """;
        const string recurringTemplates = """
            SELECT t.Id AS TemplateId, t.Recurrence, t.DueOffsetDays, t.Title, s.Id AS StageId, s.StartDate, s.EndDate
            FROM TemplateItems t
            JOIN Stages s ON s.ElectionId = @electionId AND s.Code = t.StageCode
            WHERE t.Recurrence IS NOT NULL
            ORDER BY t.Id;
            """;
        var insertEvents = $"""
            INSERT INTO ItemEvents ({ItemSql.EventColumns})
            SELECT c.Id, c.ElectionId, c.RegionCode, c.AgencyCode, c.StageId, NULL, c.Status, NULL,
                   @actor, @now, c.Version, {dialect.NewOperationId}, NULL, c.Done, c.Target
            FROM ChecklistItems c
            WHERE c.ElectionId = @electionId AND (c.RegionCode >= @regencyCode AND c.RegionCode < @descendantsEnd)
              AND NOT EXISTS (SELECT 1 FROM ItemEvents e WHERE e.ItemId = c.Id);
            """;

        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Taken once the write transaction has begun, so events are stamped in the order they are sequenced.
        var args = new
        {
            electionId,
            regencyCode,
            descendantsEnd = RegionCode.DescendantsTo(regencyCode),
            actor,
            now = time.GetUtcNow().UtcDateTime,
        };
        var created = await connection.ExecuteAsync(new CommandDefinition(insertItems, args, transaction, cancellationToken: cancellationToken));
        var recurring = await connection.QueryAsync<RecurringTemplate>(new CommandDefinition(
            recurringTemplates, args, transaction, cancellationToken: cancellationToken));
        var periods = recurring
            .SelectMany(t => Recurrence.Periods(t.Recurrence, t.StartDate, t.EndDate).Select(p => new
            {
                args.electionId,
                args.regencyCode,
                args.actor,
                args.now,
                t.TemplateId,
                t.StageId,
                Title = $"{t.Title} ({p.Label})",
                DueDate = p.End.AddDays(t.DueOffsetDays),
                PeriodKey = Recurrence.KeyText(p.Key),
            }))
            .ToList();
        if (periods.Count > 0)
        {
            created += await connection.ExecuteAsync(new CommandDefinition(insertPeriodItems, periods, transaction, cancellationToken: cancellationToken));
        }

        // Items whose target follows the region's figures take it before their creation event is written.
        await FigureTargets.FollowAsync(connection, transaction, electionId, regencyCode, null, actor, args.now, journal: false, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(insertEvents, args, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        feed.Nudge();
        return created;
    }

    /// <summary>
    /// Changes an item's status and note if nobody else changed it since <see cref="StatusChange.ExpectedVersion"/>,
    /// and appends the event in the same transaction. A replayed operation id writes nothing.
    /// </summary>
    public async Task<SaveResult> ChangeStatusAsync(Actor actor, StatusChange change, CancellationToken cancellationToken = default)
    {
        var note = ItemStatus.CleanNote(change.Note);
        if (!ItemStatus.IsValid(change.Status))
        {
            throw new InputException(InputException.StatusInvalid);
        }

        if (note?.Length > MaxNoteLength)
        {
            throw new InputException(InputException.NoteTooLong, MaxNoteLength);
        }

        if (ItemStatus.LacksNote(change.Status, note))
        {
            throw new InputException(InputException.BlockedNeedsNote);
        }

        InputException.RequirePlainText(note);
        ItemNumbers.Validate(change.Done, change.Target, allowOver: true); // bounds now; done against target once the item is read

        change = change with { Note = note };

        const string update = """
            UPDATE ChecklistItems
            SET Status = @Status, Note = @Note, Done = @Done, Target = @Target, UpdatedAtUtc = @now, UpdatedBy = @Actor,
                Version = Version + 1
            WHERE Id = @ItemId AND Version = @ExpectedVersion;
            """;
        var insertEvent = $"""
            {ItemSql.InsertEvent}
            {factory.Dialect.SelectInsertedId}
            """;

        var operationId = change.OperationId.ToString("D");
        await using var connection = await factory.OpenAsync(cancellationToken);
        // The write transaction begins here (SQLite: BEGIN IMMEDIATE, so a busy writer is waited for now, not later).
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // "Now" is read only once the write lock is held: a save that waited is stamped when it was stored, so time
        // order is sequence order in the history.
        var now = time.GetUtcNow().UtcDateTime;

        if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT Seq FROM ItemEvents WHERE OperationId = @operationId;", new { operationId }, transaction,
                cancellationToken: cancellationToken)) is not null)
        {
            var item = await FindAsync(connection, transaction, change.ItemId, cancellationToken);
            return item is null ? new SaveResult.NotFound() : new SaveResult.AlreadyApplied(item);
        }

        var before = await FindAsync(connection, transaction, change.ItemId, cancellationToken);
        if (before is null)
        {
            return new SaveResult.NotFound();
        }

        actor.RequireChangeItem(before.RegionCode, before.AgencyCode, logger, $"change {before.AgencyCode} item {before.Id}");

        var (done, target) = NumbersAfter(before, change);
        var changed = await connection.ExecuteAsync(new CommandDefinition(update,
            new { change.Status, change.Note, Done = done, Target = target, now, Actor = actor.Name, change.ItemId, change.ExpectedVersion },
            transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return new SaveResult.Conflict(before);
        }

        var after = before with
        {
            Status = change.Status,
            Note = change.Note,
            UpdatedAtUtc = now,
            UpdatedBy = actor.Name,
            Version = change.ExpectedVersion + 1,
            Done = done,
            Target = target,
        };
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(insertEvent,
            ItemEventRow.Of(after, before.Status, change.OperationId, before.Done), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        feed.Nudge();
        return new SaveResult.Saved(after, seq);
    }

    /// <summary>
    /// The number an item holds after <paramref name="change"/>: unchanged where the change names none; refused on an
    /// item that counts nothing, for a target the template fixes, and for done above the target where not allowed.
    /// </summary>
    private static (int? Done, int? Target) NumbersAfter(ChecklistItem before, StatusChange change)
    {
        if (change.Done is null && change.Target is null)
        {
            return (before.Done, before.Target);
        }

        if (!before.HasNumber)
        {
            throw new InputException(InputException.NoNumber);
        }

        if (before.TargetFixed && change.Target is { } asked && asked != before.Target)
        {
            throw new InputException(InputException.TargetFixed, before.Target ?? 0, before.Unit!);
        }

        var done = change.Done ?? before.Done;
        var target = before.TargetFixed ? before.Target : change.Target ?? before.Target;
        ItemNumbers.Validate(done, target, before.AllowOver, before.TargetFixed);
        return (done, target);
    }

    private static async Task<ChecklistItem?> FindAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<ChecklistItem>(new CommandDefinition(
            $"SELECT {ItemSql.Select("i")} FROM ChecklistItems i WHERE i.Id = @id;", new { id }, transaction,
            cancellationToken: cancellationToken)) is { } item
            ? ItemSql.Checked(item)
            : null;

    public const int MaxTitleLength = 200;

    private static readonly string ViewSelect = $"""
        SELECT {ItemSql.Select("i")},
               r.Name AS RegionName, r.TimeZone, s.Name AS StageName, s.SortOrder AS StageSortOrder
        FROM ChecklistItems i
        JOIN Regions r ON r.Code = i.RegionCode
        JOIN Stages s ON s.Id = i.StageId
        """;

    /// <summary>One item with its region and stage, if the actor may see its region.</summary>
    public async Task<ItemView?> FindViewAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var view = (await QueryViewsAsync(connection, $"{ViewSelect} WHERE i.Id = @id;", new DynamicParameters(new { id }), cancellationToken))
            .SingleOrDefault();
        if (view is not null)
        {
            actor.RequireSee(view.Item.RegionCode, logger, "view item " + id);
        }

        return view;
    }

    /// <summary>
    /// The items a liaison officer keeps: their agency's, in their scope, for one election; optionally of one status.
    /// Other roles keep no items and get none.
    /// </summary>
    public async Task<IReadOnlyList<ItemView>> ListForLiaisonAsync(Actor actor, int electionId, string? status = null,
        CancellationToken cancellationToken = default)
    {
        if (actor.Role != Roles.Liaison || actor.AgencyCode is null || actor.Scopes.Count == 0)
        {
            return [];
        }

        if (status is not null && !ItemStatus.IsValid(status))
        {
            throw new InputException(InputException.StatusInvalid);
        }

        var parameters = new DynamicParameters(new { electionId, agency = actor.AgencyCode, status });
        var scope = ScopeFilter("i.RegionCode", actor.Scopes, parameters);
        var sql = $"""
            {ViewSelect}
            WHERE i.ElectionId = @electionId AND i.AgencyCode = @agency AND ({scope})
              AND (@status IS NULL OR i.Status = @status)
            ORDER BY i.RegionCode, s.SortOrder, i.DueDate, i.Id;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await QueryViewsAsync(connection, sql, parameters, cancellationToken);
    }

    /// <summary>
    /// The items kept in exactly one region (a kecamatan's own, not those of regions under it), every agency's, for
    /// anyone who may see the region: by agency in <see cref="Agency.All"/> order, then stage, due date and id.
    /// </summary>
    /// <exception cref="InputException">The code is not a region code.</exception>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope (logged).</exception>
    public async Task<IReadOnlyList<ItemView>> ListOfRegionAsync(Actor actor, int electionId, string regionCode,
        CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        actor.RequireSee(regionCode, logger, "list the items of a region");
        var sql = $"""
            {ViewSelect}
            WHERE i.ElectionId = @electionId AND i.RegionCode = @regionCode
            ORDER BY s.SortOrder, i.DueDate, i.Id;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var items = await QueryViewsAsync(connection, sql, new DynamicParameters(new { electionId, regionCode }), cancellationToken);
        var order = Agency.All.Select((a, i) => (a.Code, i)).ToDictionary(p => p.Code, p => p.i);
        return items.OrderBy(v => order.GetValueOrDefault(v.Item.AgencyCode, order.Count)).ToList(); // stable: keeps stage, date, id
    }

    /// <summary>
    /// The items of a region and everything under it for an export: every agency's for admins and leaders, only the
    /// liaison's own agency's for a liaison; refused for viewers and screens.
    /// </summary>
    public async Task<IReadOnlyList<ItemView>> ListForExportAsync(Actor actor, int electionId, string regionCode,
        CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        actor.RequireExport(regionCode, logger);
        var agency = actor.ExportAgency;
        var sql = $"""
            {ViewSelect}
            WHERE i.ElectionId = @electionId AND (i.RegionCode >= @regionCode AND i.RegionCode < @descendantsEnd)
              AND (@agency IS NULL OR i.AgencyCode = @agency)
            ORDER BY i.RegionCode, s.SortOrder, i.AgencyCode, i.DueDate, i.Id;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await QueryViewsAsync(connection, sql,
            new DynamicParameters(new { electionId, regionCode, descendants = RegionCode.DescendantsFrom(regionCode),
            descendantsEnd = RegionCode.DescendantsTo(regionCode), agency }),
            cancellationToken);
    }

    /// <summary>
    /// An item's history, newest first, if the actor may see its region: its agency's changes, evidence and moved
    /// targets; not another agency's answer to a help request from it (the request says that, and the item did not change).
    /// </summary>
    public async Task<IReadOnlyList<ItemEvent>> HistoryAsync(Actor actor, long itemId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var region = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT RegionCode FROM ChecklistItems WHERE Id = @itemId;", new { itemId }, cancellationToken: cancellationToken));
        if (region is null)
        {
            return [];
        }

        actor.RequireSee(region, logger, "read the history of item " + itemId);

        const string sql = """
            SELECT e.Seq, e.ItemId, e.StatusBefore, e.StatusAfter, e.Note, e.Actor, e.AtUtc, e.ItemVersion,
                   e.DoneBefore, e.DoneAfter, e.Target, i.Unit, e.Evidence
            FROM ItemEvents e JOIN ChecklistItems i ON i.Id = e.ItemId
            WHERE e.ItemId = @itemId AND e.RequestAnswered = 0 ORDER BY e.Seq DESC;
            """;
        return (await connection.QueryAsync<ItemEvent>(new CommandDefinition(sql, new { itemId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>A liaison adds an item of their own agency in their scope; it is journaled like any change.</summary>
    public async Task<ChecklistItem> AddItemAsync(Actor actor, NewItem item, Guid operationId, CancellationToken cancellationToken = default)
    {
        var title = (item.Title ?? "").Trim();
        if (title.Length is 0 or > MaxTitleLength)
        {
            throw new InputException(InputException.TitleInvalid, MaxTitleLength);
        }

        InputException.RequireTitleText(title);
        if (!Criticality.IsValid(item.Criticality))
        {
            throw new InputException(InputException.CriticalityInvalid);
        }

        if (!RegionCode.IsValid(item.RegionCode))
        {
            throw new InputException(InputException.RegionInvalid, item.RegionCode);
        }

        actor.RequireChangeItem(item.RegionCode, actor.AgencyCode ?? "", logger, "add an item");

        var insert = $"""
            INSERT INTO ChecklistItems ({ItemSql.InsertColumns})
            VALUES (@ElectionId, @RegionCode, @agency, @StageId, NULL, @title, @Criticality, @DueDate, '{ItemStatus.NotStarted}', NULL,
                    @now, @actor, 1, NULL, NULL, NULL, 0, 0);
            {factory.Dialect.SelectInsertedId}
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime; // inside the write transaction, as for a status change
        var stage = await connection.QuerySingleOrDefaultAsync<Readiness.Data.Elections.Stage>(new CommandDefinition("""
            SELECT s.Id, s.ElectionId, s.Code, s.Name, s.SortOrder, s.StartDate, s.EndDate
            FROM Stages s JOIN Regions r ON r.Code = @RegionCode AND r.Level IN (2, 3)
            WHERE s.Id = @StageId AND s.ElectionId = @ElectionId;
            """, new { item.RegionCode, item.StageId, item.ElectionId }, transaction, cancellationToken: cancellationToken));
        if (stage is null)
        {
            throw new InputException(InputException.StageOrRegionInvalid);
        }

        // Due inside the stage or before it (preparation), never after it ends.
        if (item.DueDate > stage.EndDate || item.DueDate < stage.StartDate.AddDays(-365))
        {
            throw new InputException(InputException.DueDateInvalid, stage.StartDate.AddDays(-365), stage.EndDate);
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(insert, new
        {
            item.ElectionId, item.RegionCode, agency = actor.AgencyCode, item.StageId, title, item.Criticality, item.DueDate, now,
            actor = actor.Name,
        }, transaction, cancellationToken: cancellationToken));
        var created = (await FindAsync(connection, transaction, id, cancellationToken))!;

        await connection.ExecuteAsync(new CommandDefinition(ItemSql.InsertEvent, ItemEventRow.Of(created, null, operationId), transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        feed.Nudge();
        return created;
    }

    /// <summary>
    /// "Under one of these scopes" as SQL over parameters: equal to a scope code or below it. Only parameter names
    /// are written into the statement, never the codes themselves.
    /// </summary>
    internal static string ScopeFilter(string column, IReadOnlyList<string> scopes, DynamicParameters parameters)
    {
        var terms = new List<string>();
        for (var i = 0; i < scopes.Count; i++)
        {
            parameters.Add($"scope{i}", scopes[i]);
            parameters.Add($"scope{i}e", RegionCode.DescendantsTo(scopes[i]));
            terms.Add($"({column} >= @scope{i} AND {column} < @scope{i}e)");
        }

        return terms.Count == 0 ? "1 = 0" : string.Join(" OR ", terms);
    }

    private static async Task<IReadOnlyList<ItemView>> QueryViewsAsync(DbConnection connection, string sql, DynamicParameters parameters,
        CancellationToken cancellationToken)
    {
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
        return rows.AsList();
    }

    private sealed class ViewColumns
    {
        public string RegionName { get; set; } = "";
        public string TimeZone { get; set; } = "";
        public string StageName { get; set; } = "";
        public int StageSortOrder { get; set; }
    }

    private sealed class RecurringTemplate
    {
        public int TemplateId { get; set; }
        public string Recurrence { get; set; } = "";
        public int DueOffsetDays { get; set; }
        public string Title { get; set; } = "";
        public int StageId { get; set; }
        public DateOnly StartDate { get; set; }
        public DateOnly EndDate { get; set; }
    }
}
