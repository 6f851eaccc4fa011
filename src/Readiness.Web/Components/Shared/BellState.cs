using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Notifications;
using Readiness.Web.Accounts;
using Readiness.Web.Live;

namespace Readiness.Web.Components.Shared;

/// <summary>
/// The app bar's bell: how many rows of the signed-in person's inbox hold something unread (a rule's notices about a
/// region on one local day count once, as <see cref="NotificationStore.UnreadGroupCountAsync"/> counts them), kept
/// current by this server's notification feed (a new notice, or one read in another tab).
/// </summary>
public sealed class BellState(LiveFeed feed, NotificationStore notifications, NotificationFeed notificationFeed, CurrentActor currentActor)
    : LiveState(feed)
{
    private Actor? _actor;

    /// <summary>The signed-in person's user id; null for a screen token or a visitor, who have no inbox.</summary>
    public int? UserId { get; private set; }

    /// <summary>The number of inbox rows with something unread.</summary>
    public int Unread { get; private set; }

    /// <summary>Reads the count and follows the person's inbox.</summary>
    public async Task LoadAsync()
    {
        _actor = await currentActor.FindAsync();
        if (_actor?.UserId is not ({ } id and > 0))
        {
            return;
        }

        UserId = id;
        // Before reading, so a notice between the two is not missed.
        WatchInbox(notificationFeed, id);
        Unread = await notifications.UnreadGroupCountAsync(_actor);
    }

    /// <inheritdoc />
    protected override async Task<bool> OnInboxAsync()
    {
        if (_actor is null)
        {
            return false;
        }

        Unread = await notifications.UnreadGroupCountAsync(_actor);
        return true;
    }
}
