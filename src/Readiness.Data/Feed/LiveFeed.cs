using Microsoft.Extensions.Logging;
using Readiness.Data.Shared;

namespace Readiness.Data.Feed;

/// <summary>
/// The subscribers on this server: screens (circuits) and the hub relay. Each gets the events under its region
/// prefix, delivered without holding up the pump; a subscription ends when it is disposed.
/// </summary>
public sealed partial class LiveFeed(ILogger<LiveFeed> logger)
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];

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
    /// Calls <paramref name="handler"/> with each batch of events under <paramref name="regionPrefixes"/> (all events
    /// when empty). Dispose the result when the screen goes away: a forgotten subscription keeps a whole circuit alive.
    /// </summary>
    public IDisposable Subscribe(IReadOnlyCollection<string> regionPrefixes, Func<IReadOnlyList<FeedEvent>, Task> handler)
    {
        var subscription = new Subscription(this, regionPrefixes.ToArray(), handler);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Hands a batch to every subscriber it concerns. Called by the pump.</summary>
    public void Publish(IReadOnlyList<FeedEvent> events)
    {
        Subscription[] subscriptions;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions];
        }

        foreach (var subscription in subscriptions)
        {
            var mine = subscription.Prefixes.Length == 0
                ? events
                : events.Where(e => subscription.Prefixes.Any(p => RegionCode.IsWithin(e.RegionCode, p))).ToList();
            if (mine.Count > 0)
            {
                _ = DeliverAsync(subscription, mine);
            }
        }
    }

    private async Task DeliverAsync(Subscription subscription, IReadOnlyList<FeedEvent> events)
    {
        try
        {
            await subscription.Handler(events);
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(ex);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live-feed subscriber failed to take a change")]
    private partial void LogDeliveryFailed(Exception ex);

    private sealed class Subscription(LiveFeed feed, string[] prefixes, Func<IReadOnlyList<FeedEvent>, Task> handler) : IDisposable
    {
        private int _disposed;

        public string[] Prefixes { get; } = prefixes;

        public Func<IReadOnlyList<FeedEvent>, Task> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                feed.Remove(this);
            }
        }
    }
}
