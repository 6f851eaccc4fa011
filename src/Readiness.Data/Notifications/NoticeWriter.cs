using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Notifications;

/// <summary>
/// Writes notices of the officials' own work (neutrality, Kamtibmas, incidents, requests, instructions) into the
/// inbox and the outbox, inside the caller's transaction, through the same rules as escalations: the enabled rule of
/// the notice's kind says who (its recipient role, within whose scope the region lies; for liaison officers, of the
/// notice's agency) and whether e-mail and webhooks go out. A webhook gets one post per notice, not one per recipient.
/// </summary>
public sealed class NoticeWriter(ConnectionFactory factory, TimeProvider time, IOptions<NotificationOptions> options)
{
    /// <summary>
    /// Writes <paramref name="notice"/> for each recipient that has not had its <see cref="DomainNotice.DedupKey"/>;
    /// returns the number of inbox notices written (0 when the rule is off or everyone had it). After the commit,
    /// nudge <see cref="NotificationSignal"/> so the inbox, the bell and the outbox take it at once.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown kind, a malformed region code, or a text over its length.</exception>
    public async Task<int> NotifyAsync(DbConnection connection, DbTransaction transaction, DomainNotice notice,
        CancellationToken cancellationToken = default)
    {
        if (!EscalationKinds.Domain.Contains(notice.Kind) || !RegionCode.IsValid(notice.RegionCode)
            || notice.RuleCode?.Length is 0 or > 64 || notice.Subject.Length is 0 or > 300 || notice.Link.Length > 300 || notice.DedupKey.Length is 0 or > 100)
        {
            throw new ArgumentException("A domain notice needs a known kind, a region code, a subject, a link and a key of their lengths.", nameof(notice));
        }

        var rule = await connection.QueryFirstOrDefaultAsync<NoticeRule>(new CommandDefinition(
            "SELECT Id, RecipientRole, SendEmail, SendWebhook FROM EscalationRules WHERE Kind = @Kind AND (@RuleCode IS NULL OR Code = @RuleCode) AND IsEnabled = 1 ORDER BY Id;",
            new { notice.Kind, notice.RuleCode }, transaction, cancellationToken: cancellationToken));
        if (rule is null)
        {
            return 0;
        }

        var within = $"(@region = s.RegionCode OR (@region >= {factory.Dialect.Concat("s.RegionCode", "'.'")} AND @region < {factory.Dialect.Concat("s.RegionCode", "'/'")}))";
        var recipients = (await connection.QueryAsync<int>(new CommandDefinition($"""
            SELECT u.Id FROM Users u
            WHERE u.IsDisabled = 0 AND u.Role = @role
              AND (@agency IS NULL OR u.Role <> 'penghubung' OR u.AgencyCode = @agency)
              AND (u.Role = 'admin' OR EXISTS (SELECT 1 FROM UserScopes s WHERE s.UserId = u.Id AND {within}))
              AND NOT EXISTS (SELECT 1 FROM Notifications n WHERE n.UserId = u.Id AND n.DedupKey = @key)
            ORDER BY u.Id;
            """, new { role = rule.RecipientRole, agency = notice.AgencyCode, region = notice.RegionCode, key = notice.DedupKey },
            transaction, cancellationToken: cancellationToken))).AsList();
        if (recipients.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var insert = $"""
            INSERT INTO Notifications (UserId, RuleId, Kind, RegionCode, AgencyCode, CreatedAtUtc, Subject, Link, DedupKey)
            VALUES (@userId, @ruleId, @kind, @region, @agency, @now, @subject, @link, @key);
            {factory.Dialect.SelectInsertedId}
            """;
        var deliveries = $"""
            INSERT INTO Deliveries (NotificationId, Channel, WebhookId, IdempotencyKey, Status, Attempts, NextAttemptAtUtc, CreatedAtUtc)
            SELECT n.Id, 'email', NULL, {factory.Dialect.NewOperationId}, 'pending', 0, @now, @now
            FROM Notifications n JOIN Users u ON u.Id = n.UserId
            WHERE n.Id = @id AND @sendEmail = 1 AND u.Email IS NOT NULL AND u.Email <> '';
            INSERT INTO Deliveries (NotificationId, Channel, WebhookId, IdempotencyKey, Status, Attempts, NextAttemptAtUtc, CreatedAtUtc)
            SELECT @id, 'webhook', w.Id, {factory.Dialect.NewOperationId}, 'pending', 0, @now, @now
            FROM Webhooks w
            WHERE @webhooks = 1 AND w.IsEnabled = 1;
            INSERT INTO Deliveries (NotificationId, Channel, WebhookId, IdempotencyKey, Status, Attempts, NextAttemptAtUtc, CreatedAtUtc)
            SELECT n.Id, 'push', NULL, {factory.Dialect.NewOperationId}, 'pending', 0, @now, @now
            FROM Notifications n
            WHERE n.Id = @id AND EXISTS (SELECT 1 FROM PushSubscriptions p WHERE p.UserId = n.UserId);
            """;
        var webhookSent = false;
        foreach (var userId in recipients)
        {
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(insert, new
            {
                userId, ruleId = rule.Id, kind = notice.Kind, region = notice.RegionCode, agency = notice.AgencyCode, now,
                subject = notice.Subject, link = notice.Link, key = notice.DedupKey,
            }, transaction, cancellationToken: cancellationToken));

            // A webhook receiver is a system, not a person: it hears of the change once, with the first recipient's notice.
            var webhooks = rule.SendWebhook && !webhookSent
                && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT CASE WHEN EXISTS (SELECT 1 FROM Notifications WHERE DedupKey = @key AND Id <> @id) THEN 1 ELSE 0 END;",
                    new { key = notice.DedupKey, id }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(deliveries, new
            {
                id, now, sendEmail = rule.SendEmail && options.Value.EmailEnabled, webhooks,
            }, transaction, cancellationToken: cancellationToken));
            webhookSent |= webhooks;
        }

        return recipients.Count;
    }

    private sealed class NoticeRule
    {
        public int Id { get; set; }

        public string RecipientRole { get; set; } = "";

        public bool SendEmail { get; set; }

        public bool SendWebhook { get; set; }
    }
}
