namespace Readiness.Data.Notifications;

/// <summary>What one evaluation of every rule did on this server.</summary>
/// <param name="RulesRun">Rules this server held the lease for and ran.</param>
/// <param name="RulesSkipped">Rules another server was running (lease held) or that were off.</param>
/// <param name="Escalated">New escalations (items).</param>
/// <param name="Notifications">New inbox notifications (per person).</param>
/// <param name="Deliveries">New outbox rows (e-mails and webhook posts).</param>
/// <param name="Queries">Database round trips the evaluation took.</param>
public sealed record EscalationRunResult(int RulesRun, int RulesSkipped, int Escalated, int Notifications, int Deliveries, int Queries);
