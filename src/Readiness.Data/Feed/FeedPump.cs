using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Readiness.Data.Shared;

namespace Readiness.Data.Feed;

/// <summary>
/// One per server: reads the event log in sequence order (at once when this server committed a change, otherwise
/// every poll interval), applies each event to the board and hands it to this server's subscribers; then reads the
/// region activity log the same way and hands it to <see cref="ActivityFeed"/>. A change costs one query per server,
/// whatever the number of open screens.
/// </summary>
public sealed partial class FeedPump(
    FeedStore store,
    ReadinessBoard board,
    LiveFeed live,
    ActivityLog activityLog,
    ActivityFeed activity,
    FeedSignal signal,
    TimeProvider time,
    IOptions<FeedOptions> options,
    ILogger<FeedPump> logger) : Poller(time)
{
    private DateTimeOffset? _lastLog;

    private long _cursor = -1;
    private long _activityCursor = -1;
    private long _queries;
    private long _polls;
    private long _nudges;
    private long _applied;
    private DateTime? _lastEventAtUtc;
    private DateTime? _lastReadUtc;
    private DateTime? _lastAppliedAtUtc;
    private readonly Lock _deliveredGate = new();
    private long _deliveredSeq = -1;
    private double? _deliveredSeconds;

    public FeedCounters Counters
    {
        get
        {
            double? deliveredSeconds;
            long deliveredSeq;
            lock (_deliveredGate)
            {
                (deliveredSeconds, deliveredSeq) = (_deliveredSeconds, _deliveredSeq);
            }

            return new(
                Interlocked.Read(ref _queries), Interlocked.Read(ref _polls), Interlocked.Read(ref _nudges), Interlocked.Read(ref _applied),
                Interlocked.Read(ref _cursor), live.SubscriberCount, board.LoadedSubtrees,
                _lastEventAtUtc is { } at && _lastAppliedAtUtc is { } applied ? (applied - at).TotalSeconds : null, _lastReadUtc,
                deliveredSeconds, deliveredSeq);
        }
    }

    /// <summary>Finds where to start: after the newest event, so history is not replayed to screens.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var start = await store.StartAsync(cancellationToken);
        Interlocked.Increment(ref _queries);
        board.StartAt(start);
        Interlocked.Exchange(ref _cursor, start);
        Interlocked.Exchange(ref _activityCursor, await activityLog.StartAsync(cancellationToken));
        Interlocked.Increment(ref _queries);
    }

    /// <summary>Reads the region activity log until caught up and publishes it; returns the number of rows read.</summary>
    public async Task<int> DrainActivityAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var rows = await activityLog.ReadAsync(Interlocked.Read(ref _activityCursor), cancellationToken);
            Interlocked.Increment(ref _queries);
            if (rows.Count == 0)
            {
                return total;
            }

            Interlocked.Exchange(ref _activityCursor, rows[^1].Seq);
            _ = activity.Publish(rows);
            total += rows.Count;
            if (rows.Count < ActivityLog.BatchSize)
            {
                return total;
            }
        }
    }

    /// <summary>Reads until caught up; returns the number of events applied.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var events = await store.ReadAsync(Interlocked.Read(ref _cursor), cancellationToken);
            Interlocked.Increment(ref _queries);
            _lastReadUtc = Time.GetUtcNow().UtcDateTime;
            if (events.Count == 0)
            {
                return total;
            }

            board.Apply(events);
            Interlocked.Exchange(ref _cursor, events[^1].Seq);
            Interlocked.Add(ref _applied, events.Count);
            _lastEventAtUtc = events[^1].AtUtc;
            _lastAppliedAtUtc = Time.GetUtcNow().UtcDateTime;
            var last = events[^1];
            var delivered = live.Publish(events);
            _ = delivered.ContinueWith(_ => Delivered(last), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            total += events.Count;
            if (events.Count < FeedStore.BatchSize)
            {
                return total;
            }
        }
    }

    /// <summary>A batch ending at <paramref name="last"/> reached every subscriber; an older batch finishing later says nothing.</summary>
    private void Delivered(FeedEvent last)
    {
        var seconds = (Time.GetUtcNow().UtcDateTime - last.AtUtc).TotalSeconds;
        lock (_deliveredGate)
        {
            if (last.Seq > _deliveredSeq)
            {
                (_deliveredSeq, _deliveredSeconds) = (last.Seq, seconds);
            }
        }
    }

    /// <inheritdoc />
    protected override async Task RunRoundAsync(CancellationToken stoppingToken)
    {
        _lastLog ??= Time.GetUtcNow();
        if (Interlocked.Read(ref _cursor) < 0)
        {
            await InitializeAsync(stoppingToken);
        }

        var nudged = await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        Interlocked.Increment(ref nudged ? ref _nudges : ref _polls);
        await DrainAsync(stoppingToken);
        await DrainActivityAsync(stoppingToken);
        if (Time.GetUtcNow() - _lastLog >= options.Value.LogInterval)
        {
            _lastLog = Time.GetUtcNow();
            var c = Counters;
            LogCounters(c.Queries, c.EventsApplied, c.Subscribers, c.LastSeq, c.LagSeconds);
        }
    }

    /// <inheritdoc />
    // The database may be restarting or not yet migrated: the poller keeps trying, less often; this says so.
    protected override void OnRoundFailed(Exception exception, int failures) => LogReadFailed(exception, failures);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Feed: {Queries} queries, {Events} events applied, {Subscribers} subscribers, at seq {Seq}, lag {LagSeconds} s")]
    private partial void LogCounters(long queries, long events, int subscribers, long seq, double? lagSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed read failed ({Failures} in a row); retrying")]
    private partial void LogReadFailed(Exception ex, int failures);
}
