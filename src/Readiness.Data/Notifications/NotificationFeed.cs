using Microsoft.Extensions.Logging;
using Readiness.Data.Shared;

namespace Readiness.Data.Notifications;

/// <summary>
/// This server's subscribers to notifications: a person's open screens (the bell, the inbox) by user id, and screens
/// that mark escalated items by region prefix. Fed by <see cref="NotificationPump"/>; a subscription ends when disposed.
/// </summary>
public sealed partial class NotificationFeed
{
    private readonly Subscribers<int> _inboxes;
    private readonly Subscribers<EscalationNotice> _escalations;

    /// <summary>Takes the logger that reports a subscriber's failure.</summary>
    public NotificationFeed(ILogger<NotificationFeed> logger)
    {
        _inboxes = new Subscribers<int>(ex => LogDeliveryFailed(logger, ex));
        _escalations = new Subscribers<EscalationNotice>(ex => LogDeliveryFailed(logger, ex));
    }

    /// <summary>Subscribers on this server, for diagnostics and leak tests.</summary>
    public int SubscriberCount => _inboxes.Count + _escalations.Count;

    /// <summary>
    /// Calls <paramref name="changed"/> whenever the user's inbox changed (a new notification, or one marked read on
    /// this server). Dispose the result when the screen goes away.
    /// </summary>
    public IDisposable SubscribeInbox(int userId, Func<Task> changed) =>
        _inboxes.Subscribe(id => id == userId, _ => changed());

    /// <summary>Calls <paramref name="handler"/> with new escalations under <paramref name="regionPrefixes"/> (all when empty).</summary>
    public IDisposable SubscribeEscalations(IReadOnlyCollection<string> regionPrefixes, Func<IReadOnlyList<EscalationNotice>, Task> handler)
    {
        string[] prefixes = [.. regionPrefixes];
        return _escalations.Subscribe(n => RegionCode.IsWithinAny(n.RegionCode, prefixes), handler);
    }

    /// <summary>New notifications for these users (called by the pump): each of their open screens here is told once.</summary>
    public void PublishNotifications(IReadOnlyCollection<int> userIds) => _ = _inboxes.Publish([.. userIds.Distinct()]);

    /// <summary>A user marked notifications read on this server: their other screens here update their count.</summary>
    public void PublishRead(int userId) => PublishNotifications([userId]);

    /// <summary>New escalations (called by the pump).</summary>
    public void PublishEscalations(IReadOnlyList<EscalationNotice> notices) => _ = _escalations.Publish(notices);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification subscriber failed to take a change")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception ex);
}
