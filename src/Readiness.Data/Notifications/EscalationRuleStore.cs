using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Notifications;

/// <summary>The escalation rules as admins read and edit them.</summary>
public sealed class EscalationRuleStore(ConnectionFactory factory, TimeProvider time, ILogger<EscalationRuleStore> logger)
{
    private const string Columns = "Id, Code, Kind, Name, IsEnabled, AfterHours, Criticality, LocalHour, RecipientRole, SendEmail, SendWebhook, Version, UpdatedAtUtc, UpdatedBy, LastRunAtUtc";

    /// <summary>Every rule, by id. Admins only.</summary>
    public async Task<IReadOnlyList<EscalationRule>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "list escalation rules", cancellationToken);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<EscalationRule>(new CommandDefinition($"SELECT {Columns} FROM EscalationRules ORDER BY Id;",
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Saves an admin's edit of <paramref name="rule"/> (made on <see cref="EscalationRule.Version"/>): on/off, hours,
    /// criticality, local hour, recipient role, channels. Returns the saved rule.
    /// </summary>
    /// <exception cref="InputException">A value out of range (<see cref="NotificationInput.RuleInvalid"/>), or someone else saved the rule first (<see cref="NotificationInput.RuleChanged"/>).</exception>
    public async Task<EscalationRule> UpdateAsync(Actor actor, EscalationRule rule, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "change an escalation rule", cancellationToken);
        if (rule.AfterHours is < 0 or > 720 || rule.LocalHour is < 0 or > 23 || !Roles.IsUserRole(rule.RecipientRole)
            || rule.Criticality is not (null or "kritis" or "penting" or "biasa"))
        {
            throw new InputException(NotificationInput.RuleInvalid);
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE EscalationRules
            SET IsEnabled = @IsEnabled, AfterHours = @AfterHours, Criticality = @Criticality, LocalHour = @LocalHour,
                RecipientRole = @RecipientRole, SendEmail = @SendEmail, SendWebhook = @SendWebhook,
                Version = Version + 1, UpdatedAtUtc = @now, UpdatedBy = @by
            WHERE Id = @Id AND Version = @Version;
            """, new
        {
            rule.IsEnabled, rule.AfterHours, rule.Criticality, rule.LocalHour, rule.RecipientRole, rule.SendEmail, rule.SendWebhook,
            rule.Id, rule.Version, now = time.GetUtcNow().UtcDateTime, by = actor.Name,
        }, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            throw new InputException(NotificationInput.RuleChanged);
        }

        return await connection.QuerySingleAsync<EscalationRule>(new CommandDefinition($"SELECT {Columns} FROM EscalationRules WHERE Id = @Id;",
            new { rule.Id }, cancellationToken: cancellationToken));
    }
}
