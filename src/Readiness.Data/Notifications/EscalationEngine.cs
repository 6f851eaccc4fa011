using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Notifications;

/// <summary>
/// Evaluates every escalation rule once. Every server runs it, and each notice is still created once: a server runs
/// a rule only while it holds the lease on the rule's row, and every insert skips what already exists. A rule over
/// items runs one regency per transaction (its escalations, inbox notifications and outbox rows together, after
/// renewing the lease), so no save waits behind a national run for longer than one regency's statements. A server
/// that dies mid-run leaves whole regencies done and the rest untouched; its lease runs out and the next run (on any
/// server) does the rest. Each batch is a few set-based statements, never a loop over items.
/// </summary>
public sealed partial class EscalationEngine(
    ConnectionFactory factory,
    TimeProvider time,
    NotificationSignal signal,
    IOptions<NotificationOptions> options,
    ILogger<EscalationEngine> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Hours after the digest's local hour during which a digest not yet sent is still sent.</summary>
    public const int DigestWindowHours = 6;

    /// <summary>This engine's name in the leases it takes: unique per process and engine.</summary>
    public string Owner { get; } = LeaseOwner.New();

    /// <summary>Runs each enabled rule whose lease is free; returns what was created and the round trips taken.</summary>
    public async Task<EscalationRunResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        // Timestamps are stored to the millisecond: the run's instant is cut to it, so "created by this run" matches.
        var nowTicks = time.GetUtcNow().UtcDateTime.Ticks;
        var now = new DateTime(nowTicks - nowTicks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var queries = 0;
        int run = 0, skipped = 0, escalated = 0, notified = 0, queued = 0;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rules = (await connection.QueryAsync<EscalationRule>(new CommandDefinition(
            "SELECT Id, Code, Kind, Name, IsEnabled, AfterHours, Criticality, LocalHour, RecipientRole, SendEmail, SendWebhook, Version, UpdatedAtUtc, UpdatedBy, LastRunAtUtc FROM EscalationRules WHERE Kind IN @kinds ORDER BY Id;",
            new { kinds = EscalationKinds.ItemKinds }, cancellationToken: cancellationToken))).AsList();
        queries++;
        foreach (var rule in rules)
        {
            if (!rule.IsEnabled || !await ClaimAsync(connection, rule, now, cancellationToken))
            {
                queries += rule.IsEnabled ? 1 : 0;
                skipped++;
                continue;
            }

            queries++;
            var counts = await RunRuleAsync(connection, rule, now, cancellationToken);
            queries += counts.Queries;

            // What a batch committed stays committed, also when a later batch found the lease taken over.
            escalated += counts.Escalated;
            notified += counts.Notifications;
            queued += counts.Deliveries;
            if (counts.Completed)
            {
                run++;
            }
            else
            {
                skipped++;
            }
        }

        if (notified > 0 || queued > 0)
        {
            signal.Nudge();
        }

        if (notified > 0)
        {
            LogRun(run, escalated, notified, queued);
        }

        return new EscalationRunResult(run, skipped, escalated, notified, queued, queries);
    }

    private async Task<bool> ClaimAsync(DbConnection connection, EscalationRule rule, DateTime now, CancellationToken cancellationToken)
    {
        const string claim = """
            UPDATE EscalationRules SET LeaseOwner = @owner, LeaseUntilUtc = @until
            WHERE Id = @id AND IsEnabled = 1 AND (LeaseUntilUtc IS NULL OR LeaseUntilUtc <= @now);
            """;
        return await connection.ExecuteAsync(new CommandDefinition(claim,
            new { owner = Owner, until = now + options.Value.LeaseDuration, id = rule.Id, now }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// A rule's run in short batches: one regency's items (with their notices and deliveries) per transaction, so a
    /// liaison's save never waits behind a whole national run. Each batch first renews the lease and stops the run
    /// when another server has taken the rule over; every insert skips what already exists, so a run cut off between
    /// batches leaves only whole regencies behind, and the next run does the rest.
    /// </summary>
    private async Task<RuleCounts> RunRuleAsync(DbConnection connection, EscalationRule rule, DateTime now, CancellationToken cancellationToken)
    {
        var total = new RuleCounts(0, 0, 0, 0, false);
        if (rule.Kind == EscalationKinds.Digest)
        {
            // The figures are read before the write transaction: only the inserts hold the writer.
            var (digests, reads) = await ReadDigestsAsync(connection, rule, now, cancellationToken);
            total = total with { Queries = reads };
            var (held, digest) = await InBatchAsync(connection, rule, (transaction, ct) => WriteDigestsAsync(connection, transaction, rule, now, digests, ct),
                cancellationToken);
            total = Add(total, digest);
            if (!held)
            {
                return total;
            }
        }
        else
        {
            var candidates = ItemCandidates(rule, now);
            var codes = (await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT DISTINCT i.RegionCode {candidates.From};", candidates.Args, commandTimeout: 300, cancellationToken: cancellationToken))).AsList();
            total = total with { Queries = total.Queries + 1 };
            foreach (var batch in codes.GroupBy(RegencyOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var regionCodes = batch.ToList();
                var (held, counts) = await InBatchAsync(connection, rule,
                    (transaction, ct) => RunItemBatchAsync(connection, transaction, rule, now, candidates, batch.Key, regionCodes, ct), cancellationToken);
                total = Add(total, counts);
                if (!held)
                {
                    return total;
                }
            }
        }

        const string release = """
            UPDATE EscalationRules SET LeaseOwner = NULL, LeaseUntilUtc = NULL, LastRunAtUtc = @now
            WHERE Id = @id AND LeaseOwner = @owner;
            """;
        var released = await connection.ExecuteAsync(new CommandDefinition(release, new { now, id = rule.Id, owner = Owner },
            cancellationToken: cancellationToken)) == 1;
        if (!released)
        {
            LogLeaseLost(rule.Code);
        }

        return total with { Queries = total.Queries + 1, Completed = released };
    }

    private static RuleCounts Add(RuleCounts total, RuleCounts batch) => new(total.Escalated + batch.Escalated,
        total.Notifications + batch.Notifications, total.Deliveries + batch.Deliveries, total.Queries + batch.Queries, false);

    /// <summary>The regency a region code lies in (itself for a province or a regency): the unit of one batch.</summary>
    private static string RegencyOf(string regionCode) => regionCode.Length > 5 ? regionCode[..5] : regionCode;

    /// <summary>
    /// One short transaction: renews the rule's lease (false, and nothing written, when another server has taken it
    /// over), does <paramref name="work"/> and commits. Afterwards it gives way for about as long as it held the
    /// writer, so a save waiting on SQLite's busy handler (which sleeps up to 100 ms between tries) gets in.
    /// </summary>
    private async Task<(bool Held, RuleCounts Counts)> InBatchAsync(DbConnection connection, EscalationRule rule,
        Func<DbTransaction, CancellationToken, Task<RuleCounts>> work, CancellationToken cancellationToken)
    {
        var held = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                const string renew = "UPDATE EscalationRules SET LeaseUntilUtc = @until WHERE Id = @id AND LeaseOwner = @owner;";
                var renewed = await connection.ExecuteAsync(new CommandDefinition(renew,
                    new { until = time.GetUtcNow().UtcDateTime + options.Value.LeaseDuration, id = rule.Id, owner = Owner },
                    transaction, cancellationToken: cancellationToken)) == 1;
                if (!renewed)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    LogLeaseLost(rule.Code);
                    return (false, new RuleCounts(0, 0, 0, 1, false));
                }

                var counts = await work(transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                counts = counts with { Queries = counts.Queries + 1 };
                held.Stop();
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(held.Elapsed.TotalMilliseconds, 5, 100)), cancellationToken);
                return (true, counts);
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw;
            }
        }
    }

    /// <summary>The FROM and WHERE of the items a rule escalates now, and their parameters.</summary>
    private (string From, DynamicParameters Args) ItemCandidates(EscalationRule rule, DateTime now)
    {
        var today = RegionCalendar.TodayParameters(now);
        var args = new DynamicParameters(new
        {
            ruleId = rule.Id,
            now,
            cutoff = now.AddHours(-rule.AfterHours),
            criticality = rule.Criticality ?? Criticality.Critical,
            today.todayWib,
            today.todayWita,
            today.todayWit,
            todayLatest = today.todayWit,
        });
        if (rule.Kind == EscalationKinds.Blocked)
        {
            // Unchanged since the cutoff: UpdatedAtUtc moves with every save, and the Version names this cycle, so
            // a Kendala that is edited and stays Kendala starts a new 24 hours. Another agency's answer to a help
            // request moves the Version but not UpdatedAtUtc (the item's agency changed nothing): an escalation made
            // since the item's last save still counts for it.
            return ($"""
                FROM ChecklistItems i
                WHERE i.ElectionId IN ({ActiveElections})
                  AND {RedFlagRule.SqlHasStatus("i.Status", ItemStatus.Blocked)} AND i.UpdatedAtUtc <= @cutoff
                  AND NOT EXISTS (SELECT 1 FROM Escalations e WHERE e.RuleId = @ruleId AND e.ItemId = i.Id
                                  AND (e.Cycle = i.Version OR e.EscalatedAtUtc > i.UpdatedAtUtc))
                """, args);
        }

        // Overdue (RedFlagRule.IsOverdue: neither Siap nor Kendala, past the date in the item's own region's zone);
        // once per item (cycle 0). A Kendala item escalates by the Kendala rule.
        return ($"""
            FROM ChecklistItems i
            JOIN Regions r ON r.Code = i.RegionCode
            WHERE i.ElectionId IN ({ActiveElections}) AND {RedFlagRule.SqlIsOverdue("i", "r")}
              AND i.DueDate < @todayLatest AND i.Criticality = @criticality
              AND NOT EXISTS (SELECT 1 FROM Escalations e WHERE e.RuleId = @ruleId AND e.ItemId = i.Id AND e.Cycle = 0)
            """, args);
    }

    private async Task<RuleCounts> RunItemBatchAsync(DbConnection connection, DbTransaction transaction, EscalationRule rule, DateTime now,
        (string From, DynamicParameters Args) candidates, string regency, IReadOnlyList<string> regionCodes, CancellationToken cancellationToken)
    {
        var dialect = factory.Dialect;
        var cycle = rule.Kind == EscalationKinds.Blocked ? "i.Version" : "0";
        var args = new DynamicParameters(candidates.Args);
        args.Add("codes", regionCodes);
        args.Add("kind", rule.Kind);
        args.Add("role", rule.RecipientRole);
        args.Add("regency", regency);
        var sql = $"""
            INSERT INTO Escalations (RuleId, ItemId, Cycle, ItemVersion, RegionCode, AgencyCode, EscalatedAtUtc)
            SELECT @ruleId, i.Id, {cycle}, i.Version, i.RegionCode, i.AgencyCode, @now
            {candidates.From}
              AND i.RegionCode IN @codes;
            """;
        var escalated = await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, commandTimeout: 300,
            cancellationToken: cancellationToken));
        if (escalated == 0)
        {
            return new RuleCounts(0, 0, 0, 1, false);
        }

        // One notice per person of the rule's role, region and run, not one per item: the region is this regency, or
        // the person's scope where it lies inside the regency. A notice of one item names it (ItemId), so it opens
        // the item as before; a notice of more holds them as the rule's escalations of this run in its region.
        var group = "CASE WHEN s.RegionCode > @regency THEN s.RegionCode ELSE @regency END";
        var fanOut = $"""
            INSERT INTO Notifications (UserId, RuleId, Kind, ItemId, RegionCode, AgencyCode, ItemCount, CreatedAtUtc)
            SELECT g.UserId, @ruleId, @kind, CASE WHEN g.Items = 1 THEN g.ItemId END, g.RegionCode,
                   CASE WHEN g.Items = 1 THEN g.AgencyCode END, g.Items, @now
            FROM (SELECT s.UserId, {group} AS RegionCode, COUNT(*) AS Items, MIN(e.ItemId) AS ItemId, MIN(e.AgencyCode) AS AgencyCode
                  FROM Escalations e
                  JOIN RecipientScopes s ON s.Role = @role
                       AND e.RegionCode >= s.RegionCode AND e.RegionCode < {dialect.Concat("s.RegionCode", "'/'")}
                  WHERE e.RuleId = @ruleId AND e.EscalatedAtUtc = @now AND e.RegionCode IN @codes
                  GROUP BY s.UserId, {group}) g
            WHERE NOT EXISTS (SELECT 1 FROM Notifications n
                              WHERE n.UserId = g.UserId AND n.RuleId = @ruleId AND n.RegionCode = g.RegionCode
                                AND n.CreatedAtUtc = @now AND n.ItemCount IS NOT NULL);
            """;
        var notified = await connection.ExecuteAsync(new CommandDefinition(fanOut, args, transaction, commandTimeout: 300,
            cancellationToken: cancellationToken));
        var queued = notified == 0 ? 0 : await QueueDeliveriesAsync(connection, transaction, rule, now, regency, cancellationToken);
        return new RuleCounts(escalated, notified, queued, notified == 0 ? 2 : 3, false);
    }

    /// <summary>The digests due now (per zone whose local hour has come), read outside any transaction.</summary>
    private async Task<(List<object> Digests, int Queries)> ReadDigestsAsync(DbConnection connection, EscalationRule rule, DateTime now,
        CancellationToken cancellationToken)
    {
        var queries = 0;
        var all = new List<object>();
        foreach (var zone in new[] { RegionTimeZone.Wib, RegionTimeZone.Wita, RegionTimeZone.Wit })
        {
            var local = zone.ToLocal(now);
            // A server that was down at the hour still sends the digest later that morning, but not at night.
            if (local.Hour < rule.LocalHour || local.Hour >= rule.LocalHour + DigestWindowHours)
            {
                continue;
            }

            var date = DateOnly.FromDateTime(local);
            // Since the same local hour yesterday: "against yesterday" is the state 24 hours before this digest.
            var since = now.AddHours(-24);
            var sql = $"""
                WITH due AS (
                    SELECT s.UserId, s.RegionCode
                    FROM RecipientScopes s
                    JOIN Regions r ON r.Code = s.RegionCode
                    WHERE s.Role = @role AND r.TimeZone = @zone
                      AND NOT EXISTS (SELECT 1 FROM Notifications n
                                      WHERE n.UserId = s.UserId AND n.RuleId = @ruleId AND n.DigestZone = @zone AND n.DigestDate = @date)),
                firstChange AS (
                    SELECT ItemId, MIN(Seq) AS Seq FROM ItemEvents WHERE AtUtc > @since GROUP BY ItemId)
                SELECT d.UserId, d.RegionCode, i.AgencyCode,
                       COUNT(i.Id) AS TotalNow,
                       SUM(CASE WHEN {RedFlagRule.SqlHasStatus("i.Status", ItemStatus.Ready)} THEN 1 ELSE 0 END) AS ReadyNow,
                       SUM(CASE WHEN i.Id IS NOT NULL AND (f.Seq IS NULL OR e.StatusBefore IS NOT NULL) THEN 1 ELSE 0 END) AS TotalBefore,
                       SUM(CASE WHEN (f.Seq IS NULL AND {RedFlagRule.SqlHasStatus("i.Status", ItemStatus.Ready)}) OR {RedFlagRule.SqlHasStatus("e.StatusBefore", ItemStatus.Ready)} THEN 1 ELSE 0 END) AS ReadyBefore,
                       SUM(CASE WHEN {RedFlagRule.SqlHasStatus("i.Status", ItemStatus.Blocked)} AND f.Seq IS NOT NULL AND (e.StatusBefore IS NULL OR NOT {RedFlagRule.SqlHasStatus("e.StatusBefore", ItemStatus.Blocked)})
                                THEN 1 ELSE 0 END) AS NewBlocked,
                       SUM(CASE WHEN {RedFlagRule.SqlIsCritical("i")} AND {RedFlagRule.SqlIsOverdueOn("i", "@date")} THEN 1 ELSE 0 END) AS OverdueCritical
                FROM due d
                LEFT JOIN ChecklistItems i ON i.RegionCode >= d.RegionCode AND i.RegionCode < {factory.Dialect.Concat("d.RegionCode", "'/'")}
                      AND i.ElectionId IN ({ActiveElections})
                LEFT JOIN firstChange f ON f.ItemId = i.Id
                LEFT JOIN ItemEvents e ON e.Seq = f.Seq
                GROUP BY d.UserId, d.RegionCode, i.AgencyCode;
                """;
            var today = RegionCalendar.TodayParameters(now);
            var rows = (await connection.QueryAsync<DigestRow>(new CommandDefinition(sql, new
            {
                role = rule.RecipientRole,
                zone = zone.Id,
                ruleId = rule.Id,
                date,
                since,
                today.todayWib,
            }, commandTimeout: 300, cancellationToken: cancellationToken))).AsList();
            queries++;
            if (rows.Count == 0)
            {
                continue;
            }

            var digests = rows.GroupBy(r => r.UserId).Select(object (user) => new
            {
                UserId = user.Key,
                RuleId = rule.Id,
                Kind = EscalationKinds.Digest,
                Zone = zone.Id,
                Date = date,
                Now = now,
                Details = JsonSerializer.Serialize(new DigestDetails
                {
                    Zone = zone.Id,
                    Date = date,
                    RegionCodes = user.Select(r => r.RegionCode).Distinct().Order(StringComparer.Ordinal).ToList(),
                    NewBlocked = user.Sum(r => r.NewBlocked ?? 0),
                    OverdueCritical = user.Sum(r => r.OverdueCritical ?? 0),
                    Agencies = user.Where(r => r.AgencyCode is not null)
                        .GroupBy(r => r.AgencyCode!)
                        .Select(a => new DigestAgencyLine(a.Key, a.Sum(r => r.ReadyNow ?? 0), a.Sum(r => r.TotalNow),
                            a.Sum(r => r.ReadyBefore ?? 0), a.Sum(r => r.TotalBefore ?? 0)))
                        .OrderBy(a => a.AgencyCode, StringComparer.Ordinal)
                        .ToList(),
                }, Json),
            }).ToList();
            all.AddRange(digests);
        }

        return (all, queries);
    }

    private async Task<RuleCounts> WriteDigestsAsync(DbConnection connection, DbTransaction transaction, EscalationRule rule, DateTime now,
        List<object> digests, CancellationToken cancellationToken)
    {
        if (digests.Count == 0)
        {
            return new RuleCounts(0, 0, 0, 0, false);
        }

        const string insert = """
            INSERT INTO Notifications (UserId, RuleId, Kind, DigestZone, DigestDate, Details, CreatedAtUtc)
            SELECT @UserId, @RuleId, @Kind, @Zone, @Date, @Details, @Now
            WHERE NOT EXISTS (SELECT 1 FROM Notifications
                              WHERE UserId = @UserId AND RuleId = @RuleId AND DigestZone = @Zone AND DigestDate = @Date);
            """;
        var notified = await connection.ExecuteAsync(new CommandDefinition(insert, digests, transaction, cancellationToken: cancellationToken));
        var queued = notified == 0 ? 0 : await QueueDeliveriesAsync(connection, transaction, rule, now, regency: null, cancellationToken);
        return new RuleCounts(0, notified, queued, digests.Count + (notified == 0 ? 0 : 1), false);
    }

    /// <summary>The deliveries of the notifications this run made (of one regency's batch, when given).</summary>
    private async Task<int> QueueDeliveriesAsync(DbConnection connection, DbTransaction transaction, EscalationRule rule, DateTime now,
        string? regency, CancellationToken cancellationToken)
    {
        var newId = factory.Dialect.NewOperationId;
        var inBatch = regency is null ? "" : "AND n.ItemCount IS NOT NULL AND (n.RegionCode = @regency OR (n.RegionCode >= @regencyDot AND n.RegionCode < @regencyEnd))";
        var sql = $"""
            INSERT INTO Deliveries (NotificationId, Channel, WebhookId, IdempotencyKey, Status, Attempts, NextAttemptAtUtc, CreatedAtUtc)
            SELECT n.Id, 'email', NULL, {newId}, 'pending', 0, @now, @now
            FROM Notifications n
            JOIN Users u ON u.Id = n.UserId
            WHERE n.RuleId = @ruleId AND n.CreatedAtUtc = @now {inBatch} AND @sendEmail = 1 AND u.Email IS NOT NULL AND u.Email <> ''
              AND NOT EXISTS (SELECT 1 FROM Deliveries d WHERE d.NotificationId = n.Id AND d.Channel = 'email');
            INSERT INTO Deliveries (NotificationId, Channel, WebhookId, IdempotencyKey, Status, Attempts, NextAttemptAtUtc, CreatedAtUtc)
            SELECT n.Id, 'webhook', w.Id, {newId}, 'pending', 0, @now, @now
            FROM Notifications n
            CROSS JOIN Webhooks w
            WHERE n.RuleId = @ruleId AND n.CreatedAtUtc = @now {inBatch} AND @sendWebhook = 1 AND w.IsEnabled = 1
              AND NOT EXISTS (SELECT 1 FROM Deliveries d WHERE d.NotificationId = n.Id AND d.Channel = 'webhook' AND d.WebhookId = w.Id);
            INSERT INTO Deliveries (NotificationId, Channel, WebhookId, IdempotencyKey, Status, Attempts, NextAttemptAtUtc, CreatedAtUtc)
            SELECT n.Id, 'push', NULL, {newId}, 'pending', 0, @now, @now
            FROM Notifications n
            WHERE n.RuleId = @ruleId AND n.CreatedAtUtc = @now {inBatch} AND n.Kind <> '{EscalationKinds.Digest}'
              AND EXISTS (SELECT 1 FROM PushSubscriptions p WHERE p.UserId = n.UserId)
              AND NOT EXISTS (SELECT 1 FROM Deliveries d WHERE d.NotificationId = n.Id AND d.Channel = 'push');
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            ruleId = rule.Id,
            now,
            sendEmail = rule.SendEmail && options.Value.EmailEnabled,
            sendWebhook = rule.SendWebhook,
            regency,
            regencyDot = regency + ".",
            regencyEnd = regency is null ? null : RegionCode.DescendantsTo(regency),
        }, transaction, commandTimeout: 300, cancellationToken: cancellationToken));
    }

    /// <summary>Elections still running: their last stage has not ended (by the WIB date, the earliest in Indonesia).</summary>
    private const string ActiveElections = "SELECT ElectionId FROM Stages GROUP BY ElectionId HAVING MAX(EndDate) >= @todayWib";

    private sealed record RuleCounts(int Escalated, int Notifications, int Deliveries, int Queries, bool Completed);

    private sealed class DigestRow
    {
        public int UserId { get; set; }
        public string RegionCode { get; set; } = "";
        public string? AgencyCode { get; set; }
        public int TotalNow { get; set; }
        public int? ReadyNow { get; set; }
        public int? TotalBefore { get; set; }
        public int? ReadyBefore { get; set; }
        public int? NewBlocked { get; set; }
        public int? OverdueCritical { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation: {Rules} rules run, {Escalated} items escalated, {Notifications} notifications, {Deliveries} deliveries queued")]
    private partial void LogRun(int rules, int escalated, int notifications, int deliveries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation rule {Rule} outlived its lease and was taken over; its run was rolled back")]
    private partial void LogLeaseLost(string rule);
}
