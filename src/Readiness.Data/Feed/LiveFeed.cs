using Microsoft.Extensions.Logging;
using Readiness.Data.Shared;

namespace Readiness.Data.Feed;

/// <summary>
/// The subscribers to item changes on this server: screens (circuits) and the hub relay. Each gets the events under
/// its region prefix, delivered without holding up the pump; a subscription ends when it is disposed.
/// </summary>
public sealed partial class LiveFeed(ILogger<LiveFeed> logger) : RegionSubscribers<FeedEvent>(e => e.RegionCode)
{
    /// <inheritdoc />
    protected override void OnDeliveryFailed(Exception exception) => LogDeliveryFailed(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live-feed subscriber failed to take a change")]
    private partial void LogDeliveryFailed(Exception ex);
}
