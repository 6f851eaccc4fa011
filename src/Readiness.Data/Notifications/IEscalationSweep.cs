namespace Readiness.Data.Notifications;

/// <summary>
/// A feature's time-based escalation (a recommendation past its deadline at the PPK, a request unanswered for 24
/// hours): the escalation worker calls every registered sweep after the rules, every evaluation interval, on every
/// server. A sweep notifies through <see cref="NoticeWriter"/> with a <see cref="DomainNotice.DedupKey"/> per subject,
/// so running on several servers or again after a failure notifies once.
/// </summary>
public interface IEscalationSweep
{
    /// <summary>Notifies what is due at <paramref name="nowUtc"/>; returns the number of notices written.</summary>
    Task<int> SweepAsync(DateTime nowUtc, CancellationToken cancellationToken);
}
