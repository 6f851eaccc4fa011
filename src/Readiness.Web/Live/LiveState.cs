using System.Globalization;
using Readiness.Data.Feed;
using Readiness.Data.Notifications;

namespace Readiness.Web.Live;

/// <summary>
/// What one screen family shows, kept current by this server's live feed: the base of every per-feature state
/// (region, item, home, wall). A subclass loads its snapshot, says which regions it watches with
/// <see cref="Watch"/>, and patches what it holds in <see cref="OnEventsAsync"/>; the screen renders the state and
/// never re-derives a rule.
/// </summary>
/// <remarks>
/// Created and disposed by <see cref="LiveView{TState}"/>, one per component, which attaches the circuit's
/// dispatcher and the user's culture. The feed delivers on a pool thread in the server's culture (a server in
/// en_US would otherwise turn "11.24" into "11:24" and Indonesian words into English on a live update), so every
/// piece of work that ends in a render, feed events and timers alike, goes through <see cref="DispatchAsync"/>:
/// on the circuit's dispatcher, in the culture of the user's request. One subscription per state; disposing ends it.
/// </remarks>
public abstract class LiveState : IDisposable
{
    private readonly LiveFeed _feed;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _applying = new(1, 1);
    private IDisposable? _subscription;
    private IDisposable? _escalations;
    private IDisposable? _activity;
    private IDisposable? _inbox;
    private ITimer? _dayTurn;
    private string[]? _watchedActivity;
    private string[]? _watched;
    private string[]? _watchedEscalations;
    private Func<Func<Task>, Task>? _dispatch;
    private CultureInfo _culture = CultureInfo.CurrentCulture;
    private CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private volatile bool _disposed;

    /// <summary>Takes this server's feed; subclasses add the stores and the board they read.</summary>
    protected LiveState(LiveFeed feed) => _feed = feed;

    /// <summary>Raised on the circuit's dispatcher, in the user's culture, after what the state holds has changed.</summary>
    public event Action? Changed;

    /// <summary>True on a live circuit; false while prerendering, when nothing subscribes.</summary>
    protected bool IsInteractive { get; private set; }

    /// <summary>True once disposed: the screen has gone, and no more work is dispatched.</summary>
    protected bool IsDisposed => _disposed;

    /// <summary>Called once by <see cref="LiveView{TState}"/>: the circuit's dispatcher and the user's culture.</summary>
    internal void Attach(Func<Func<Task>, Task> dispatch, CultureInfo culture, CultureInfo uiCulture, bool interactive)
    {
        _dispatch = dispatch;
        _culture = culture;
        _uiCulture = uiCulture;
        IsInteractive = interactive;
    }

    /// <summary>
    /// Takes the feed's events under <paramref name="regionPrefixes"/> (every region when empty) from now on;
    /// calling it again with other prefixes replaces the subscription, with the same ones does nothing. Nothing is
    /// subscribed while prerendering. Load the snapshot after watching, so no change falls between the two.
    /// </summary>
    protected void Watch(params string[] regionPrefixes)
    {
        if (!IsInteractive || _disposed)
        {
            return;
        }

        lock (_gate)
        {
            if (_watched is not null && _watched.SequenceEqual(regionPrefixes))
            {
                return;
            }

            _subscription?.Dispose();
            _watched = regionPrefixes;
            _subscription = _feed.Subscribe(regionPrefixes, events => DispatchAsync(() => InOrderAsync(events)));
        }
    }

    /// <summary>
    /// Takes new escalations under <paramref name="regionPrefixes"/> (every region when empty) from
    /// <paramref name="notifications"/>, delivered to <see cref="OnEscalationsAsync"/> like feed events: on the
    /// circuit's dispatcher, in the user's culture. The same rules as <see cref="Watch"/>: again with other prefixes
    /// replaces the subscription, nothing while prerendering; load the marks after watching.
    /// </summary>
    protected void WatchEscalations(NotificationFeed notifications, params string[] regionPrefixes)
    {
        if (!IsInteractive || _disposed)
        {
            return;
        }

        lock (_gate)
        {
            if (_watchedEscalations is not null && _watchedEscalations.SequenceEqual(regionPrefixes))
            {
                return;
            }

            _escalations?.Dispose();
            _watchedEscalations = regionPrefixes;
            _escalations = notifications.SubscribeEscalations(regionPrefixes, notices => DispatchAsync(() => OnEscalationsAsync(notices)));
        }
    }

    /// <summary>
    /// Marks new escalations under the regions given to <see cref="WatchEscalations"/>; return true when the screen
    /// must re-render. Does nothing unless overridden.
    /// </summary>
    protected virtual Task<bool> OnEscalationsAsync(IReadOnlyList<EscalationNotice> notices) => Task.FromResult(false);

