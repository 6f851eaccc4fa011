namespace Readiness.Data.Notifications;

/// <summary>
/// A claimed outbox row with everything needed to send it: the channel and its target (the recipient's e-mail, or
/// the webhook's URL and secret), the idempotency key the receiver dedupes on, and the notification.
/// </summary>
public sealed class DeliveryWork
{
    public long DeliveryId { get; set; }

    /// <summary><c>email</c>, <c>webhook</c> or <c>push</c>.</summary>
    public string Channel { get; set; } = "";

    /// <summary>Made once when the row was queued, sent with every try: the same across retries, restarts and servers.</summary>
    public string IdempotencyKey { get; set; } = "";

    /// <summary>Tries made before this claim.</summary>
    public int Attempts { get; set; }

    public int? WebhookId { get; set; }

    public string? WebhookUrl { get; set; }

    public string? WebhookSecret { get; set; }

    public string? Email { get; set; }

    public string UserName { get; set; } = "";

    /// <summary>The recipient's id (a push goes to every browser they allowed notifications on).</summary>
    public int UserId { get; set; }

    public string DisplayName { get; set; } = "";

    public InboxNotification Notification { get; set; } = new();
}
