using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Notifications;
using Readiness.Web.Accounts;
using Readiness.Web.Live;

namespace Readiness.Web.Components.Pages.Inbox;

/// <summary>
/// The signed-in person's inbox: its rows (a rule's notices about a region on one local day,
/// <see cref="NotificationStore.InboxGroupsAsync"/>), the row opened with its notices, and the notice a digest's link
/// points out; read again whenever the person's inbox changes (a new notice, one read in another tab).
/// </summary>
public sealed class InboxState(
    LiveFeed feed,
    NotificationStore notifications,
    NotificationFeed notificationFeed,
    CurrentActor currentActor,
    ILogger<InboxState> logger) : LiveState(feed)
{
    /// <summary>The most rows listed.</summary>
    public const int MaxGroups = 200;

    private Actor? _actor;
    private long? _highlight;

    /// <summary>The rows, newest first; null while loading.</summary>
    public IReadOnlyList<InboxGroup>? Groups { get; private set; }

    /// <summary>The row opened; null when none is.</summary>
    public InboxGroupKey? Open { get; private set; }

    /// <summary>The opened row's notices; null while they load or when no row is open.</summary>
    public IReadOnlyList<InboxNotification>? OpenNotices { get; private set; }

    /// <summary>The notice pointed out by a link (<c>?n=</c>), when it is the person's.</summary>
    public InboxNotification? Highlighted { get; private set; }

    /// <summary>True when the rows could not be read.</summary>
    public bool Failed { get; private set; }

    /// <summary>True when the opened row's notices could not be read.</summary>
    public bool OpenFailed { get; private set; }

    /// <summary>Reads the inbox of the signed-in person, pointing out <paramref name="highlight"/>, and follows it.</summary>
    public async Task LoadAsync(long? highlight)
    {
        _highlight = highlight;
        _actor = await currentActor.GetAsync();
        if (_actor.UserId is not ({ } userId and > 0))
        {
            Groups = [];
            return;
        }

        WatchInbox(notificationFeed, userId);
        await ReadAsync();
    }

    /// <summary>Reads the rows (and the opened row) again.</summary>
    public async Task ReadAsync()
    {
        if (_actor?.UserId is not > 0)
        {
            return;
        }

        try
        {
            Groups = await notifications.InboxGroupsAsync(_actor, MaxGroups);
            Highlighted = _highlight is { } id ? await notifications.FindAsync(_actor, id) : null;
            Failed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Inbox could not be read");
            Failed = true;
        }

        await ReadOpenAsync();
    }

    /// <summary>Reads the opened row's notices again; nothing when no row is open.</summary>
    public async Task ReadOpenAsync()
    {
        if (Open is not { } key)
        {
            return;
        }

        try
        {
            OpenNotices = await notifications.GroupAsync(_actor!, key);
            OpenFailed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Inbox group could not be read");
            OpenFailed = true;
        }
    }

    /// <summary>Opens <paramref name="key"/>'s row and reads its notices, or closes it when it is open.</summary>
    public async Task ToggleAsync(InboxGroupKey key)
    {
        Open = Open == key ? null : key;
        (OpenNotices, OpenFailed) = (null, false);
        await ReadOpenAsync();
    }

    /// <summary>Marks one notice read (the person's own: the store checks) and reads the inbox again.</summary>
    public async Task MarkAsync(InboxNotification notice, bool readAgain = true)
    {
        await notifications.MarkReadAsync(_actor!, notice.Id);
        if (readAgain)
        {
            await ReadAsync();
        }
    }

    /// <summary>Marks a row's notices read and reads the inbox again.</summary>
    public async Task MarkGroupAsync(InboxGroup group)
    {
        await notifications.MarkGroupReadAsync(_actor!, group.Key);
        await ReadAsync();
    }

    /// <summary>Marks every notice read and reads the inbox again.</summary>
    public async Task MarkAllAsync()
    {
        await notifications.MarkAllReadAsync(_actor!);
        await ReadAsync();
    }

    /// <inheritdoc />
    protected override async Task<bool> OnInboxAsync()
    {
        await ReadAsync();
        return true;
    }
}
