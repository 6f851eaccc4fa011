namespace Readiness.Data.Shared;

/// <summary>
/// This server's subscribers to one kind of live change, each taking the changes under its region prefixes: the
/// item feed (<c>LiveFeed</c>) and the region activity feed (<c>ActivityFeed</c>) share it. Delivery never holds up
/// the publisher; a subscription ends when it is disposed.
/// </summary>
/// <typeparam name="T">The change; <c>regionOf</c> gives its region code.</typeparam>
public abstract class RegionSubscribers<T>
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];
    private readonly Func<T, string> _regionOf;

    /// <summary>Takes how to find a change's region code.</summary>
    protected RegionSubscribers(Func<T, string> regionOf) => _regionOf = regionOf;

    /// <summary>Open subscriptions on this server.</summary>
    public int SubscriberCount
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
    /// Calls <paramref name="handler"/> with each batch of changes under <paramref name="regionPrefixes"/> (all when
    /// empty). Dispose the result when the screen goes away: a forgotten subscription keeps a whole circuit alive.
    /// </summary>
    public IDisposable Subscribe(IReadOnlyCollection<string> regionPrefixes, Func<IReadOnlyList<T>, Task> handler)
    {
        var subscription = new Subscription(this, [.. regionPrefixes], handler);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Hands a batch, in order, to every subscriber it concerns. Called by the pump.</summary>
    public void Publish(IReadOnlyList<T> changes)
    {
        Subscription[] subscriptions;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions];
        }

        foreach (var subscription in subscriptions)
        {
            var mine = subscription.Prefixes.Length == 0
                ? changes
                : changes.Where(c => subscription.Prefixes.Any(p => RegionCode.IsWithin(_regionOf(c), p))).ToList();
            if (mine.Count > 0)
            {
                _ = DeliverAsync(subscription, mine);
            }
        }
    }

    /// <summary>A subscriber threw; logged by the subclass, and the other subscribers still get the batch.</summary>
    protected abstract void OnDeliveryFailed(Exception exception);

    private async Task DeliverAsync(Subscription subscription, IReadOnlyList<T> changes)
    {
        try
        {
            await subscription.Handler(changes);
        }
        catch (Exception ex)
        {
            OnDeliveryFailed(ex);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private sealed class Subscription(RegionSubscribers<T> owner, string[] prefixes, Func<IReadOnlyList<T>, Task> handler) : IDisposable
    {
        private int _disposed;

        public string[] Prefixes { get; } = prefixes;

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
