namespace Readiness.Data.Notifications;

/// <summary>
/// A nudge on this server after notifications or deliveries were committed: the notification pump and the outbox
/// worker read at once instead of at their next poll. Other servers see the rows by their poll.
/// </summary>
public sealed class NotificationSignal
{
    private readonly SemaphoreSlim _notifications = new(0, 1);
    private readonly SemaphoreSlim _deliveries = new(0, 1);

    /// <summary>Something was committed: wake both readers.</summary>
    public void Nudge()
    {
        Release(_notifications);
        Release(_deliveries);
    }

    /// <summary>Waits for a nudge or the timeout; true when nudged. For the notification pump.</summary>
    public Task<bool> WaitForNotificationsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _notifications.WaitAsync(timeout, cancellationToken);

    /// <summary>Waits for a nudge or the timeout; true when nudged. For the outbox worker.</summary>
    public Task<bool> WaitForDeliveriesAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _deliveries.WaitAsync(timeout, cancellationToken);

    private static void Release(SemaphoreSlim semaphore)
    {
        // At most one pending nudge: many commits between two reads need only one read.
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }
}
