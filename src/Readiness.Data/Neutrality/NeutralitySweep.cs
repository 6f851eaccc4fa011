using System.Globalization;
using Dapper;
using Readiness.Data.Notifications;
using Readiness.Data.Regions;
using Readiness.Data.Sql;

namespace Readiness.Data.Neutrality;

/// <summary>
/// Escalates a recommendation past its deadline at the PPK: once the case's region's local date is after the
/// deadline, the leaders whose scope covers the case get one notice per case (kind <c>netralitas</c>, through the
/// existing rule, inbox, e-mail and webhooks). The notice carries the case number and kind and a link, never a name.
/// </summary>
public sealed class NeutralitySweep(ConnectionFactory factory, NoticeWriter notices, NotificationSignal signal) : IEscalationSweep
{
    /// <summary>The DedupKey of a case's past-deadline notice: one per case.</summary>
    public static string DedupKey(int caseId) => "netralitas:" + caseId.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public async Task<int> SweepAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        // Indonesia's dates differ by at most one day across its zones: read with the easternmost (latest) date, then
        // keep the cases whose own zone's date is past the deadline.
        var latest = RegionCalendar.DateAt(RegionTimeZone.Wit, nowUtc);
        List<Due> due;
        await using (var connection = await factory.OpenAsync(cancellationToken))
        {
            due = (await connection.QueryAsync<Due>(new CommandDefinition($"""
                SELECT c.Id, c.RegionCode, c.Kind, c.PpkDeadline, r.TimeZone
                FROM NeutralityCases c JOIN Regions r ON r.Code = c.RegionCode
                WHERE c.Step = '{NeutralitySteps.AtPpk}' AND c.PpkDeadline < @latest
                ORDER BY c.Id;
                """, new { latest }, cancellationToken: cancellationToken))).AsList();
        }

        var written = 0;
        foreach (var c in due.Where(c => RegionCalendar.DateAt(RegionCalendar.ZoneOf(c.TimeZone), nowUtc) > c.PpkDeadline))
        {
            // One short transaction per case, so no save waits behind a national sweep.
            await using var connection = await factory.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var regency = string.Join('.', c.RegionCode.Split('.').Take(2));
            written += await notices.NotifyAsync(connection, transaction, new DomainNotice
            {
                Kind = EscalationKinds.Netralitas,
                RegionCode = c.RegionCode,
                Subject = string.Create(CultureInfo.InvariantCulture,
                    $"Netralitas ASN: rekomendasi kasus #{c.Id} ({c.Kind}) lewat tenggat {c.PpkDeadline:yyyy-MM-dd} di PPK"),
                Link = $"wilayah/{regency}/netralitas",
                DedupKey = DedupKey(c.Id),
            }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (written > 0)
        {
            signal.Nudge();
        }

        return written;
    }

    private sealed class Due
    {
        public int Id { get; set; }

        public string RegionCode { get; set; } = "";

        public string Kind { get; set; } = "";

        public DateOnly PpkDeadline { get; set; }

        public string TimeZone { get; set; } = "";
    }
}
