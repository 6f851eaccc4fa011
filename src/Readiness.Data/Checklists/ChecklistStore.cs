using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Regions;
using Readiness.Data.Sql;

namespace Readiness.Data.Checklists;

/// <summary>Checklist items: created from templates, changed with a version check, every change journaled as an event.</summary>
public sealed partial class ChecklistStore(ConnectionFactory factory, TimeProvider time, ILogger<ChecklistStore> logger)
{
    public const int MaxNoteLength = 1000;

    private const string ItemColumns = """
        Id, ElectionId, RegionCode, AgencyCode, StageId, TemplateItemId, Title, Criticality, DueDate, Status, Note,
        UpdatedAtUtc, UpdatedBy, Version
        """;

    public async Task<ChecklistItem?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, id, cancellationToken);
    }

    /// <summary>
    /// Creates the items of an election's templates for a regency and its kecamatan, as each template's level says,
    /// with due dates from the stages. Items that exist already are left alone, so applying again adds only what is
    /// missing. Each new item gets a creation event in the same transaction. Returns the number of items created.
    /// </summary>
    public async Task<int> ApplyTemplatesAsync(Actor actor, int electionId, string regencyCode, CancellationToken cancellationToken = default)
    {
        if (!actor.CanAdminister)
        {
            LogRefused(actor.Name, actor.Role, "apply templates", regencyCode);
            throw new AccessDeniedException(AccessDeniedException.AdminOnly, $"{actor.Name} may not apply templates.");
        }

        return await ApplyTemplatesAsync(electionId, regencyCode, actor.Name, cancellationToken);
    }

    /// <summary>Applies templates for the system itself (seeding), with no actor to check.</summary>
    internal async Task<int> ApplyTemplatesAsync(int electionId, string regencyCode, string actor, CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(regencyCode) || RegionCode.LevelOf(regencyCode) != RegionLevel.Regency)
        {
            throw new ArgumentException($"'{regencyCode}' is not a regency or city code.", nameof(regencyCode));
        }

        var dialect = factory.Dialect;
        var insertItems = $"""
            INSERT INTO ChecklistItems (ElectionId, RegionCode, AgencyCode, StageId, TemplateItemId, Title, Criticality,
                                        DueDate, Status, UpdatedAtUtc, UpdatedBy, Version)
            SELECT @electionId, r.Code, t.AgencyCode, s.Id, t.Id, t.Title, t.Criticality,
                   {dialect.AddDays("s.EndDate", "t.DueOffsetDays")}, '{ItemStatus.NotStarted}', @now, @actor, 1
            FROM TemplateItems t
            JOIN Stages s ON s.ElectionId = @electionId AND s.Code = t.StageCode
            JOIN Regions r ON r.Level = t.Level AND (r.Code = @regencyCode OR r.ParentCode = @regencyCode)
            WHERE NOT EXISTS (SELECT 1 FROM ChecklistItems c
                              WHERE c.ElectionId = @electionId AND c.RegionCode = r.Code AND c.TemplateItemId = t.Id);
            """;
        var insertEvents = $"""
            INSERT INTO ItemEvents (ItemId, ElectionId, RegionCode, AgencyCode, StageId, StatusBefore, StatusAfter, Note,
                                    Actor, AtUtc, ItemVersion, OperationId)
            SELECT c.Id, c.ElectionId, c.RegionCode, c.AgencyCode, c.StageId, NULL, c.Status, NULL,
                   @actor, @now, c.Version, {dialect.NewOperationId}
            FROM ChecklistItems c
            WHERE c.ElectionId = @electionId AND (c.RegionCode = @regencyCode OR c.RegionCode LIKE @descendants)
              AND NOT EXISTS (SELECT 1 FROM ItemEvents e WHERE e.ItemId = c.Id);
            """;

        var args = new
        {
            electionId,
            regencyCode,
            descendants = RegionCode.DescendantPattern(regencyCode),
            actor,
            now = time.GetUtcNow().UtcDateTime,
        };
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var created = await connection.ExecuteAsync(new CommandDefinition(insertItems, args, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(insertEvents, args, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>
    /// Changes an item's status and note if nobody else changed it since <see cref="StatusChange.ExpectedVersion"/>,
    /// and appends the event in the same transaction. A replayed operation id writes nothing.
    /// </summary>
    public async Task<SaveResult> ChangeStatusAsync(Actor actor, StatusChange change, CancellationToken cancellationToken = default)
    {
        var note = string.IsNullOrWhiteSpace(change.Note) ? null : change.Note.Trim();
        if (!ItemStatus.IsValid(change.Status))
        {
            throw new InputException(InputException.StatusInvalid);
        }

        if (note?.Length > MaxNoteLength)
        {
            throw new InputException(InputException.NoteTooLong, MaxNoteLength);
        }

        if (change.Status == ItemStatus.Blocked && note is null)
        {
            throw new InputException(InputException.BlockedNeedsNote);
        }

        change = change with { Note = note };

        const string update = """
            UPDATE ChecklistItems
            SET Status = @Status, Note = @Note, UpdatedAtUtc = @now, UpdatedBy = @Actor, Version = Version + 1
            WHERE Id = @ItemId AND Version = @ExpectedVersion;
            """;
        const string insertEvent = """
            INSERT INTO ItemEvents (ItemId, ElectionId, RegionCode, AgencyCode, StageId, StatusBefore, StatusAfter, Note,
                                    Actor, AtUtc, ItemVersion, OperationId)
            VALUES (@Id, @ElectionId, @RegionCode, @AgencyCode, @StageId, @before, @Status, @Note,
                    @UpdatedBy, @UpdatedAtUtc, @Version, @operationId);
            """;

        var operationId = change.OperationId.ToString("D");
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

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

        if (!actor.CanChangeItem(before.RegionCode, before.AgencyCode))
        {
            LogRefused(actor.Name, actor.Role, "change item " + before.Id, before.RegionCode);
            throw actor.Role == Roles.Liaison && actor.CanSee(before.RegionCode)
                ? new AccessDeniedException(AccessDeniedException.NotYourAgency, $"{actor.Name} may not change {before.AgencyCode} items.")
                : actor.Role is Roles.Liaison
                    ? new AccessDeniedException(AccessDeniedException.OutOfScope, $"{before.RegionCode} is outside {actor.Name}'s scope.")
                    : new AccessDeniedException(AccessDeniedException.ReadOnly, $"{actor.Name} ({actor.Role}) does not change items.");
        }

        var changed = await connection.ExecuteAsync(new CommandDefinition(update,
            new { change.Status, change.Note, now, Actor = actor.Name, change.ItemId, change.ExpectedVersion }, transaction,
            cancellationToken: cancellationToken));
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
        };
        await connection.ExecuteAsync(new CommandDefinition(insertEvent,
            new
            {
                after.Id, after.ElectionId, after.RegionCode, after.AgencyCode, after.StageId, before = before.Status,
                after.Status, after.Note, after.UpdatedBy, after.UpdatedAtUtc, after.Version, operationId,
            },
            transaction, cancellationToken: cancellationToken));
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT Seq FROM ItemEvents WHERE OperationId = @operationId;", new { operationId }, transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new SaveResult.Saved(after, seq);
    }

    private static Task<ChecklistItem?> FindAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ChecklistItem>(new CommandDefinition(
            $"SELECT {ItemColumns} FROM ChecklistItems WHERE Id = @id;", new { id }, transaction, cancellationToken: cancellationToken));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused: {Actor} ({Role}) may not {Action} in {Region}")]
    private partial void LogRefused(string actor, string role, string action, string region);
}
