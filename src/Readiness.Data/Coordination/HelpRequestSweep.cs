using Dapper;
using Readiness.Data.Agencies;
using Readiness.Data.Shared;
using Readiness.Data.Notifications;
using Readiness.Data.Sql;

namespace Readiness.Data.Coordination;

/// <summary>
/// Requests for help still open (not accepted, declined or delivered) a day after they were asked go to the leaders
/// in scope, once per request (<see cref="EscalationKinds.Permintaan"/>, key <c>permintaan:ID</c>). Each request is
/// its own short transaction, so no save waits behind a sweep.
/// </summary>
public sealed class HelpRequestSweep(ConnectionFactory factory, NoticeWriter notices, NotificationSignal notified) : IEscalationSweep
{
    /// <summary>The escalation rule (<see cref="EscalationKinds.Permintaan"/>) by which an unanswered request reaches the leaders.</summary>
    public const string Unanswered = "permintaan-24-jam";

    /// <summary>How long a request may wait for an answer.</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(24);

    /// <summary>Notifies every request unanswered at <paramref name="nowUtc"/> that was not escalated yet; returns the notices written.</summary>
    public async Task<int> SweepAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var due = (await connection.QueryAsync<(long Id, string RegionCode, string FromAgencyCode, string ToAgencyCode)>(new CommandDefinition($"""
            SELECT h.Id, h.RegionCode, h.FromAgencyCode, h.ToAgencyCode
            FROM HelpRequests h LEFT JOIN ChecklistItems t ON t.Id = h.ToItemId
            WHERE h.State = '{HelpRequestState.Open}' AND (t.Status IS NULL OR t.Status <> '{ItemStatus.Ready}') AND h.AskedAtUtc <= @cutoff
              AND NOT EXISTS (SELECT 1 FROM CoordinationEvents e WHERE e.Kind = 'eskalasi' AND e.SubjectId = h.Id)
            ORDER BY h.Id
            {factory.Dialect.Top(200)};
            """, new { cutoff = nowUtc - AnswerWithin }, cancellationToken: cancellationToken))).AsList();
        var written = 0;
        foreach (var request in due)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            written += await notices.NotifyAsync(connection, transaction, new DomainNotice
            {
                Kind = EscalationKinds.Permintaan,
                RuleCode = Unanswered,
                RegionCode = request.RegionCode,
                AgencyCode = request.ToAgencyCode,
                Subject = $"Permintaan bantuan {Short(request.FromAgencyCode)} ke {Short(request.ToAgencyCode)} belum dijawab 24 jam",
                Link = $"wilayah/{request.RegionCode}",
                DedupKey = $"permintaan:{request.Id}",
            }, cancellationToken);
            await CoordinationWrites.AppendEventAsync(connection, transaction, CoordinationEventKind.Escalated, request.Id, request.RegionCode,
                request.ToAgencyCode, null, "sistem", nowUtc, Guid.NewGuid(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (written > 0)
        {
            notified.Nudge();
        }

        return written;
    }

    private static string Short(string agency) => Agency.Find(agency)?.ShortName ?? agency;
}
