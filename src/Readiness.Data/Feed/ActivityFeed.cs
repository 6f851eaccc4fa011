using Microsoft.Extensions.Logging;
using Readiness.Data.Shared;

namespace Readiness.Data.Feed;

/// <summary>
/// The subscribers to region activity on this server (screens and the hub relay): each gets the
/// <see cref="RegionActivity"/> rows under its region prefixes and reloads the panel of that kind.
/// </summary>
public sealed partial class ActivityFeed(ILogger<ActivityFeed> logger) : RegionSubscribers<RegionActivity>(a => a.RegionCode)
{
    /// <inheritdoc />
    protected override void OnDeliveryFailed(Exception exception) => LogDeliveryFailed(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A region-activity subscriber failed to take a change")]
    private partial void LogDeliveryFailed(Exception ex);
}
