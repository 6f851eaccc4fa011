using System.Data.Common;
using Readiness.Data.Feed;
using Readiness.Data.Notifications;
using Readiness.Data.Regions;
using Readiness.Data.Shared;

namespace Readiness.Data.Situation;

/// <summary>
/// What a change to the situation or the incident log tells others, written inside the change's own transaction:
/// the leaders' notices (a move to AG or GN; an incident marked significant) through the escalation rules, inbox and
/// outbox, and the region's activity for open screens and the hub; after commit, <see cref="Nudge"/> wakes this
/// server's readers. Notices carry the level or the kind and severity and the region's name, never typed text.
/// </summary>
public sealed class SituationNotices(NoticeWriter notices, FeedSignal feed, NotificationSignal notificationSignal)
{
    /// <summary>
    /// Tells the leaders in scope that <paramref name="situation"/> moved to AG or GN: one notice per change
    /// (<paramref name="seq"/> is the change's event), whatever retries follow. Returns the notices written.
    /// </summary>
    public Task<int> LevelRaisedAsync(DbConnection connection, DbTransaction transaction, Region region, RegionSituation situation, long seq, CancellationToken cancellationToken) =>
        notices.NotifyAsync(connection, transaction, new DomainNotice
        {
            Kind = EscalationKinds.Kamtibmas,
            RegionCode = region.Code,
            Subject = $"Kamtibmas {region.Name}: {SituationLevel.Short(situation.Level)} ({LevelName(situation.Level)})",
            Link = $"wilayah/{region.Code}",
            DedupKey = $"kamtibmas:{seq}",
        }, cancellationToken);

    /// <summary>Tells the leaders in scope that <paramref name="incident"/> was marked significant, once per incident. Returns the notices written.</summary>
    public Task<int> IncidentSignificantAsync(DbConnection connection, DbTransaction transaction, Region region, Incident incident, CancellationToken cancellationToken) =>
        notices.NotifyAsync(connection, transaction, new DomainNotice
        {
            Kind = EscalationKinds.Kejadian,
            RegionCode = region.Code,
            Subject = $"Kejadian penting di {region.Name}: {incident.Kind.Replace('_', ' ')}, {incident.Severity}",
            Link = $"kejadian/{incident.Id}",
            DedupKey = $"kejadian:{incident.Id}",
        }, cancellationToken);

    /// <summary>Appends the region's activity for a change of its estimate (<paramref name="operationId"/> is the change's own).</summary>
    public Task SituationActivityAsync(DbConnection connection, DbTransaction transaction, RegionSituation situation, Guid operationId, CancellationToken cancellationToken) =>
        ActivityLog.AppendAsync(connection, transaction, new ActivityEntry
        {
            RegionCode = situation.RegionCode,
            Kind = ActivityKinds.Kamtibmas,
            SubjectId = null,
            Actor = situation.UpdatedBy,
            AtUtc = situation.UpdatedAtUtc,
            OperationId = operationId,
        }, cancellationToken);

    /// <summary>Appends the region's activity for a change of an incident (<paramref name="operationId"/> is the change's own).</summary>
    public Task IncidentActivityAsync(DbConnection connection, DbTransaction transaction, Incident incident, Guid operationId, CancellationToken cancellationToken) =>
        ActivityLog.AppendAsync(connection, transaction, new ActivityEntry
        {
            RegionCode = incident.RegionCode,
            Kind = ActivityKinds.Kejadian,
            SubjectId = incident.Id,
            Actor = incident.UpdatedBy,
            AtUtc = incident.UpdatedAtUtc,
            OperationId = operationId,
        }, cancellationToken);

    /// <summary>After commit: wakes this server's feed, and its notification pump when <paramref name="notified"/> &gt; 0.</summary>
    public void Nudge(int notified)
    {
        feed.Nudge();
        if (notified > 0)
        {
            notificationSignal.Nudge();
        }
    }

    private static string LevelName(string level) => level switch
    {
        SituationLevel.Potential => "potensi gangguan",
        SituationLevel.Threshold => "ambang gangguan",
        SituationLevel.Actual => "gangguan nyata",
        _ => "kondusif",
    };
}
