using Microsoft.Extensions.Logging;
using Readiness.Data.Shared;

namespace Readiness.Data.Notifications;

/// <summary>
/// This server's subscribers to notifications: a person's open screens (the bell, the inbox) by user id, and screens
/// that mark escalated items by region prefix. Fed by <see cref="NotificationPump"/>; a subscription ends when disposed.
/// </summary>
public sealed partial class NotificationFeed(ILogger<NotificationFeed> logger)
{
    private readonly Lock _gate = new();
    private readonly List<(int UserId, Func<Task> Handler, Handle Handle)> _users = [];
    private readonly List<(string[] Prefixes, Func<IReadOnlyList<EscalationNotice>, Task> Handler, Handle Handle)> _escalations = [];

    /// <summary>Subscribers on this server, for diagnostics and leak tests.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _users.Count + _escalations.Count;
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="changed"/> whenever the user's inbox changed (a new notification, or one marked read on
    /// this server). Dispose the result when the screen goes away.
    /// </summary>
    public IDisposable SubscribeInbox(int userId, Func<Task> changed)
    {
        var handle = new Handle(this);
        lock (_gate)
        {
            _users.Add((userId, changed, handle));
        }

        return handle;
    }

    /// <summary>Calls <paramref name="handler"/> with new escalations under <paramref name="regionPrefixes"/> (all when empty).</summary>
    public IDisposable SubscribeEscalations(IReadOnlyCollection<string> regionPrefixes, Func<IReadOnlyList<EscalationNotice>, Task> handler)
    {
        var handle = new Handle(this);
        lock (_gate)
        {
            _escalations.Add((regionPrefixes.ToArray(), handler, handle));
        }

        return handle;
    }

    /// <summary>New notifications for these users (called by the pump).</summary>
    public void PublishNotifications(IReadOnlyCollection<int> userIds)
    {
        var set = userIds.ToHashSet();
        List<Func<Task>> handlers;
        lock (_gate)
        {
            handlers = _users.Where(u => set.Contains(u.UserId)).Select(u => u.Handler).ToList();
        }

        foreach (var handler in handlers)
        {
            _ = DeliverAsync(handler);
        }
    }

    /// <summary>A user marked notifications read on this server: their other screens here update their count.</summary>
    public void PublishRead(int userId) => PublishNotifications([userId]);

    /// <summary>New escalations (called by the pump).</summary>
    public void PublishEscalations(IReadOnlyList<EscalationNotice> notices)
    {
        List<(string[] Prefixes, Func<IReadOnlyList<EscalationNotice>, Task> Handler, Handle Handle)> subscribers;
        lock (_gate)
        {
            subscribers = [.. _escalations];
        }

        foreach (var (prefixes, handler, _) in subscribers)
        {
            var mine = prefixes.Length == 0
                ? notices
                : notices.Where(n => prefixes.Any(p => RegionCode.IsWithin(n.RegionCode, p))).ToList();
            if (mine.Count > 0)
            {
                _ = DeliverAsync(() => handler(mine));
            }
        }
    }

    private async Task DeliverAsync(Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(ex);
        }
    }

    private void Remove(Handle handle)
    {
        lock (_gate)
        {
            _users.RemoveAll(u => u.Handle == handle);
            _escalations.RemoveAll(e => e.Handle == handle);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification subscriber failed to take a change")]
    private partial void LogDeliveryFailed(Exception ex);

    private sealed class Handle(NotificationFeed feed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                feed.Remove(this);
            }
        }
    }
}
