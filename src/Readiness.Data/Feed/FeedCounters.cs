namespace Readiness.Data.Feed;

/// <summary>What the pump has done, for the diagnostics endpoint and the log.</summary>
public sealed record FeedCounters(long Queries, long Polls, long Nudges, long EventsApplied, long LastSeq, int Subscribers,
    int LoadedSubtrees, double? LagSeconds, DateTime? LastReadUtc);
