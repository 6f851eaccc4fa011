using System.Data.Common;
using Dapper;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Coordination;

/// <summary>
/// The writes every coordination store shares, each inside the caller's transaction: an item of another origin
/// (created with its creation event, like any item, so the item feed carries it), a touch on an item (a new event
/// with status and note unchanged, so screens holding that item reload what hangs on it), the touch by which another
/// agency's answer reaches the asking item without counting as a change to it, and the coordination event row.
/// </summary>
internal static class CoordinationWrites
{
    /// <summary>The item columns <see cref="InsertItemAsync"/> writes beyond the usual ones.</summary>
    private static readonly string InsertItem = $"""
        INSERT INTO ChecklistItems ({ItemSql.InsertColumns}, Origin, SourceId)
        VALUES (@ElectionId, @RegionCode, @AgencyCode, @StageId, NULL, @Title, @Criticality, @DueDate, '{ItemStatus.NotStarted}', NULL,
                @Now, @Actor, 1, @Unit, @Done, @Target, @TargetFixed, 0, @Origin, @SourceId);
        """;

    /// <summary>Creates an item of <paramref name="origin"/> with its creation event; returns it as stored.</summary>
    public static async Task<ChecklistItem> InsertItemAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        ItemDraft draft, string origin, long sourceId, string actor, DateTime now, CancellationToken cancellationToken)
    {
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertItem + "\n" + dialect.SelectInsertedId, new
        {
            draft.ElectionId, draft.RegionCode, draft.AgencyCode, draft.StageId, draft.Title, draft.Criticality, draft.DueDate,
            Now = now, Actor = actor, draft.Unit, Done = (int?)null, draft.Target,
            TargetFixed = draft.Target is not null, Origin = origin, SourceId = sourceId,
        }, transaction, cancellationToken: cancellationToken));
        var item = await FindItemAsync(connection, transaction, id, cancellationToken)
            ?? throw new InvalidOperationException($"Item {id} was not read back after its insert.");
        await connection.ExecuteAsync(new CommandDefinition(ItemSql.InsertEvent, ItemEventRow.Of(item, null, Guid.NewGuid()), transaction,
            cancellationToken: cancellationToken));
        return item;
    }

    /// <summary>
    /// Changes an item's status (and number, and note where given) as its agency's answer, with an event; an item
    /// already in <paramref name="status"/> with nothing else to change gets a touch only. Returns the item after.
    /// </summary>
    public static async Task<ChecklistItem> SetItemAsync(DbConnection connection, DbTransaction transaction, long itemId, string status,
        string? note, bool fillNumber, string actor, DateTime now, CancellationToken cancellationToken)
    {
        var before = await FindItemAsync(connection, transaction, itemId, cancellationToken)
            ?? throw new InvalidOperationException($"Item {itemId} is linked but missing.");
        var after = before with
        {
            Status = status,
            Note = note ?? before.Note,
            Done = fillNumber && before.Target is { } target ? target : before.Done,
            UpdatedAtUtc = now,
            UpdatedBy = actor,
            Version = before.Version + 1,
        };
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ChecklistItems SET Status = @Status, Note = @Note, Done = @Done, UpdatedAtUtc = @UpdatedAtUtc, UpdatedBy = @UpdatedBy,
                   Version = Version + 1
            WHERE Id = @Id;
            """, new { after.Status, after.Note, after.Done, after.UpdatedAtUtc, after.UpdatedBy, after.Id }, transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(ItemSql.InsertEvent, ItemEventRow.Of(after, before.Status, Guid.NewGuid(), before.Done),
            transaction, cancellationToken: cancellationToken));
        return after;
    }

    /// <summary>
    /// Tells the screens holding an item that another agency answered a help request asked from it: the item's
    /// version moves (so they reload what hangs on it) and an event marked RequestAnswered carries the answering
    /// liaison and time. Status, note, number, and the item's own "last updated by" and time stay its agency's. An item
    /// no longer there is left alone.
    /// </summary>
    public static async Task TouchAnsweredAsync(DbConnection connection, DbTransaction transaction, long itemId, string actor, DateTime now,
        CancellationToken cancellationToken)
    {
        if (await FindItemAsync(connection, transaction, itemId, cancellationToken) is not { } item)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition("UPDATE ChecklistItems SET Version = Version + 1 WHERE Id = @Id;", new { item.Id },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(ItemSql.InsertRequestAnsweredEvent,
            ItemEventRow.Of(item with { UpdatedBy = actor, UpdatedAtUtc = now, Version = item.Version + 1 }, item.Status, Guid.NewGuid(), item.Done),
            transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Reads one item inside the transaction.</summary>
    public static async Task<ChecklistItem?> FindItemAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<ChecklistItem>(new CommandDefinition(
            $"SELECT {ItemSql.Select("i")} FROM ChecklistItems i WHERE i.Id = @id;", new { id }, transaction,
            cancellationToken: cancellationToken)) is { } item
            ? ItemSql.Checked(item)
            : null;

    /// <summary>The subject of an operation already applied (a replayed click), or null.</summary>
    public static Task<long?> AppliedAsync(DbConnection connection, DbTransaction transaction, Guid operationId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT SubjectId FROM CoordinationEvents WHERE OperationId = @op;", new { op = operationId.ToString("D") }, transaction,
            cancellationToken: cancellationToken));

    /// <summary>Appends one coordination event (who, when, what) in the transaction.</summary>
    public static Task AppendEventAsync(DbConnection connection, DbTransaction transaction, string kind, long subjectId, string regionCode,
        string? agencyCode, string? detail, string actor, DateTime now, Guid operationId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO CoordinationEvents (Kind, SubjectId, RegionCode, AgencyCode, Detail, Actor, AtUtc, OperationId)
            VALUES (@kind, @subjectId, @regionCode, @agencyCode, @detail, @actor, @now, @op);
            """, new { kind, subjectId, regionCode, agencyCode, detail, actor, now, op = operationId.ToString("D") }, transaction,
            cancellationToken: cancellationToken));

    /// <summary>Trims <paramref name="text"/>; refuses it (with <paramref name="key"/>) when empty and required, or longer than <paramref name="max"/>.</summary>
    public static string? Text(string? text, int max, bool required, string key)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if ((trimmed is null && required) || trimmed?.Length > max)
        {
            throw new InputException(key, max);
        }

        InputException.RequireTitleText(trimmed);
        return trimmed;
    }
}