    /// <summary>
    /// Takes region activity (neutrality, Kamtibmas, incidents, coordination) under <paramref name="regionPrefixes"/>
    /// (every region when empty) from <paramref name="activity"/>, delivered to <see cref="OnActivityAsync"/> like feed
    /// events: on the circuit's dispatcher, in the user's culture. The same rules as <see cref="Watch"/>: again with
    /// other prefixes replaces the subscription, nothing while prerendering; load the panels after watching.
    /// </summary>
    protected void WatchActivity(ActivityFeed activity, params string[] regionPrefixes)
    {
        if (!IsInteractive || _disposed)
        {
            return;
        }

        lock (_gate)
        {
            if (_watchedActivity is not null && _watchedActivity.SequenceEqual(regionPrefixes))
            {
                return;
            }

            _activity?.Dispose();
            _watchedActivity = regionPrefixes;
            _activity = activity.Subscribe(regionPrefixes, rows => DispatchAsync(() => OnActivityAsync(rows)));
        }
    }

    /// <summary>
    /// Reloads the panels that a batch of region activity (in order) under the watched regions concerns; return true
    /// when the screen must re-render. Does nothing unless overridden.
    /// </summary>
    protected virtual Task<bool> OnActivityAsync(IReadOnlyList<RegionActivity> activity) => Task.FromResult(false);

    /// <summary>
    /// Takes the signed-in person's inbox changes (a new notice for <paramref name="userId"/>, or one read in another
    /// tab) from <paramref name="notifications"/>, delivered to <see cref="OnInboxAsync"/> on the circuit's dispatcher,
    /// in the user's culture. Once per state; nothing while prerendering. Read the inbox after watching.
    /// </summary>
    protected void WatchInbox(NotificationFeed notifications, int userId)
    {
        if (!IsInteractive || _disposed)
        {
            return;
        }

        lock (_gate)
        {
            _inbox ??= notifications.SubscribeInbox(userId, () => DispatchAsync(OnInboxAsync));
        }
    }

    /// <summary>
    /// Reads the inbox again after a change for the watched person; return true when the screen must re-render. Does
    /// nothing unless overridden.
    /// </summary>
    protected virtual Task<bool> OnInboxAsync() => Task.FromResult(false);

    /// <summary>
    /// Runs <paramref name="work"/> once at <paramref name="atUtc"/> by <paramref name="time"/> (at once when it has
    /// passed), on the circuit's dispatcher in the user's culture: the turn of a local day
    /// (<see cref="Readiness.Data.Checklists.RedFlagRule.NextDayChangeUtc"/>), after which dates, stages and
    /// countdowns are read again. Calling it again replaces the pending turn; the work sets the next one. Nothing
    /// while prerendering.
    /// </summary>
    protected void TurnDayAt(TimeProvider time, DateTime atUtc, Func<Task<bool>> work)
    {
        if (!IsInteractive || _disposed)
        {
            return;
        }

        var due = atUtc - time.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            _dayTurn?.Dispose();
            _dayTurn = time.CreateTimer(_ => _ = DispatchAsync(work), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Hands <paramref name="events"/> to <see cref="OnEventsAsync"/> once the batch before it is done. The circuit's
    /// dispatcher runs the next piece of work while one awaits the database, so without this a newer batch could be
    /// patched in first and an older one, finishing later, would put back what the newer one moved.
    /// </summary>
    private async Task<bool> InOrderAsync(IReadOnlyList<FeedEvent> events)
    {
        await _applying.WaitAsync();
        try
        {
            return !_disposed && await OnEventsAsync(events);
        }
        finally
        {
            _applying.Release();
        }
    }

    /// <summary>
    /// Patches what the state holds from a batch of events (in sequence order) under the watched regions. Runs on
    /// the circuit's dispatcher in the user's culture; return true when the screen must re-render. Does nothing unless
    /// overridden (a state that watches only the inbox or escalations). One batch at a time: the next waits until
    /// this one is done, even across an await.
    /// </summary>
    protected virtual Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events) => Task.FromResult(false);

    /// <summary>
    /// Runs <paramref name="work"/> on the circuit's dispatcher in the user's culture, and re-renders the screen when
    /// it returns true. For anything that changes the state from outside a user's action: feed events, timers,
    /// retries. Does nothing once disposed.
    /// </summary>
    protected Task DispatchAsync(Func<Task<bool>> work)
    {
        var dispatch = _dispatch;
        if (_disposed || dispatch is null)
        {
            return Task.CompletedTask;
        }

        return dispatch(async () =>
        {
            if (_disposed)
            {
                return;
            }

            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
            try
            {
                if (await work() && !_disposed)
                {
                    Changed?.Invoke();
                }
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = uiCulture;
            }
        });
    }

    /// <summary>Ends the subscriptions and the day's timer; subclasses stop their own timers too, and call this.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Ends the subscription. Override to stop timers; call the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (_gate)
        {
            _subscription?.Dispose();
            _subscription = null;
            _escalations?.Dispose();
            _escalations = null;
            _activity?.Dispose();
            _activity = null;
            _inbox?.Dispose();
            _inbox = null;
            _dayTurn?.Dispose();
            _dayTurn = null;
        }

        Changed = null;
    }
}
