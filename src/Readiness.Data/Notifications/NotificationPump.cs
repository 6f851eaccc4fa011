using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Readiness.Data.Feed;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Notifications;

/// <summary>
/// One per server, beside the feed pump and in its shape: reads notifications and escalations newer than its cursors
/// (at once when this server created some, otherwise every feed poll interval), never past the dialect's gap-safe
/// bound, and hands them to this server's subscribers. One query per read, whatever the number of open screens.
/// </summary>
public sealed partial class NotificationPump(
    ConnectionFactory factory,
    NotificationFeed feed,
    NotificationSignal signal,
    IOptions<FeedOptions> feedOptions,
    TimeProvider time,
    ILogger<NotificationPump> logger) : Poller(time)
{
    private const int BatchSize = 1000;
    private long _notificationCursor = -1;
    private long _escalationCursor = -1;

    /// <summary>Starts after the newest rows, so old notifications are not pushed again.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var dialect = factory.Dialect;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var (notifications, escalations) = await connection.QuerySingleAsync<(long?, long?)>(new CommandDefinition(
            $"SELECT {dialect.SafeIdBound("Notifications")}, {dialect.SafeIdBound("Escalations")};", cancellationToken: cancellationToken));
        _notificationCursor = notifications ?? 0;
        _escalationCursor = escalations ?? 0;
    }

    /// <summary>Reads and publishes what is new; returns the number of rows read.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        if (_notificationCursor < 0)
        {
            await InitializeAsync(cancellationToken);
        }

        var dialect = factory.Dialect;
        var sql = $"""
            SELECT Id, UserId FROM Notifications
            WHERE Id > @notificationCursor AND Id <= {dialect.SafeIdBound("Notifications")}
            ORDER BY Id {dialect.Top(BatchSize)};
            SELECT e.Id, e.ItemId, e.RegionCode, e.AgencyCode, e.ItemVersion, r.Kind, e.EscalatedAtUtc
            FROM Escalations e
            JOIN EscalationRules r ON r.Id = e.RuleId
            WHERE e.Id > @escalationCursor AND e.Id <= {dialect.SafeIdBound("Escalations")}
            ORDER BY e.Id {dialect.Top(BatchSize)};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(sql,
            new { notificationCursor = _notificationCursor, escalationCursor = _escalationCursor }, cancellationToken: cancellationToken));
        var notifications = (await grid.ReadAsync<(long Id, int UserId)>()).AsList();
        var escalations = (await grid.ReadAsync<EscalationNotice>()).AsList();
        if (notifications.Count > 0)
        {
            _notificationCursor = notifications[^1].Id;
            feed.PublishNotifications(notifications.Select(n => n.UserId).Distinct().ToList());
        }

        if (escalations.Count > 0)
        {
            _escalationCursor = escalations[^1].Id;
            feed.PublishEscalations(escalations);
        }

        return notifications.Count + escalations.Count;
    }

    /// <inheritdoc />
    protected override async Task RunRoundAsync(CancellationToken stoppingToken)
    {
        if (_notificationCursor < 0)
        {
            await InitializeAsync(stoppingToken);
        }

        await signal.WaitForNotificationsAsync(feedOptions.Value.PollInterval, stoppingToken);
        while (await DrainAsync(stoppingToken) >= BatchSize)
        {
        }
    }

    /// <inheritdoc />
    // The database may be restarting or not yet migrated: the poller keeps trying, less often; this says so.
    protected override void OnRoundFailed(Exception exception, int failures) => LogReadFailed(exception, failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification read failed ({Failures} in a row); retrying")]
    private partial void LogReadFailed(Exception ex, int failures);
}
