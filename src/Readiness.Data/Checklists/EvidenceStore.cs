using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Checklists;

/// <summary>
/// Photos and documents that prove checklist items, kept in the database every server shares. A liaison adds evidence
/// to their own agency's items in their scope; whoever sees the item's region reads it; an admin removes it. Adding and
/// removing are events in the item's history (same transaction), so they reach live screens like a status change.
/// Files are checked and re-encoded by <see cref="EvidenceContent"/> before anything is written.
/// </summary>
public sealed class EvidenceStore(ConnectionFactory factory, TimeProvider time, FeedSignal feed, ILogger<EvidenceStore> logger)
{
    /// <summary>The event word for a photo added.</summary>
    public const string AddedPhoto = "foto";

    /// <summary>The event word for a document added.</summary>
    public const string AddedDocument = "dokumen";

    /// <summary>The event word for evidence removed.</summary>
    public const string Removed = "hapus";

    private const string Columns = """
        e.Id AS Id, e.ItemId AS ItemId, e.ContentType AS ContentType, e.FileName AS FileName, e.SizeBytes AS SizeBytes,
        e.Sha256 AS Sha256, e.Width AS Width, e.Height AS Height, e.UploadedBy AS UploadedBy, e.UploadedAtUtc AS UploadedAtUtc
        """;

    private static readonly string InsertEvidenceEvent =
        $"INSERT INTO ItemEvents ({ItemSql.EventColumns}, Evidence) VALUES ({string.Join(", ", ItemSql.EventColumns.Split(", ").Select(c => "@" + c))}, @Evidence);";

