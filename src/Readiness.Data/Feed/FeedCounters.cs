namespace Readiness.Data.Feed;

/// <summary>What the pump has done, for the diagnostics endpoint, the metrics and the log.</summary>
/// <param name="Queries">Reads of the event and activity logs since this process started.</param>
/// <param name="Polls">Rounds started by the poll interval rather than a nudge.</param>
/// <param name="Nudges">Rounds started by a nudge (a change committed on this server).</param>
/// <param name="EventsApplied">Events applied to the board and handed to this server's subscribers.</param>
/// <param name="LastSeq">The sequence number of the last event read; -1 before the first read.</param>
/// <param name="Subscribers">Open live-feed subscriptions (screens and hub groups) on this server.</param>
/// <param name="LoadedSubtrees">Regencies whose counts the board holds in memory.</param>
/// <param name="LagSeconds">For the last event applied: seconds from its save (by the saving server's clock) to this server applying it.</param>
/// <param name="LastReadUtc">When the pump last read the event log (UTC).</param>
/// <param name="DeliveredSeconds">
/// For the last batch handed on: seconds from its last event's save to every screen on this server having taken it
/// (patched its state and rendered); the server's share of what a watching page waits. Null before the first batch.
/// A batch that finishes after a newer one does not replace the newer one's figure.
/// </param>
/// <param name="DeliveredSeq">The sequence number of the last event of the batch <paramref name="DeliveredSeconds"/> is about; -1 before the first.</param>
public sealed record FeedCounters(long Queries, long Polls, long Nudges, long EventsApplied, long LastSeq, int Subscribers,
    int LoadedSubtrees, double? LagSeconds, DateTime? LastReadUtc, double? DeliveredSeconds = null, long DeliveredSeq = -1);
