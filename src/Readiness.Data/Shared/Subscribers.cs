namespace Readiness.Data.Shared;

/// <summary>
/// This server's subscribers to one kind of live change, each taking the changes its own test says concern it: the
/// one subscriber list behind every feed (item changes and region activity by region, <see cref="RegionSubscribers{T}"/>;
/// inboxes by user and escalations by region, <c>NotificationFeed</c>). Delivery never holds up the publisher, and a
/// subscriber that throws is reported to <c>onDeliveryFailed</c> while the others still get the batch. A subscription
/// ends when it is disposed.
/// </summary>
/// <typeparam name="T">The change.</typeparam>
/// <param name="onDeliveryFailed">Logs a subscriber's failure.</param>
public sealed class Subscribers<T>(Action<Exception> onDeliveryFailed)
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];

    /// <summary>Open subscriptions on this server.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="handler"/> with each batch of the changes for which <paramref name="concerns"/> is true, in
    /// order. Dispose the result when the screen goes away: a forgotten subscription keeps a whole circuit alive.
    /// </summary>
    public IDisposable Subscribe(Func<T, bool> concerns, Func<IReadOnlyList<T>, Task> handler)
    {
        var subscription = new Subscription(this, concerns, handler);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>
    /// Hands a batch, in order, to every subscriber it concerns, without waiting for them. The task completes when every
    /// subscriber given the batch has taken it (a screen: patched and rendered); it never faults, since a subscriber's
    /// failure goes to <c>onDeliveryFailed</c>. The publisher may leave it unawaited.
    /// </summary>
    public Task Publish(IReadOnlyList<T> changes)
    {
        Subscription[] subscriptions;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions];
        }

        List<Task>? deliveries = null;
        foreach (var subscription in subscriptions)
        {
            var mine = changes.Where(subscription.Concerns).ToList();
            if (mine.Count > 0)
            {
                (deliveries ??= []).Add(DeliverAsync(subscription, mine));
            }
        }

        return deliveries is null ? Task.CompletedTask : Task.WhenAll(deliveries);
    }

    private async Task DeliverAsync(Subscription subscription, IReadOnlyList<T> changes)
    {
        try
        {
            await subscription.Handler(changes);
        }
        catch (Exception ex)
        {
            onDeliveryFailed(ex);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private sealed class Subscription(Subscribers<T> owner, Func<T, bool> concerns, Func<IReadOnlyList<T>, Task> handler) : IDisposable
    {
        private int _disposed;

        public Func<T, bool> Concerns { get; } = concerns;

        public Func<IReadOnlyList<T>, Task> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
