namespace Readiness.Data.Shared;

/// <summary>
/// This server's subscribers to one kind of live change by region: each takes the changes under its region prefixes
/// (<see cref="Subscribers{T}"/> with a region test). The item feed (<c>LiveFeed</c>) and the region activity feed
/// (<c>ActivityFeed</c>) are such lists.
/// </summary>
/// <typeparam name="T">The change; <c>regionOf</c> gives its region code.</typeparam>
public abstract class RegionSubscribers<T>
{
    private readonly Subscribers<T> _subscribers;
    private readonly Func<T, string> _regionOf;

    /// <summary>Takes how to find a change's region code.</summary>
    protected RegionSubscribers(Func<T, string> regionOf)
    {
        _regionOf = regionOf;
        _subscribers = new Subscribers<T>(ex => OnDeliveryFailed(ex));
    }

    /// <summary>Open subscriptions on this server.</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <summary>
    /// Calls <paramref name="handler"/> with each batch of changes under <paramref name="regionPrefixes"/> (all when
    /// empty). Dispose the result when the screen goes away: a forgotten subscription keeps a whole circuit alive.
    /// </summary>
    public IDisposable Subscribe(IReadOnlyCollection<string> regionPrefixes, Func<IReadOnlyList<T>, Task> handler)
    {
        string[] prefixes = [.. regionPrefixes];
        return _subscribers.Subscribe(c => RegionCode.IsWithinAny(_regionOf(c), prefixes), handler);
    }

    /// <summary>
    /// Hands a batch, in order, to every subscriber it concerns. Called by the pump, which does not wait: the task
    /// completes when every subscriber given the batch has taken it, and never faults.
    /// </summary>
    public Task Publish(IReadOnlyList<T> changes) => _subscribers.Publish(changes);

    /// <summary>A subscriber threw; logged by the subclass, and the other subscribers still get the batch.</summary>
    protected abstract void OnDeliveryFailed(Exception exception);
}
