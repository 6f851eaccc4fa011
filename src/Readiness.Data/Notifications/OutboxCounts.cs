namespace Readiness.Data.Notifications;

/// <summary>Outbox rows by status: waiting (including retries), sent, and dead letters.</summary>
public sealed record OutboxCounts(int Pending, int Sent, int Dead);
