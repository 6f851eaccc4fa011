using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Notifications;

/// <summary>
/// A person's inbox (read, unread count, mark as read), the "escalated" markers of items, and the e-mail addresses
/// notifications go to. Only the owner of a notification reads or marks it.
/// </summary>
public sealed class NotificationStore(ConnectionFactory factory, TimeProvider time, NotificationFeed feed, ILogger<NotificationStore> logger)
{
    internal const string InboxColumns = """
        n.Id, n.RuleId, n.Kind, n.ItemId, n.ItemCount, i.Title AS ItemTitle, i.Status AS ItemStatus, i.Note AS ItemNote,
        CASE WHEN i.Note IS NULL THEN NULL ELSE i.UpdatedBy END AS ItemNoteBy, i.DueDate, n.RegionCode, r.Name AS RegionName,
        COALESCE(r.TimeZone, n.DigestZone) AS TimeZone, n.AgencyCode, n.Details, n.CreatedAtUtc, n.ReadAtUtc, n.Subject, n.Link
        """;

    internal const string InboxJoins = """
        LEFT JOIN ChecklistItems i ON i.Id = n.ItemId
        LEFT JOIN Regions r ON r.Code = n.RegionCode
        """;

    /// <summary>
    /// The actor's notifications about regions they may see now, newest first (at most <paramref name="take"/>, 1-500).
    /// A notice about a region that has left the actor's scope since it was sent is neither listed nor counted.
    /// </summary>
    /// <exception cref="AccessDeniedException">The actor is not a signed-in user (a screen token has no inbox).</exception>
    public async Task<IReadOnlyList<InboxNotification>> InboxAsync(Actor actor, int take = 100, bool unreadOnly = false,
        CancellationToken cancellationToken = default)
    {
        var parameters = Owned(actor, out var visible);
        var sql = $"""
            SELECT {InboxColumns}
            FROM Notifications n
            {InboxJoins}
            WHERE n.UserId = @userId AND {visible} {(unreadOnly ? "AND n.ReadAtUtc IS NULL" : "")}
            ORDER BY n.Id DESC
            {factory.Dialect.Top(Math.Clamp(take, 1, 500))};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var list = (await connection.QueryAsync<InboxNotification>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
        await FillGroupsAsync(connection, factory.Dialect, list, ItemsShownPerGroup, cancellationToken);
        return list;
    }

    /// <summary>How many of a grouped notice's items the inbox and the messages list (the count says how many in all).</summary>
    public const int ItemsShownPerGroup = 50;

    /// <summary>
    /// Fills <see cref="InboxNotification.Items"/> of the grouped notices among <paramref name="notifications"/> (at
    /// most <paramref name="take"/> each, by region and title) in one query: the notice's rule's escalations of its
    /// run in its region (exactly the region for a province, the region and what lies under it otherwise).
    /// </summary>
    internal static async Task FillGroupsAsync(DbConnection connection, SqlDialect dialect, IReadOnlyList<InboxNotification> notifications,
        int take, CancellationToken cancellationToken)
    {
        var groups = notifications.Where(n => n.IsGroup).GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.ToList());
        if (groups.Count == 0)
        {
            return;
        }

        var sql = $"""
            SELECT n.Id AS NotificationId, i.Id AS ItemId, i.Title, i.Status, i.RegionCode, r.Name AS RegionName, i.AgencyCode, i.DueDate
            FROM Notifications n
            JOIN Escalations e ON e.RuleId = n.RuleId AND e.EscalatedAtUtc = n.CreatedAtUtc
                 AND (e.RegionCode = n.RegionCode
                      OR (n.RegionCode LIKE '%.%' AND e.RegionCode >= n.RegionCode AND e.RegionCode < {dialect.Concat("n.RegionCode", "'/'")}))
            JOIN ChecklistItems i ON i.Id = e.ItemId
            JOIN Regions r ON r.Code = i.RegionCode
            WHERE n.Id IN @ids
            ORDER BY n.Id, i.RegionCode, i.Title, i.Id;
            """;
        var items = new Dictionary<long, List<GroupedItem>>();
        // In chunks: SQL Server takes at most 2,100 parameters in one command.
        foreach (var ids in groups.Keys.Chunk(500))
        {
            foreach (var item in await connection.QueryAsync<GroupedItem>(new CommandDefinition(sql, new { ids }, cancellationToken: cancellationToken)))
            {
                var list = items.TryGetValue(item.NotificationId, out var l) ? l : items[item.NotificationId] = [];
                if (list.Count < take)
                {
                    list.Add(item);
                }
            }
        }

        foreach (var (id, list) in items)
        {
            foreach (var notification in groups[id])
            {
                notification.Items = list;
            }
        }
    }

    /// <summary>One of the actor's notifications (a group with all its items), or null when it is not theirs, does not exist, or is about a region they may no longer see.</summary>
    public async Task<InboxNotification?> FindAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        var parameters = Owned(actor, out var visible);
        parameters.Add("id", id);
        var sql = $"""
            SELECT {InboxColumns}
            FROM Notifications n
            {InboxJoins}
            WHERE n.Id = @id AND n.UserId = @userId AND {visible};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var found = await connection.QuerySingleOrDefaultAsync<InboxNotification>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        if (found is not null)
        {
            await FillGroupsAsync(connection, factory.Dialect, [found], int.MaxValue, cancellationToken);
        }

        return found;
    }

