using Readiness.Data.Shared;

namespace Readiness.Data.Notifications;

/// <summary>
/// A nudge on this server after notifications or deliveries were committed: the notification pump and the outbox
/// worker read at once instead of at their next poll. Other servers see the rows by their poll.
/// </summary>
public sealed class NotificationSignal(TimeProvider time)
{
    private readonly Nudge _notifications = new(time);
    private readonly Nudge _deliveries = new(time);

    /// <summary>Something was committed: wake both readers.</summary>
    public void Nudge()
    {
        _notifications.Set();
        _deliveries.Set();
    }

    /// <summary>Waits for a nudge or the timeout (by the injected clock); true when nudged. For the notification pump.</summary>
    public Task<bool> WaitForNotificationsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _notifications.WaitAsync(timeout, cancellationToken);

    /// <summary>Waits for a nudge or the timeout (by the injected clock); true when nudged. For the outbox worker.</summary>
    public Task<bool> WaitForDeliveriesAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _deliveries.WaitAsync(timeout, cancellationToken);
}