    /// <summary>
    /// Checks <paramref name="content"/> and attaches it to item <paramref name="itemId"/>, with an event in the item's
    /// history. A replayed <paramref name="operationId"/> stores nothing and returns what the first one stored.
    /// </summary>
    /// <returns>The evidence stored; null when the item does not exist.</returns>
    /// <exception cref="InputException">The file is refused (see <see cref="EvidenceContent.Prepare"/>); nothing is stored.</exception>
    /// <exception cref="AccessDeniedException">The actor may not change this item.</exception>
    public async Task<Evidence?> AddAsync(Actor actor, long itemId, string? fileName, byte[] content, Guid operationId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var operation = operationId.ToString("D");
        var before = await FindItemAsync(itemId, cancellationToken);
        if (before is null)
        {
            return null;
        }

        // Rights before the work of decoding: a stranger's upload costs no CPU.
        actor.RequireChangeItem(before.RegionCode, before.AgencyCode, logger, $"add evidence to {before.AgencyCode} item {itemId}");
        if (await FindByOperationAsync(operation, cancellationToken) is { } replayed)
        {
            return replayed;
        }

        var prepared = EvidenceContent.Prepare(content, fileName);
        var sha = Convert.ToHexStringLower(SHA256.HashData(prepared.Content));

        const string insert = """
            INSERT INTO ItemEvidence (ItemId, OperationId, ContentType, FileName, SizeBytes, Sha256, Content, Thumbnail, Width, Height,
                                      UploadedBy, UploadedByUserId, UploadedAtUtc)
            VALUES (@itemId, @operation, @ContentType, @FileName, @size, @sha, @Content, @Thumbnail, @Width, @Height,
                    @actorName, @userId, @now);
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT Id FROM ItemEvidence WHERE OperationId = @operation;", new { operation }, transaction, cancellationToken: cancellationToken)) is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await FindByOperationAsync(operation, cancellationToken);
        }

        var item = await ReadItemAsync(connection, transaction, itemId, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(insert + "\n" + factory.Dialect.SelectInsertedId,
                new
                {
                    itemId, operation, prepared.ContentType, prepared.FileName, size = prepared.Content.Length, sha, prepared.Content,
                    prepared.Thumbnail, prepared.Width, prepared.Height, actorName = actor.Name, userId = actor.UserId, now,
                }, transaction, cancellationToken: cancellationToken));
        }
        catch (Exception ex) when (factory.Dialect.IsUniqueViolation(ex))
        {
            // The same upload from a second tab or a retry committed first: it is the one stored.
            await transaction.RollbackAsync(cancellationToken);
            return await FindByOperationAsync(operation, cancellationToken);
        }

        await AppendEventAsync(connection, transaction, item, actor, now, operationId,
            prepared.IsImage ? AddedPhoto : AddedDocument, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        feed.Nudge();
        return new Evidence
        {
            Id = id, ItemId = itemId, ContentType = prepared.ContentType, FileName = prepared.FileName, SizeBytes = prepared.Content.Length,
            Sha256 = sha, Width = prepared.Width, Height = prepared.Height, UploadedBy = actor.Name, UploadedAtUtc = now,
        };
    }

    /// <summary>The evidence of an item still in place, oldest first, if the actor sees the item's region.</summary>
    /// <exception cref="AccessDeniedException">The item is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<Evidence>> ListAsync(Actor actor, long itemId, CancellationToken cancellationToken = default)
    {
        var item = await FindItemAsync(itemId, cancellationToken);
        if (item is null)
        {
            return [];
        }

        actor.RequireSee(item.RegionCode, logger, "list the evidence of item " + itemId);
        var sql = $"SELECT {Columns} FROM ItemEvidence e WHERE e.ItemId = @itemId AND e.RemovedAtUtc IS NULL ORDER BY e.Id;";
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Evidence>(new CommandDefinition(sql, new { itemId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// The file (or its thumbnail) of one piece of evidence, if it is still in place and the actor sees its item's
    /// region. A document has no thumbnail.
    /// </summary>
    /// <returns>Null when there is no such evidence (or no thumbnail), or it was removed.</returns>
    /// <exception cref="AccessDeniedException">The item is outside the actor's scope.</exception>
    public async Task<EvidenceFile?> ReadAsync(Actor actor, long evidenceId, bool thumbnail, CancellationToken cancellationToken = default)
    {
        var column = thumbnail ? "e.Thumbnail" : "e.Content";
        var sql = $"""
            SELECT i.RegionCode, e.ContentType, e.FileName, e.Sha256, {column} AS Content
            FROM ItemEvidence e JOIN ChecklistItems i ON i.Id = e.ItemId
            WHERE e.Id = @evidenceId AND e.RemovedAtUtc IS NULL;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FileRow>(new CommandDefinition(sql, new { evidenceId }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        actor.RequireSee(row.RegionCode, logger, "read evidence " + evidenceId);
        return row.Content is null ? null
            : new EvidenceFile(thumbnail ? EvidenceContent.Jpeg : row.ContentType, row.FileName, row.Content, row.Sha256);
    }

    /// <summary>
    /// Removes one piece of evidence (an admin's act): it is no longer listed or served, the row keeps who and when, and
    /// the item's history gets an event.
    /// </summary>
    /// <returns>False when there is no such evidence or it was removed already.</returns>
    /// <exception cref="AccessDeniedException">The actor is not an enabled admin.</exception>
    public async Task<bool> RemoveAsync(Actor actor, long evidenceId, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "remove evidence " + evidenceId, cancellationToken);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var itemId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT ItemId FROM ItemEvidence WHERE Id = @evidenceId AND RemovedAtUtc IS NULL;", new { evidenceId }, transaction,
            cancellationToken: cancellationToken));
        if (itemId is null)
        {
            return false;
        }

        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ItemEvidence SET RemovedAtUtc = @now, RemovedBy = @actorName WHERE Id = @evidenceId AND RemovedAtUtc IS NULL;",
            new { now, actorName = actor.Name, evidenceId }, transaction, cancellationToken: cancellationToken));
        var item = await ReadItemAsync(connection, transaction, itemId.Value, cancellationToken);
        if (changed == 0 || item is null)
        {
            return false;
        }

        await AppendEventAsync(connection, transaction, item, actor, now, Guid.NewGuid(), Removed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        feed.Nudge();
        return true;
    }

    /// <summary>How many pieces of evidence each of these items has in place (items with none are left out).</summary>
    /// <remarks>The caller shows only items it may see; a count tells nothing of the files themselves.</remarks>
    public async Task<IReadOnlyDictionary<long, int>> CountsAsync(IReadOnlyCollection<long> itemIds, CancellationToken cancellationToken = default)
    {
        if (itemIds.Count == 0)
        {
            return new Dictionary<long, int>();
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        var counts = new Dictionary<long, int>();
        // In chunks: SQL Server takes at most 2,100 parameters in one statement.
        foreach (var chunk in itemIds.Distinct().Chunk(500))
        {
            var rows = await connection.QueryAsync<(long ItemId, int Count)>(new CommandDefinition(
                "SELECT ItemId, COUNT(*) FROM ItemEvidence WHERE ItemId IN @chunk AND RemovedAtUtc IS NULL GROUP BY ItemId;",
                new { chunk }, cancellationToken: cancellationToken));
            foreach (var (id, count) in rows)
            {
                counts[id] = count;
            }
        }

        return counts;
    }

    /// <summary>How many pieces of evidence the items of a region and everything under it hold, for one election.</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<int> CountUnderAsync(Actor actor, int electionId, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "count the evidence under " + regionCode);
        const string sql = """
            SELECT COUNT(*) FROM ItemEvidence e JOIN ChecklistItems i ON i.Id = e.ItemId
            WHERE i.ElectionId = @electionId AND i.RegionCode >= @regionCode AND i.RegionCode < @descendantsEnd AND e.RemovedAtUtc IS NULL;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql,
            new { electionId, regionCode, descendantsEnd = RegionCode.DescendantsTo(regionCode) }, cancellationToken: cancellationToken));
    }

    private async Task<ChecklistItem?> FindItemAsync(long itemId, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await ReadItemAsync(connection, null, itemId, cancellationToken);
    }

    private static async Task<ChecklistItem?> ReadItemAsync(DbConnection connection, DbTransaction? transaction, long itemId,
        CancellationToken cancellationToken)
    {
        var item = await connection.QuerySingleOrDefaultAsync<ChecklistItem>(new CommandDefinition(
            $"SELECT {ItemSql.Select("i")} FROM ChecklistItems i WHERE i.Id = @itemId;", new { itemId }, transaction,
            cancellationToken: cancellationToken));
        return item is null ? null : ItemSql.Checked(item);
    }

    private async Task<Evidence?> FindByOperationAsync(string operation, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Evidence>(new CommandDefinition(
            $"SELECT {Columns} FROM ItemEvidence e WHERE e.OperationId = @operation;", new { operation }, cancellationToken: cancellationToken));
    }

    // The item itself is unchanged (status, note and version stay), so a status tap made meanwhile is no conflict; the
    // event carries the item as it stands and the word that says what happened to its evidence.
    private static async Task AppendEventAsync(DbConnection connection, DbTransaction transaction, ChecklistItem item, Actor actor,
        DateTime now, Guid operationId, string evidence, CancellationToken cancellationToken)
    {
        var row = ItemEventRow.Of(item with { UpdatedBy = actor.Name, UpdatedAtUtc = now }, item.Status, operationId, item.Done);
        var parameters = new DynamicParameters(row);
        parameters.Add("Evidence", evidence);
        await connection.ExecuteAsync(new CommandDefinition(InsertEvidenceEvent, parameters, transaction, cancellationToken: cancellationToken));
    }

    private sealed class FileRow
    {
        public string RegionCode { get; set; } = "";

        public string ContentType { get; set; } = "";

        public string FileName { get; set; } = "";

        public string Sha256 { get; set; } = "";

        public byte[]? Content { get; set; }
    }
}