    /// <summary>How many of the actor's notifications about regions they may see now are unread (0 for a screen token).</summary>
    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.UserId is not > 0)
        {
            return 0;
        }

        var parameters = Owned(actor, out var visible);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM Notifications n WHERE n.UserId = @userId AND n.ReadAtUtc IS NULL AND {visible};", parameters,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The actor's inbox as its rows: their notices about regions they may see now, gathered per rule, region and
    /// local day (the region's own zone, <see cref="RegionCalendar.LocalDateSql"/>), groups with something unread
    /// first, then the newest (at most <paramref name="take"/>, 1-500). One query, grouped in the database.
    /// </summary>
    /// <exception cref="AccessDeniedException">The actor is not a signed-in user (a screen token has no inbox).</exception>
    public async Task<IReadOnlyList<InboxGroup>> InboxGroupsAsync(Actor actor, int take = 200, CancellationToken cancellationToken = default)
    {
        var parameters = Owned(actor, out var visible);
        var sql = $"""
            SELECT g.RuleId, ru.Name AS RuleName, ru.Kind, g.RegionCode, rg.Name AS RegionName, g.TimeZone, g.LocalDate AS Date,
                   g.Notices AS Count, g.Unread, g.LatestAtUtc
            FROM ({GroupedSelect} WHERE n.UserId = @userId AND {visible} {GroupedBy}) g
            JOIN EscalationRules ru ON ru.Id = g.RuleId
            LEFT JOIN Regions rg ON rg.Code = g.RegionCode
            ORDER BY CASE WHEN g.Unread > 0 THEN 0 ELSE 1 END, g.LatestAtUtc DESC, g.RuleId, g.RegionCode
            {factory.Dialect.Top(Math.Clamp(take, 1, 500))};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<InboxGroup>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// The notices of one row of the actor's inbox (<see cref="InboxGroupsAsync"/>), newest first, grouped notices
    /// with their items; empty when the row holds nothing the actor may see.
    /// </summary>
    /// <exception cref="AccessDeniedException">The actor is not a signed-in user.</exception>
    public async Task<IReadOnlyList<InboxNotification>> GroupAsync(Actor actor, InboxGroupKey key, int take = 200,
        CancellationToken cancellationToken = default)
    {
        var parameters = Owned(actor, out var visible);
        var inGroup = InGroup(key, parameters);
        var sql = $"""
            SELECT {InboxColumns}
            FROM Notifications n
            {InboxJoins}
            WHERE n.UserId = @userId AND {visible} AND {inGroup}
            ORDER BY n.Id DESC
            {factory.Dialect.Top(Math.Clamp(take, 1, 500))};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var list = (await connection.QueryAsync<InboxNotification>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
        await FillGroupsAsync(connection, factory.Dialect, list, ItemsShownPerGroup, cancellationToken);
        return list;
    }

    /// <summary>
    /// How many rows of the actor's inbox hold something unread (what the bell shows): a rule's notices about a
    /// region on one local day count once, however many they are. 0 for a screen token.
    /// </summary>
    public async Task<int> UnreadGroupCountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.UserId is not > 0)
        {
            return 0;
        }

        var parameters = Owned(actor, out var visible);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM ({GroupedSelect} WHERE n.UserId = @userId AND n.ReadAtUtc IS NULL AND {visible} {GroupedBy}) g;", parameters,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Marks the unread notices of one row of the actor's inbox read (only their own, about regions they may see
    /// now); returns how many changed.
    /// </summary>
    /// <exception cref="AccessDeniedException">The actor is not a signed-in user.</exception>
    public async Task<int> MarkGroupReadAsync(Actor actor, InboxGroupKey key, CancellationToken cancellationToken = default)
    {
        var parameters = Owned(actor, out var visible);
        var inGroup = InGroup(key, parameters);
        parameters.Add("now", time.GetUtcNow().UtcDateTime);
        var sql = $"""
            UPDATE Notifications SET ReadAtUtc = @now
            WHERE UserId = @userId AND ReadAtUtc IS NULL AND Id IN (
                SELECT n.Id FROM Notifications n
                LEFT JOIN Regions r ON r.Code = n.RegionCode
                WHERE n.UserId = @userId AND n.ReadAtUtc IS NULL AND {visible} AND {inGroup});
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        if (changed > 0)
        {
            feed.PublishRead(parameters.Get<int>("userId"));
        }

        return changed;
    }

    // The inbox's rows: a rule's notices about one region on one day of that region (a digest's zone for digests).
    private string LocalDay => RegionCalendar.LocalDateSql(factory.Dialect, "n.CreatedAtUtc", "COALESCE(r.TimeZone, n.DigestZone)");

    private string GroupedSelect => $"""
        SELECT n.RuleId, n.RegionCode, COALESCE(r.TimeZone, n.DigestZone) AS TimeZone, {LocalDay} AS LocalDate,
               COUNT(*) AS Notices, SUM(CASE WHEN n.ReadAtUtc IS NULL THEN 1 ELSE 0 END) AS Unread, MAX(n.CreatedAtUtc) AS LatestAtUtc
        FROM Notifications n
        LEFT JOIN Regions r ON r.Code = n.RegionCode
        """;

    private string GroupedBy => $"GROUP BY n.RuleId, n.RegionCode, COALESCE(r.TimeZone, n.DigestZone), {LocalDay}";

    private string InGroup(InboxGroupKey key, DynamicParameters parameters)
    {
        parameters.Add("groupRule", key.RuleId);
        parameters.Add("groupRegion", key.RegionCode);
        parameters.Add("groupDate", key.Date);
        var region = key.RegionCode is null ? "n.RegionCode IS NULL" : "n.RegionCode = @groupRegion";
        return $"(n.RuleId = @groupRule AND {region} AND {LocalDay} = @groupDate)";
    }

    /// <summary>Marks one of the actor's notifications read; false when it is not theirs or was read already.</summary>
    public async Task<bool> MarkReadAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        var userId = RequireUser(actor);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE Notifications SET ReadAtUtc = @now WHERE Id = @id AND UserId = @userId AND ReadAtUtc IS NULL;",
            new { now = time.GetUtcNow().UtcDateTime, id, userId }, cancellationToken: cancellationToken)) == 1;
        if (changed)
        {
            feed.PublishRead(userId);
        }

        return changed;
    }

    /// <summary>Marks all of the actor's notifications read; returns how many changed.</summary>
    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = RequireUser(actor);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE Notifications SET ReadAtUtc = @now WHERE UserId = @userId AND ReadAtUtc IS NULL;",
            new { now = time.GetUtcNow().UtcDateTime, userId }, cancellationToken: cancellationToken));
        if (changed > 0)
        {
            feed.PublishRead(userId);
        }

        return changed;
    }

    /// <summary>
    /// Which of <paramref name="itemIds"/> are escalated and unchanged since (the escalation names the item's
    /// current version), for the items the actor may see. One query.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, ItemEscalation>> EscalatedAsync(Actor actor, IReadOnlyCollection<long> itemIds,
        CancellationToken cancellationToken = default)
    {
        if (itemIds.Count == 0)
        {
            return new Dictionary<long, ItemEscalation>();
        }

        var result = new Dictionary<long, ItemEscalation>();
        await using var connection = await factory.OpenAsync(cancellationToken);
        // In chunks: SQL Server takes at most 2,100 parameters in one command.
        foreach (var chunk in itemIds.Distinct().Chunk(1000))
        {
            var sql = $"""
                SELECT e.ItemId, e.RegionCode, e.AgencyCode, e.ItemVersion, r.Kind, e.EscalatedAtUtc
                {CurrentEscalations}
                WHERE e.ItemId IN @chunk
                ORDER BY e.EscalatedAtUtc;
                """;
            foreach (var row in await connection.QueryAsync<ItemEscalation>(new CommandDefinition(sql, new { chunk }, cancellationToken: cancellationToken)))
            {
                if (actor.CanSee(row.RegionCode))
                {
                    result[row.ItemId] = row;
                }
            }
        }

        return result;
    }

    /// <summary>Items escalated and unchanged since, under a region (for a wall or a region page), oldest escalation first.</summary>
    /// <exception cref="InputException">The region code is not a Kemendagri code.</exception>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<ItemEscalation>> EscalatedUnderAsync(Actor actor, string regionCode, int take = 200,
        CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        if (!actor.CanSee(regionCode))
        {
            throw new AccessDeniedException(AccessDeniedException.OutOfScope, $"{regionCode} is outside {actor.Name}'s scope.");
        }

        var sql = $"""
            SELECT e.ItemId, e.RegionCode, e.AgencyCode, e.ItemVersion, r.Kind, e.EscalatedAtUtc
            {CurrentEscalations}
            WHERE e.RegionCode >= @regionCode AND e.RegionCode < @descendantsEnd
            ORDER BY e.EscalatedAtUtc, e.ItemId
            {factory.Dialect.Top(Math.Clamp(take, 1, 1000))};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ItemEscalation>(new CommandDefinition(sql,
            new { regionCode, descendantsEnd = RegionCode.DescendantsTo(regionCode) }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Users of the roles the rules notify, with their e-mail addresses. Admins only.</summary>
    public async Task<IReadOnlyList<NotificationRecipient>> RecipientsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "list notification recipients", cancellationToken);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<NotificationRecipient>(new CommandDefinition("""
            SELECT Id AS UserId, UserName, DisplayName, Role, Email FROM Users
            WHERE IsDisabled = 0 AND Role IN (SELECT RecipientRole FROM EscalationRules)
            ORDER BY UserName;
            """, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Sets (or clears, with null or blank) a user's e-mail address. Admins only.</summary>
    /// <exception cref="InputException">Not a plausible address (<see cref="NotificationInput.EmailInvalid"/>).</exception>
    public async Task SetEmailAsync(Actor actor, int userId, string? email, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "set a user's e-mail address", cancellationToken);
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (email is not null && (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            throw new InputException(NotificationInput.EmailInvalid, email);
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE Users SET Email = @email WHERE Id = @userId;", new { email, userId },
            cancellationToken: cancellationToken));
    }

    // An escalation marks its item while the item is still at the version it was escalated at.
    private const string CurrentEscalations = """
        FROM Escalations e
        JOIN ChecklistItems i ON i.Id = e.ItemId AND i.Version = e.ItemVersion
        JOIN EscalationRules r ON r.Id = e.RuleId
        """;

    /// <summary>
    /// The owner's id as <c>@userId</c>, and in <paramref name="visible"/> the rule "a digest (no region), or a region
    /// the actor may see now" over <c>n.RegionCode</c>: the same rule as <see cref="Actor.CanSee"/>, in SQL.
    /// </summary>
    private static DynamicParameters Owned(Actor actor, out string visible)
    {
        var parameters = new DynamicParameters();
        parameters.Add("userId", RequireUser(actor));
        visible = actor.IsAdmin
            ? "1 = 1"
            : $"(n.RegionCode IS NULL OR {ChecklistStore.ScopeFilter("n.RegionCode", actor.Scopes, parameters)})";
        return parameters;
    }

    internal static int RequireUser(Actor actor) => actor.UserId is { } id && id > 0
        ? id
        : throw new AccessDeniedException(AccessDeniedException.ReadOnly, $"{actor.Name} has no inbox.");
}
