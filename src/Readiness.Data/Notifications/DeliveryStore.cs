using Microsoft.Extensions.Logging;
using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Sql;

namespace Readiness.Data.Notifications;

/// <summary>
/// The outbox of e-mails, webhook posts and Web Push messages. A server leases a batch of due rows, sends them, and marks each sent or
/// failed; a row whose server died keeps its idempotency key and is leased again when the lease runs out, so a
/// delivery is made at least once and always under the same key. After the last try a row is a dead letter.
/// </summary>
public sealed class DeliveryStore(ConnectionFactory factory, TimeProvider time, NotificationSignal signal, ILogger<DeliveryStore> logger)
{
    /// <summary>
    /// Leases up to <paramref name="take"/> due rows for <paramref name="lease"/> to <paramref name="owner"/> and
    /// returns them with what sending needs. Two statements: the claim and the read.
    /// </summary>
    public Task<IReadOnlyList<DeliveryWork>> ClaimAsync(string owner, int take, TimeSpan lease, CancellationToken cancellationToken = default) =>
        ClaimAsync(owner, take, lease, [], skipEmail: false, cancellationToken);

    /// <summary>
    /// As <see cref="ClaimAsync(string, int, TimeSpan, CancellationToken)"/>, leaving the rows of receivers this
    /// server is still busy with where they are: the webhooks <paramref name="skipWebhookIds"/>, and e-mail when
    /// <paramref name="skipEmail"/>. A receiver that does not answer then holds only its own rows, never a claim
    /// other receivers wait in. <paramref name="skipPush"/> leaves the Web Push rows likewise.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryWork>> ClaimAsync(string owner, int take, TimeSpan lease, IReadOnlyCollection<int> skipWebhookIds, bool skipEmail,
        CancellationToken cancellationToken = default, bool skipPush = false)
    {
        var now = Now();
        var where = "Status = 'pending' AND NextAttemptAtUtc <= @now AND (LeaseUntilUtc IS NULL OR LeaseUntilUtc <= @now)"
                    + (skipWebhookIds.Count > 0 ? " AND (WebhookId IS NULL OR WebhookId NOT IN @skipWebhookIds)" : "")
                    + (skipEmail ? " AND Channel <> 'email'" : "")
                    + (skipPush ? " AND Channel <> 'push'" : "");
        var claim = factory.Dialect.ClaimRows("Deliveries", "LeaseOwner = @owner, LeaseUntilUtc = @until", where, Math.Clamp(take, 1, 1000));
        await using var connection = await factory.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(claim, new { owner, until = now + lease, now, skipWebhookIds },
            cancellationToken: cancellationToken))).AsList();
        if (ids.Count == 0)
        {
            return [];
        }

        var read = $"""
            SELECT d.Id AS DeliveryId, d.Channel, d.IdempotencyKey, d.Attempts, d.WebhookId, w.Url AS WebhookUrl, w.Secret AS WebhookSecret,
                   u.Email, u.UserName, u.DisplayName, u.Id AS UserId,
                   {NotificationStore.InboxColumns}
            FROM Deliveries d
            JOIN Notifications n ON n.Id = d.NotificationId
            JOIN Users u ON u.Id = n.UserId
            LEFT JOIN Webhooks w ON w.Id = d.WebhookId
            {NotificationStore.InboxJoins}
            WHERE d.Id IN @ids AND d.LeaseOwner = @owner
            ORDER BY d.Id;
            """;
        var work = (await connection.QueryAsync<DeliveryWork, InboxNotification, DeliveryWork>(new CommandDefinition(read, new { ids, owner },
            cancellationToken: cancellationToken), (work, notification) =>
            {
                work.Notification = notification;
                return work;
            }, splitOn: "Id")).AsList();
        await NotificationStore.FillGroupsAsync(connection, factory.Dialect, [.. work.Select(w => w.Notification)],
            NotificationStore.ItemsShownPerGroup, cancellationToken);
        return work;
    }

    /// <summary>The receiver took it (2xx, or the mail server accepted it): it is never sent again.</summary>
    public async Task MarkSentAsync(long deliveryId, int tries, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE Deliveries SET Status = 'sent', SentAtUtc = @now, LastAttemptAtUtc = @now, Attempts = Attempts + @tries,
                                  LeaseOwner = NULL, LeaseUntilUtc = NULL
            WHERE Id = @deliveryId AND Status = 'pending';
            """, new { now = Now(), tries, deliveryId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Every try of this claim failed: the row waits for <paramref name="retryAfter"/>, or becomes a dead letter when
    /// it has had <paramref name="maxAttempts"/> tries or the failure is <paramref name="permanent"/>. Returns true
    /// when it became a dead letter. <paramref name="errorKind"/> is one of <see cref="DeliveryErrorKinds"/>, for
    /// the admin screens to say in words what happened; <paramref name="error"/> keeps the raw detail.
    /// </summary>
    public async Task<bool> MarkFailedAsync(long deliveryId, int tries, string error, TimeSpan retryAfter, int maxAttempts, bool permanent,
        CancellationToken cancellationToken = default, string? errorKind = null)
    {
        var now = Now();
        await using var connection = await factory.OpenAsync(cancellationToken);
        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("""
            UPDATE Deliveries SET Attempts = Attempts + @tries, LastError = @error, LastErrorKind = @errorKind, LastAttemptAtUtc = @now,
                                  NextAttemptAtUtc = @next, LeaseOwner = NULL, LeaseUntilUtc = NULL,
                                  Status = CASE WHEN @permanent = 1 OR Attempts + @tries >= @maxAttempts THEN 'dead' ELSE 'pending' END
            WHERE Id = @deliveryId AND Status = 'pending';
            SELECT Status FROM Deliveries WHERE Id = @deliveryId;
            """, new { tries, error = error.Length > 1000 ? error[..1000] : error, errorKind = errorKind ?? DeliveryErrorKinds.Other, now, next = now + retryAfter, permanent, maxAttempts, deliveryId },
            cancellationToken: cancellationToken));
        return status == "dead";
    }

    /// <summary>Dead letters, newest first. Admins only.</summary>
    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(Actor actor, int take = 200, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "list dead letters", cancellationToken);
        var sql = $"""
            SELECT d.Id, d.Channel, COALESCE(w.Name, CASE WHEN d.Channel = 'push' THEN u.UserName END, u.Email, '') AS Target, d.IdempotencyKey, d.Attempts,
                   d.LastError, d.LastErrorKind, d.LastAttemptAtUtc, n.Kind, i.Title AS ItemTitle, u.UserName
            FROM Deliveries d
            JOIN Notifications n ON n.Id = d.NotificationId
            JOIN Users u ON u.Id = n.UserId
            LEFT JOIN Webhooks w ON w.Id = d.WebhookId
            LEFT JOIN ChecklistItems i ON i.Id = n.ItemId
            WHERE d.Status = 'dead'
            ORDER BY d.LastAttemptAtUtc DESC, d.Id DESC
            {factory.Dialect.Top(Math.Clamp(take, 1, 1000))};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeadLetter>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Gives claimed rows back untried (no attempt counted), to be claimed again from <paramref name="retryAfter"/>
    /// on: what a server still held for a receiver that stopped answering, or whose lease is running out.
    /// </summary>
    public async Task ReleaseAsync(string owner, IReadOnlyCollection<long> deliveryIds, TimeSpan retryAfter, CancellationToken cancellationToken = default)
    {
        if (deliveryIds.Count == 0)
        {
            return;
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE Deliveries SET LeaseOwner = NULL, LeaseUntilUtc = NULL, NextAttemptAtUtc = @next
            WHERE Id IN @deliveryIds AND LeaseOwner = @owner AND Status = 'pending';
            """, new { next = Now() + retryAfter, deliveryIds, owner }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Why e-mail is failing: the last e-mail try, when it failed (null when the last one was accepted or there was
    /// none). Admins only.
    /// </summary>
    public async Task<DeadLetter?> LastMailFailureAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "read the last mail failure", cancellationToken);
        var sql = $"""
            SELECT d.Id, d.Channel, COALESCE(u.Email, '') AS Target, d.IdempotencyKey, d.Attempts, d.LastError, d.LastErrorKind, d.LastAttemptAtUtc,
                   n.Kind, u.UserName
            FROM Deliveries d
            JOIN Notifications n ON n.Id = d.NotificationId
            JOIN Users u ON u.Id = n.UserId
            WHERE d.Status <> 'sent' AND d.LastError IS NOT NULL AND d.Id = (
                SELECT Id FROM Deliveries WHERE Channel = 'email' AND LastAttemptAtUtc IS NOT NULL
                ORDER BY LastAttemptAtUtc DESC, Id DESC {factory.Dialect.Top(1)});
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<DeadLetter>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    /// <summary>Puts a dead letter back in the outbox with fresh tries (same idempotency key). Admins only.</summary>
    public async Task<bool> RequeueAsync(Actor actor, long deliveryId, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "requeue a delivery", cancellationToken);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE Deliveries SET Status = 'pending', Attempts = 0, NextAttemptAtUtc = @now, LeaseOwner = NULL, LeaseUntilUtc = NULL
            WHERE Id = @deliveryId AND Status = 'dead';
            """, new { now = Now(), deliveryId }, cancellationToken: cancellationToken)) == 1;
        if (changed)
        {
            signal.Nudge();
        }

        return changed;
    }

    /// <summary>Rows by status. Admins only.</summary>
    public async Task<OutboxCounts> CountsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "count the outbox", cancellationToken);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Status, int Count)>(new CommandDefinition(
            "SELECT Status, COUNT(*) FROM Deliveries GROUP BY Status;", cancellationToken: cancellationToken))).ToDictionary(r => r.Status, r => r.Count);
        return new OutboxCounts(rows.GetValueOrDefault("pending"), rows.GetValueOrDefault("sent"), rows.GetValueOrDefault("dead"));
    }

    private DateTime Now()
    {
        var ticks = time.GetUtcNow().UtcDateTime.Ticks;
        return new DateTime(ticks - ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}
